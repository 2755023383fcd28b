import { describe, expect, it } from "vitest";
import { assigneeNames } from "./assignees";

const one = (name: string, key: string) => ({ assignee: { kind: "body" as const, name, key, unit: null } });

describe("the assignee suggestions of a board", () => {
  it("offer one name per key, the form written most often", () => {
    const key = "uy ban nhan dan phuong long bien";
    const names = assigneeNames([
      one("UBND phường Long Biên", key),
      one("Ủy ban nhân dân phường Long Biên", key),
      one("UBND phường Long Biên", key),
      one("Đảng ủy phường Long Biên", "dang uy phuong long bien"),
    ]);
    expect(names).toEqual(["Đảng ủy phường Long Biên", "UBND phường Long Biên"]);
  });
  it("break a tie by Vietnamese order, so the list does not change from one load to the next", () => {
    const key = "phong kinh te";
    expect(assigneeNames([one("Phòng Kinh tế", key), one("phòng kinh tế", key)])).toEqual(assigneeNames([one("phòng kinh tế", key), one("Phòng Kinh tế", key)]));
  });
});
