// Numbers and dates as Vietnamese officials write them: "2.317,8", "25/11/2018".
// English keeps the same day-month order but uses "2,317.8".

export type Lang = "vi" | "en";

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
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

export function formatPercent(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? "—" : `${formatNumber(value, lang, 1)}%`;
}

// "2026-11-25" -> "25/11/2026".
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

// Reads "2.317,8", "2317,8", "2 317,8" (Vietnamese) or "2317.8"; null when it is not a number.
export function parseVietnameseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  if (!/^-?[\d.,]+$/.test(t)) return null;
  let normal: string;
  if (t.includes(",")) {
    if (t.indexOf(",") !== t.lastIndexOf(",")) return null;
    const [int, frac] = t.split(",");
    if (!/^-?\d{1,3}(\.\d{3})*$/.test(int) && !/^-?\d+$/.test(int)) return null;
    normal = int.replace(/\./g, "") + "." + frac;
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) {
    normal = t.replace(/\./g, "");  // "2.317" is two thousand three hundred and seventeen
  } else {
    normal = t;
  }
  const v = Number(normal);
  return Number.isFinite(v) ? v : null;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// The interface language, for modules that format without the API client.
export function getLangSafe(): Lang {
  return (localStorage.getItem("kd_lang") as Lang) || "vi";
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
