// The wrong-data rules of "Nhập từ báo cáo" (see report-checks.ts).
import { describe, expect, it } from "vitest";
import type { Measure, Result } from "../api/client";
import { conflicts, fits, replacements } from "./report-checks";

// A measure as the server gives it, found at `needle` in `text`.
function measure(text: string, index: number, needle: string, value: number, unit: string, total: number | null = null,
                 check: Measure["check"] = null): Measure {
  const enc = new TextEncoder();
  const at = text.indexOf(needle);
  const begin = enc.encode(text.slice(0, at)).length;
  return { index, span: [begin, begin + enc.encode(needle).length], text: needle, subject: "", value, unit, total,
           total_is_plan: false, qualifier: "exact", estimated: false, stance: "actual", period: "2024", compare: [], check,
           suggestions: [] };
}

describe("fits", () => {
  it("never puts a percentage into a count, nor a count into a rate", () => {
    expect(fits({ unit: "%", total: null }, { value_kind: "number" })).toBe(false);
    expect(fits({ unit: "%", total: null }, { value_kind: "fraction" })).toBe(true);
    expect(fits({ unit: "%", total: null }, { value_kind: "percent" })).toBe(true);
    expect(fits({ unit: "tổ", total: 12 }, { value_kind: "number" })).toBe(false);
    expect(fits({ unit: "tổ", total: 12 }, { value_kind: "fraction" })).toBe(true);
    expect(fits({ unit: "hộ", total: null }, { value_kind: "fraction" })).toBe(false);
    expect(fits({ unit: "hộ", total: null }, { value_kind: "number" })).toBe(true);
  });
  it("takes '12/10 đảng viên' (the actual against its plan) as a count", () => {
    expect(fits({ unit: "đảng viên", total: 10, total_is_plan: true }, { value_kind: "number" })).toBe(true);
    expect(fits({ unit: "đảng viên", total: 10, total_is_plan: true }, { value_kind: "fraction" })).toBe(false);
  });
});

describe("conflicts", () => {
  const failed = (stated: number, computed: number, stated_by: number | null) =>
    ({ consistent: false, computed, stated, message: "", stated_by });
  it("takes the server's failed check of a percentage stated apart, naming that figure", () => {
    const text = "Có 8/12 tổ dân phố đạt danh hiệu văn hóa, đạt 75%. Thu ngân sách đạt 12 tỷ đồng.";
    const ms = [measure(text, 0, "8/12 tổ dân phố", 8, "tổ", 12, failed(75, 66.6667, 1)), measure(text, 1, "75%", 75, "%"),
                measure(text, 2, "12 tỷ đồng", 12e9, "đồng")];
    expect([...conflicts(ms)]).toEqual([[0, { computed: 66.67, stated: 75, statedMeasure: 1 }]]);
  });
  it("takes the server's failed check in one phrase as a conflict", () => {
    const text = "9/12 khu đạt 80%.";
    const ms = [measure(text, 0, "9/12 khu đạt 80%", 9, "khu", 12, failed(80, 75, null))];
    expect(conflicts(ms).get(0)).toEqual({ computed: 75, stated: 80, statedMeasure: null });
  });
  it("has no conflict where the server found the percentage consistent or had nothing to check", () => {
    const text = "Có 8/12 tổ đạt 66,66%, 9/12 khu đạt chuẩn.";
    const ms = [measure(text, 0, "8/12 tổ", 8, "tổ", 12, { consistent: true, computed: 66.6667, stated: 66.66, message: "", stated_by: null }),
                measure(text, 1, "9/12 khu", 9, "khu", 12)];
    expect(conflicts(ms).size).toBe(0);
  });
});

describe("replacements", () => {
  const stored = { id: 1, unit: 5, indicator: "HO_NGHEO", period: "2024", value: 35, status: "draft" } as Result;
  it("lists a stored figure that would change, not one that stays the same", () => {
    expect(replacements([{ indicator: "HO_NGHEO", period: "2024", value: 1.2 }], [stored]).map((r) => r.existing.value)).toEqual([35]);
    expect(replacements([{ indicator: "HO_NGHEO", period: "2024", value: 35 }], [stored])).toEqual([]);
    expect(replacements([{ indicator: "HO_NGHEO", period: "2025", value: 1 }], [stored])).toEqual([]);
  });
});
