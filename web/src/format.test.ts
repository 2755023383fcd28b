// The shared vectors of tests/vectors/vietnamese_text.json (the C++ tests
// run the same file), and the browser-only input forms.
import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPercent, formatPoints, parseVietnameseDate, parseVietnameseNumber } from "./format";
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
