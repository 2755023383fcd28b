import { describe, expect, it } from "vitest";
import { targetText } from "./targets";

const base = { indicator: "X", year: 2027, comparator: "≥", value: 45, value_high: null, form: "level" as const, form_text: "", adjusted: null, adjusted_by: "" };

describe("targetText", () => {
  it("writes a level with its comparator and measure, Vietnamese numbers", () => {
    expect(targetText(base, "doanh nghiệp")).toBe("≥ 45 doanh nghiệp");
    expect(targetText({ ...base, comparator: "≤", value: 1.25 }, "%")).toBe("≤ 1,25%");
    expect(targetText({ ...base, value: 21.5e9 }, "đồng")).toBe("≥ 21,5 tỷ đồng");
  });
  it("writes a band from its low to its high value", () => {
    expect(targetText({ ...base, comparator: "∈", value: 10, value_high: 12 }, "%")).toBe("10–12%");
  });
  it("writes an adjusted target as judged, with the level first set beside it", () => {
    expect(targetText({ ...base, value: 11492300000, adjusted: 10309951156, adjusted_by: "15/NQ-HĐND" }, "đồng"))
      .toBe("điều chỉnh 10,31 tỷ đồng (15/NQ-HĐND); ban đầu ≥ 11,49 tỷ đồng");
  });
  it("keeps the server's words for a change on last year", () => {
    expect(targetText({ ...base, form: "growth_percent", value: 10.5, form_text: "tăng 10,5% so với năm 2026" }, "đồng"))
      .toBe("tăng 10,5% so với năm 2026");
  });
});
