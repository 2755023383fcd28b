import { describe, expect, it } from "vitest";
import { doubtOf, refusedAsNegative } from "./plausibility";

const count = { value_kind: "number" as const, unit: "doanh nghiệp", allow_negative: false };
const share = { value_kind: "fraction" as const, unit: "%", allow_negative: false };
const growth = { value_kind: "percent" as const, unit: "%", allow_negative: true };

describe("questioning a figure as it is typed", () => {
  it("questions more than 3× or less than a third of the same period last year, not the figures between", () => {
    expect(doubtOf(31, count, 10)).toBe("overThreeTimes");
    expect(doubtOf(30, count, 10)).toBeNull();
    expect(doubtOf(3.4, count, 10)).toBeNull();
    expect(doubtOf(3.3, count, 10)).toBe("underThird");
    expect(doubtOf(0, count, 10)).toBe("underThird");
  });
  it("says nothing of last year when there is none, or it was 0", () => {
    expect(doubtOf(1e12, count, undefined)).toBeNull();
    expect(doubtOf(1e12, count, null)).toBeNull();
    expect(doubtOf(5, count, 0)).toBeNull();
  });
  it("questions a rate over 100%, first", () => {
    expect(doubtOf(120, share, 90)).toBe("overHundred");
    expect(doubtOf(100, share, 90)).toBeNull();
    expect(doubtOf(92.5, share, undefined)).toBeNull();
    expect(doubtOf(101, growth, null)).toBe("overHundred");
  });
  it("refuses a negative count, not a negative growth rate, and does not also question it", () => {
    expect(refusedAsNegative(-5, count)).toBe(true);
    expect(refusedAsNegative(0, count)).toBe(false);
    expect(refusedAsNegative(-0.5, share)).toBe(true);
    expect(refusedAsNegative(-2.5, growth)).toBe(false);
    expect(doubtOf(-5, count, 10)).toBeNull();
    expect(doubtOf(-2.5, growth, 4)).toBeNull();
  });
  it("does not compare a rate that may change sign with last year's", () => {
    expect(doubtOf(15, growth, 4)).toBeNull();
    expect(doubtOf(0.5, growth, 4)).toBeNull();
  });
  it("compares a share with last year's", () => {
    expect(doubtOf(4, share, 1.2)).toBe("overThreeTimes");
  });
});
