// The hash router: "#/entry?unit=5&period=2018-11" is the page "/entry" with
// its parameters. Pages are listed once, in routes.tsx, which also draws the
// navigation. A page with unsaved work registers a leave guard: moving away
// (another page, reload, closing the tab) then asks first.
import { useEffect, useState } from "preact/hooks";
import { t } from "./i18n";

export interface Location {
  path: string;
  params: URLSearchParams;
  hash: string;  // the whole hash, "#/entry?unit=5"
}

export type Params = Record<string, string | number | boolean | null | undefined>;

export function currentLocation(): Location {
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  return { path: path || "/", params: new URLSearchParams(query ?? ""), hash: location.hash };
}

// "#/entry?unit=5&period=2018-11"; empty and null parameters are left out.
export function href(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "" && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return `#${path}${s ? "?" + s : ""}`;
}

const listeners = new Set<() => void>();
function notify(): void {
  for (const l of listeners) l();
}

// Goes to a page; the same address again re-renders it (a reload of its data).
export function navigate(path: string, params: Params = {}): void {
  go(href(path, params));
}

export function go(hash: string): void {
  if (location.hash === hash) {
    bump++;
    notify();
  } else {
    location.hash = hash;
  }
}

// Replaces the address without a new history entry (a filter typed in place).
export function replace(path: string, params: Params = {}): void {
  history.replaceState(null, "", href(path, params));
  lastHash = location.hash;
}

let bump = 0;  // counts re-renders of the same address
let lastHash = location.hash;
let guard: (() => boolean) | null = null;

// While `dirty()` is true, leaving the page asks for confirmation.
export function setLeaveGuard(dirty: (() => boolean) | null): void {
  guard = dirty;
}

window.addEventListener("hashchange", () => {
  if (guard?.() && !window.confirm(t().leaveUnsaved)) {
    history.replaceState(null, "", lastHash);  // stay, with what was typed
    return;
  }
  guard = null;
  lastHash = location.hash;
  notify();
});
window.addEventListener("beforeunload", (e) => {
  if (guard?.()) {
    e.preventDefault();
    e.returnValue = "";
  }
});

// The current location; re-renders when it changes. `key` changes on every
// navigation, including to the same address, so a page can remount on it.
export function useLocation(): Location & { key: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  const loc = currentLocation();
  return { ...loc, key: `${loc.hash}#${bump}` };
}
