// The shared vectors of tests/vectors/vietnamese_text.json (the C++ tests
// run the same file), and the browser-only input forms.
import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPoints, parseVietnameseDate, parseVietnameseNumber } from "./format";
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
