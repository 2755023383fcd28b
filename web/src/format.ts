// Numbers and dates as Vietnamese officials write them: "2.317,8", "25/11/2018".
// English keeps the same day-month order but uses "2,317.8".

import type { Lang } from "./lang";

export type { Lang };

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits || 0;  // never "-0"
  return rounded.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}

// Large money amounts read better in tỷ / triệu, as reports write them.
export function formatAmount(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (unit === "đồng" && Math.abs(value) >= 1e9) return `${formatNumber(value / 1e9, lang, 2)} ${lang === "vi" ? "tỷ đồng" : "bn VND"}`;
  if (unit === "đồng" && Math.abs(value) >= 1e6) return `${formatNumber(value / 1e6, lang, 1)} ${lang === "vi" ? "triệu đồng" : "m VND"}`;
  return `${formatNumber(value, lang, 2)}${unit === "%" ? "%" : unit ? " " + unit : ""}`;
}

// A unit's figure as shown: "Đạt" / "Chưa đạt" for a state reached or not
// (value kind yes_no: 1 or 0), else the amount with its unit.
export function formatFigure(value: number | null | undefined, indicator: { value_kind: string; unit: string },
                             lang: Lang): string {
  if (indicator.value_kind === "yes_no" && value !== null && value !== undefined) {
    if (lang === "vi") return value >= 0.5 ? "Đạt" : "Chưa đạt";
    return value >= 0.5 ? "Reached" : "Not reached";
  }
  return formatAmount(value, indicator.unit, lang);
}

// A percentage with the precision it has: a figure written with two decimals
// keeps them ("66,66%" as the report says), a computed ratio shows one
// ("32/33" → "97%", "8/12" → "66,7%").
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const hundredths = value * 100;
  const twoDecimals = Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
  return `${formatNumber(value, lang, twoDecimals ? 2 : 1)}%`;
}

// A difference in percentage points, signed: "+3", "−12", "−0,43".
export function formatPoints(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = formatNumber(Math.abs(value), lang, 2);
  if (text === "0") return "0";
  return (value > 0 ? "+" : "\u2212") + text;
}

// "2026-11-25" -> "25/11/2026".
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

// Today in Việt Nam (UTC+7) as "2026-11-25", the day the server judges
// deadlines and periods by, wherever the browser's clock is set.
export function todayInVietnam(now: number = Date.now()): string {
  return new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

// A moment the server stamps in UTC ("2026-11-22T17:15:02.123Z") as the day
// and time in Việt Nam (UTC+7), as the server's own lists write it:
// "23/11/2026 00:15". A text that is not such a moment is shown as a date.
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return "—";
  const t = Date.parse(iso);
  if (!/T\d\d:\d\d/.test(iso) || Number.isNaN(t)) return formatDate(iso);
  const local = new Date(t + 7 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

// Reads a number as Vietnamese officials write it, by the same rules as the
// server's ParseVietnameseNumber (src/core/vn_number.cc; the shared vectors
// in tests/vectors check both): "2.317,8", "19.885.177.001", "2 317,8",
// "22.5" (an English decimal point), "-3". null when it is not a number.
export function parseVietnameseNumber(text: string): number | null {
  let s = text.replace(/^[ \t]+|[ \t]+$/g, "");
  if (s === "") return null;
  let negative = false;
  if (s[0] === "-" || s[0] === "+" || s[0] === "\u2212") {
    negative = s[0] !== "+";
    s = s.slice(1).replace(/^[ \t]+/, "");
  }
  // Spaces (and no-break spaces) inside the number group thousands.
  const c = s.replace(/[ \u00a0]/g, ".");
  if (c === "") return null;
  const digits = (x: string) => /^[0-9]+$/.test(x);
  const grouped = (x: string) => /^[0-9]{1,3}(\.[0-9]{3})*$/.test(x);
  let int: string;
  let frac = "";
  const comma = c.indexOf(",");
  if (comma >= 0) {
    if (c.indexOf(",", comma + 1) >= 0) return null;
    const intPart = c.slice(0, comma);
    frac = c.slice(comma + 1);
    if (!digits(frac)) return null;
    if (intPart === "") int = "0";
    else if (grouped(intPart)) int = intPart.replace(/\./g, "");
    else return null;
  } else if (!c.includes(".")) {
    if (!digits(c)) return null;
    int = c;
  } else if (grouped(c)) {
    int = c.replace(/\./g, "");  // "1.500", "19.885.177.001": thousands
  } else {
    const [a, b, ...rest] = c.split(".");
    if (rest.length || !digits(a) || !digits(b)) return null;
    int = a;  // "22.5": a decimal point
    frac = b;
  }
  if (int.length > 18) return null;
  const v = Number(frac ? `${int}.${frac}` : int);
  return negative ? -v : v;
}

// "25/11/2018" (or "25/11/2018" with one-digit day or month) -> "2018-11-25"; null when not a real date.
export function parseVietnameseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Scale words officials write after an amount, and their factor.
const scaleWords: [RegExp, number][] = [
  [/^(tỷ|tỉ)$/, 1e9],
  [/^triệu$/, 1e6],
  [/^(nghìn|ngàn)$/, 1e3],
];
function scaleOf(word: string): number | null {
  for (const [re, f] of scaleWords) if (re.test(word)) return f;
  return null;
}

export type AmountInput = { value: number; scaled: boolean } | { value: null; why: "number" | "scale" };

// Reads what an official types in a cell of the entry form: a Vietnamese
// number, or for a money indicator an amount in tỷ / triệu / nghìn as reports
// write it ("45 tỷ", "45,5 tỷ đồng", "62,5 triệu"), in the indicator's own
// unit: 45 tỷ is 45.000.000.000 for "đồng", 45.000 for "triệu đồng"; a rate
// may end in "%" ("92,5%").
// `why` is "scale" for a scale word on an indicator not counted in đồng.
export function parseAmountInput(text: string, unit: string): AmountInput {
  const plain = parseVietnameseNumber(unit === "%" ? text.replace(/[ \t]*%[ \t]*$/, "") : text);
  if (plain !== null) return { value: plain, scaled: false };
  const m = /^(.*?[0-9])[ \t\u00a0]*([\p{L}]+)(?:[ \t\u00a0]+đồng)?[ \t]*$/u.exec(text.normalize("NFC").toLowerCase());
  const written = m ? scaleOf(m[2]) : null;
  if (!m || written === null) return { value: null, why: "number" };
  const n = parseVietnameseNumber(m[1]);
  if (n === null) return { value: null, why: "number" };
  const u = unit.normalize("NFC").toLowerCase().split(/[ /]/);
  if (!u.includes("đồng")) return { value: null, why: "scale" };
  const own = u[0] === "đồng" ? 1 : scaleOf(u[0]);
  if (own === null) return { value: null, why: "scale" };
  // 15 significant digits: 2,3178 tỷ is 2.317.800.000, not 2.317.800.000,0000002.
  return { value: Number(((n * written) / own).toPrecision(15)), scaled: true };
}
