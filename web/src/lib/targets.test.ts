import { describe, expect, it } from "vitest";
import { targetText } from "./targets";

const base = { indicator: "X", year: 2027, comparator: "≥", value: 45, value_high: null, form: "level" as const, form_text: "" };

describe("targetText", () => {
  it("writes a level with its comparator and measure, Vietnamese numbers", () => {
    expect(targetText(base, "doanh nghiệp")).toBe("≥ 45 doanh nghiệp");
    expect(targetText({ ...base, comparator: "≤", value: 1.25 }, "%")).toBe("≤ 1,25%");
    expect(targetText({ ...base, value: 21.5e9 }, "đồng")).toBe("≥ 21,5 tỷ đồng");
  });
  it("writes a band from its low to its high value", () => {
    expect(targetText({ ...base, comparator: "∈", value: 10, value_high: 12 }, "%")).toBe("10–12%");
  });
  it("keeps the server's words for a change on last year", () => {
    expect(targetText({ ...base, form: "growth_percent", value: 10.5, form_text: "tăng 10,5% so với năm 2026" }, "đồng"))
      .toBe("tăng 10,5% so với năm 2026");
  });
});
