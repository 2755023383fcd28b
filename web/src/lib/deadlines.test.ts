import { describe, expect, it } from "vitest";
import { deadlineText } from "./deadlines";

const base = { standing: false, deadline: null, next_deadline: null, next_due: "", milestones: [], completed_on: null };

describe("a directive's deadlines on its card", () => {
  it("names a standing duty and a directive without a deadline", () => {
    expect(deadlineText({ ...base, standing: true })).toBe("Thường xuyên");
    expect(deadlineText(base)).toBe("Không thời hạn");
  });
  it("shows one deadline as dd/mm/yyyy", () => {
    expect(deadlineText({ ...base, deadline: "2018-11-25", next_deadline: "2018-11-25" })).toBe("Hạn: 25/11/2018");
  });
  it("puts the next milestone before the final deadline, then the final one alone", () => {
    const two = {
      ...base,
      deadline: "2018-12-31",
      milestones: [{ on: "2018-11-25", what: "báo cáo Chủ tịch UBND thành phố", done_on: null }],
      next_deadline: "2018-11-25",
      next_due: "báo cáo Chủ tịch UBND thành phố",
    };
    expect(deadlineText(two)).toBe("Hạn gần nhất: 25/11/2018 (báo cáo Chủ tịch UBND thành phố); Hạn hoàn thành: 31/12/2018");
    const delivered = { ...two, milestones: [{ ...two.milestones[0], done_on: "2018-11-24" }], next_deadline: "2018-12-31", next_due: "" };
    expect(deadlineText(delivered)).toBe("Hạn hoàn thành: 31/12/2018");
  });
});
