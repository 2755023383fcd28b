// The rules that keep "Nhập từ báo cáo" from storing wrong data, as pure
// functions (tested in report-checks.test.ts):
// - a figure only goes into an indicator of its kind (the server's KindFits
//   in src/core/indicator_match.h, mirrored here for the choice list);
// - a fraction whose stated percentage disagrees with it ("8/12 tổ đạt 75%",
//   written as one clause or as two figures; the server checks it) is a
//   conflict someone decides;
// - a figure that would replace a different one already stored is shown
//   beside it first.
import type { Indicator, Measure, Result } from "../api/client";

export type MeasureKind = "number" | "percent" | "fraction";

// "12/10 đảng viên" (total_is_plan) is a count against its plan, not a fraction.
export function kindOf(m: Pick<Measure, "unit" | "total"> & { total_is_plan?: boolean }): MeasureKind {
  if (m.total !== null && !m.total_is_plan) return "fraction";
  return m.unit === "%" ? "percent" : "number";
}

// Whether the figure may be stored as a value of the indicator.
export function fits(m: Pick<Measure, "unit" | "total"> & { total_is_plan?: boolean }, ind: Pick<Indicator, "value_kind">): boolean {
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

// Conflicts by the fraction's index: the server's check (core's
// CheckStatedPercent, at the precision the report states) failed, for a
// percentage stated in the same phrase ("8/12 tổ đạt 80%") or as a figure of
// its own after it in the clause ("8/12 tổ dân phố đạt danh hiệu văn hóa, đạt
// 75%": check.stated_by names that figure). The rule is the server's only.
export function conflicts(measures: Measure[]): Map<number, Conflict> {
  const out = new Map<number, Conflict>();
  for (const m of measures) {
    if (m.total === null || m.total <= 0 || !m.check || m.check.consistent) continue;
    out.set(m.index, { computed: round2((m.value / m.total) * 100), stated: m.check.stated, statedMeasure: m.check.stated_by ?? null });
  }
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
