// The kiemdem API from the browser: JSON, the session cookie, the CSRF token
// on writes, and errors as {code, message, field} in the chosen language.
import type { Lang } from "./format";

export class ApiError extends Error {
  // `body`: the whole answer, for the few that carry more than the error (422 of an import).
  constructor(public status: number, public code: string, message: string, public field: string | null, public body: unknown = null) {
    super(message);
  }
}

let csrf = sessionStorage.getItem("kd_csrf") ?? "";
let lang: Lang = (localStorage.getItem("kd_lang") as Lang) || "vi";

export function setCsrf(token: string): void {
  csrf = token;
  sessionStorage.setItem("kd_csrf", token);
}
export function getLang(): Lang {
  return lang;
}
export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem("kd_lang", l);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "Accept-Language": lang };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  const res = await fetch("/api/v1" + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = data?.error ?? { code: "http_" + res.status, message: res.statusText, field: null };
    throw new ApiError(res.status, e.code, e.message, e.field, data);
  }
  return data as T;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  full_name: string;
  type: string;
  type_name: string;
  parent: number | null;
  has_children: boolean;
  path?: Unit[];
}
export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}
export interface Indicator {
  code: string;
  name: string;
  unit: string;
  direction: string;
  value_kind: string;
}
export interface EvaluationRow {
  indicator: Indicator;
  target: { comparator: string; value: number; body_kind: string } | null;
  actual: number | null;
  previous: number | null;
  percent_of_plan: number | null;
  percent_of_previous: number | null;
  status: "exceeded" | "met" | "not_met" | "no_data";
  status_label: string;
  estimated: boolean;
  prorated: boolean;
  judged_against: number | null;
  note: string;
  result_id: number | null;
  result_status: string | null;
}
export interface Evaluation {
  unit: Unit;
  period: { key: string; label: string };
  rows: EvaluationRow[];
  summary: { text: string; with_target: number; exceeded: number; met: number; not_met: number; no_data: number };
}
export interface Directive {
  id: number;
  meeting: number | null;
  issuer: string;
  text: string;
  assignee: { kind: string; name: string; unit: number | null };
  cooperating: string[];
  deadline: string | null;
  completed_on: string | null;
  state: "done_on_time" | "done_late" | "in_progress" | "overdue";
  state_label: string;
  days_left?: number;
  progress: { on: string; actor: string; note: string; completes: boolean }[];
}
export interface User {
  username: string;
  display_name: string;
  roles: { role: string; unit: number | null }[];
}
