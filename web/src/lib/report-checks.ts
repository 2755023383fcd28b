// The rules that keep "Nhập từ báo cáo" from storing wrong data, as pure
// functions (tested in report-checks.test.ts):
// - a figure only goes into an indicator of its kind (the server's KindFits
//   in src/core/indicator_match.h, mirrored here for the choice list);
// - a fraction whose stated percentage disagrees with it ("8/12 tổ đạt 75%",
//   written as one clause or as two figures) is a conflict someone decides;
// - a figure that would replace a different one already stored is shown
//   beside it first.
import type { Indicator, Measure, Result } from "../api/client";

export type MeasureKind = "number" | "percent" | "fraction";

export function kindOf(m: Pick<Measure, "unit" | "total">): MeasureKind {
  if (m.total !== null) return "fraction";
  return m.unit === "%" ? "percent" : "number";
}

// Whether the figure may be stored as a value of the indicator.
export function fits(m: Pick<Measure, "unit" | "total">, ind: Pick<Indicator, "value_kind">): boolean {
  const kind = kindOf(m);
  if (kind === "percent") return ind.value_kind !== "number";
  if (kind === "fraction") return ind.value_kind === "fraction";
  return ind.value_kind === "number" || m.unit === "";
}

// A fraction and the percentage the report states for it.
export interface Conflict {
  computed: number;  // 66.67 for 8/12, rounded to 2 decimals
  stated: number;    // 75
  // The separate figure "75%" when the report wrote it apart from the fraction.
  statedMeasure: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

// Differences below this many percentage points are rounding ("66,66%" for 8/12).
const TOLERANCE = 0.05;

// Conflicts by the fraction's index. The server's own check covers "8/12 tổ
// đạt 80%"; a fraction followed in the same clause by a percentage of its
// own ("8/12 tổ dân phố đạt danh hiệu văn hóa, đạt 75%") is paired here.
export function conflicts(measures: Measure[], text: string): Map<number, Conflict> {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = new Map<number, Conflict>();
  const sorted = [...measures].sort((a, b) => a.span[0] - b.span[0]);
  sorted.forEach((m, k) => {
    if (m.total === null || m.total <= 0) return;
    const computed = round2((m.value / m.total) * 100);
    if (m.check) {
      if (!m.check.consistent) out.set(m.index, { computed, stated: m.check.stated, statedMeasure: null });
      return;
    }
    const next = sorted[k + 1];
    if (!next || next.unit !== "%" || next.total !== null) return;
    const gap = dec.decode(bytes.slice(m.span[1], next.span[0]));
    if (/[.;!?\n]/.test(gap) || gap.length > 80) return;
    if (Math.abs(next.value - (m.value / m.total) * 100) > TOLERANCE + 0.005) {
      out.set(m.index, { computed, stated: next.value, statedMeasure: next.index });
    }
  });
  return out;
}

// How a conflict was decided: store the fraction, or the stated percentage.
export type Decision = "fraction" | "stated" | "";

// A stored figure that a new one would replace with a different value.
export interface Replaced {
  key: string;  // indicator + "|" + period
  existing: Result;
  incoming: number;
}

// The stored figures that the chosen values would change; `value` is what
// would be stored (percentages for fractions).
export function replacements(chosen: { indicator: string; period: string; value: number }[], stored: Result[]): Replaced[] {
  const byKey = new Map(stored.map((r) => [`${r.indicator}|${r.period}`, r]));
  const out: Replaced[] = [];
  for (const c of chosen) {
    const key = `${c.indicator}|${c.period}`;
    const r = byKey.get(key);
    if (r && Math.abs(r.value - c.value) > 1e-9 * Math.max(1, Math.abs(r.value))) out.push({ key, existing: r, incoming: c.value });
  }
  return out;
}
