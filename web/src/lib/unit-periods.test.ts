import { describe, expect, it } from "vitest";
import { monthCount, monthWithinUnit, periodAgainstUnit, periodMonths } from "./unit-periods";

describe("periods against a unit's valid dates", () => {
  it("knows the months of every kind of period", () => {
    expect(periodMonths("2025")).toEqual(["2025-01", "2025-12"]);
    expect(periodMonths("2025-H1")).toEqual(["2025-01", "2025-06"]);
    expect(periodMonths("2025-Q3")).toEqual(["2025-07", "2025-09"]);
    expect(periodMonths("2018-01/2018-10")).toEqual(["2018-01", "2018-10"]);
    expect(periodMonths("2026-02")).toEqual(["2026-02", "2026-02"]);
    expect([monthCount("2025"), monthCount("2018-01/2018-10"), monthCount("2025-Q3"), monthCount("2026-02")])
      .toEqual([12, 10, 3, 1]);
  });

  // Phường Thanh Sơn until 30/06/2025 (valid_to 2025-07-01); Phường Uông Bí from 01/07/2025.
  it("refuses what the server refuses", () => {
    expect(periodAgainstUnit("2025-H1", null, "2025-07-01")).toBe("ok");
    expect(periodAgainstUnit("2025-06", null, "2025-07-01")).toBe("ok");
    expect(periodAgainstUnit("2025", null, "2025-07-01")).toBe("after");
    expect(periodAgainstUnit("2026-01", null, "2025-07-01")).toBe("after");
    expect(periodAgainstUnit("2025-H2", "2025-07-01", null)).toBe("ok");
    expect(periodAgainstUnit("2025-03", "2025-07-01", null)).toBe("before");
    expect(periodAgainstUnit("2025", "2025-07-01", null)).toBe("before");
    expect(periodAgainstUnit("2020", null, null)).toBe("ok");
  });

  it("opens the form on a month the unit had", () => {
    expect(monthWithinUnit("2026-12", null, "2025-07-01")).toBe("2025-06");
    expect(monthWithinUnit("2024-03", "2025-07-01", null)).toBe("2025-07");
    expect(monthWithinUnit("2026-12", "2025-07-01", null)).toBe("2026-12");
    // Ended mid-month (until 14/03/2020): its last whole month is February.
    expect(monthWithinUnit("2021-01", null, "2020-03-15")).toBe("2020-02");
  });
});
