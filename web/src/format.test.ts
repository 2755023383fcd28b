// The shared vectors of tests/vectors/vietnamese_text.json (the C++ tests
// run the same file), and the browser-only input forms.
import { describe, expect, it } from "vitest";
import { formatDate, formatFigure, formatMoment, formatNumber, formatPercent, formatPoints, parseAmountInput, parseVietnameseDate, parseVietnameseNumber, todayInVietnam } from "./format";
import vectors from "../../tests/vectors/vietnamese_text.json";


describe("shared vectors", () => {
  it.each(vectors.parse_number as { text: string; value: number | null }[])("parses '$text'", ({ text, value }) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });
  it.each(vectors.format_number as { value: number; decimals: number; text: string }[])("formats $value", ({ value, decimals, text }) => {
    expect(formatNumber(value, "vi", decimals)).toBe(text);
  });
  it.each(vectors.parse_date as { text: string; iso: string | null }[])("reads the date '$text'", ({ text, iso }) => {
    expect(parseVietnameseDate(text)).toBe(iso);
  });
  it.each(vectors.format_date as { iso: string; text: string }[])("writes $iso", ({ iso, text }) => {
    expect(formatDate(iso)).toBe(text);
  });
});

// Rates are compared in percentage points ("giảm 0,43 điểm %").
describe("percentage points", () => {
  it("signs the difference", () => {
    expect(formatPoints(3, "vi")).toBe("+3");
    expect(formatPoints(-12, "vi")).toBe("\u221212");
    expect(formatPoints(-0.43, "vi")).toBe("\u22120,43");
    expect(formatPoints(0.001, "vi")).toBe("0");
    expect(formatPoints(null, "vi")).toBe("—");
  });
});

describe("percentages with the precision they have", () => {
  it("keeps a stated figure's two decimals and rounds a computed ratio to one", () => {
    expect(formatPercent(66.66, "vi")).toBe("66,66%");  // "8/12 tổ đạt 66,66%" as the report writes it
    expect(formatPercent((8 / 12) * 100, "vi")).toBe("66,7%");
    expect(formatPercent((32 / 33) * 100, "vi")).toBe("97%");
    expect(formatPercent(115, "vi")).toBe("115%");
    expect(formatPercent(107.5, "vi")).toBe("107,5%");
    expect(formatPercent(88.28, "en")).toBe("88.28%");
    expect(formatPercent(null, "vi")).toBe("—");
  });
});

// "45 tỷ" in a cell of the entry form, in the indicator's own unit.
describe("amounts typed in tỷ / triệu", () => {
  it("reads a plain number as it is", () => {
    expect(parseAmountInput("2.317,8", "đồng")).toEqual({ value: 2317.8, scaled: false });
    expect(parseAmountInput("7", "doanh nghiệp")).toEqual({ value: 7, scaled: false });
    expect(parseAmountInput("92,5%", "%")).toEqual({ value: 92.5, scaled: false });
    expect(parseAmountInput("92,5 %", "%")).toEqual({ value: 92.5, scaled: false });
    expect(parseAmountInput("7%", "hộ")).toEqual({ value: null, why: "number" });
  });
  it("scales tỷ, triệu and nghìn for an indicator in đồng", () => {
    expect(parseAmountInput("45 tỷ", "đồng")).toEqual({ value: 45e9, scaled: true });
    expect(parseAmountInput("45,5 tỷ đồng", "đồng")).toEqual({ value: 45.5e9, scaled: true });
    expect(parseAmountInput("45,5 tỉ", "đồng")).toEqual({ value: 45.5e9, scaled: true });
    expect(parseAmountInput("62,5 triệu", "đồng")).toEqual({ value: 62.5e6, scaled: true });
    expect(parseAmountInput("2,3178 Tỷ", "đồng")).toEqual({ value: 2317800000, scaled: true });
    expect(parseAmountInput("1.250 triệu", "đồng")).toEqual({ value: 1.25e9, scaled: true });
    expect(parseAmountInput("850 nghìn", "đồng")).toEqual({ value: 850000, scaled: true });
    expect(parseAmountInput("45tỷ", "đồng")).toEqual({ value: 45e9, scaled: true });
    expect(parseAmountInput("62 triệu", "đồng/người/năm")).toEqual({ value: 62e6, scaled: true });
  });
  it("scales to the indicator's own unit when it is in triệu or tỷ đồng", () => {
    expect(parseAmountInput("45 tỷ", "triệu đồng")).toEqual({ value: 45000, scaled: true });
    expect(parseAmountInput("500 triệu", "tỷ đồng")).toEqual({ value: 0.5, scaled: true });
  });
  it("refuses a scale word on an indicator not in đồng, and what is not a number", () => {
    expect(parseAmountInput("3 triệu", "hộ")).toEqual({ value: null, why: "scale" });
    expect(parseAmountInput("7,2 triệu", "%")).toEqual({ value: null, why: "scale" });
    expect(parseAmountInput("460 lao động", "lao động")).toEqual({ value: null, why: "number" });
    expect(parseAmountInput("45 tỷ tỷ", "đồng")).toEqual({ value: null, why: "number" });
    expect(parseAmountInput("12,3,4 tỷ", "đồng")).toEqual({ value: null, why: "number" });
    expect(parseAmountInput("tỷ", "đồng")).toEqual({ value: null, why: "number" });
    expect(parseAmountInput("", "đồng")).toEqual({ value: null, why: "number" });
  });
});

describe("moments", () => {
  it("shows a UTC stamp as the day and time in Việt Nam", () => {
    expect(formatMoment("2026-11-22T17:15:02.123Z")).toBe("23/11/2026 00:15");
    expect(formatMoment("2026-11-22T09:05:00Z")).toBe("22/11/2026 16:05");
    expect(formatMoment("2026-11-22")).toBe("22/11/2026");
    expect(formatMoment(null)).toBe("—");
  });
});

describe("figures", () => {
  it("shows a state reached or not as Đạt / Chưa đạt, and amounts with their unit", () => {
    const food = { value_kind: "yes_no", unit: "đơn vị đạt" };
    expect(formatFigure(1, food, "vi")).toBe("Đạt");
    expect(formatFigure(0, food, "vi")).toBe("Chưa đạt");
    expect(formatFigure(0, food, "en")).toBe("Not reached");
    expect(formatFigure(null, food, "vi")).toBe("—");
    expect(formatFigure(32, { value_kind: "number", unit: "doanh nghiệp" }, "vi")).toBe("32 doanh nghiệp");
  });
});

describe("today in Việt Nam", () => {
  it("is already the next day from 17:00 UTC, as the server counts deadlines", () => {
    expect(todayInVietnam(Date.parse("2026-12-07T16:59:59Z"))).toBe("2026-12-07");
    expect(todayInVietnam(Date.parse("2026-12-07T17:00:00Z"))).toBe("2026-12-08");
    expect(todayInVietnam(Date.parse("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
  });
});
