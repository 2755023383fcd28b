import { describe, expect, it } from "vitest";
import { sortRows } from "./sort";

describe("sorting the comparison", () => {
  const rows = [{ n: "Đông Sơn", v: 3 }, { n: "Ba Đình", v: null }, { n: "An Hưng", v: 10 }, { n: "Điện Biên", v: 2.5 }];
  it("puts the largest first going down and empty values last either way", () => {
    expect(sortRows(rows, (r) => r.v, false).map((r) => r.v)).toEqual([10, 3, 2.5, null]);
    expect(sortRows(rows, (r) => r.v, true).map((r) => r.v)).toEqual([2.5, 3, 10, null]);
  });
  it("orders names as Vietnamese (Đ after D, not after Z)", () => {
    expect(sortRows(rows, (r) => r.n, true).map((r) => r.n)).toEqual(["An Hưng", "Ba Đình", "Điện Biên", "Đông Sơn"]);
  });
});
