import { describe, expect, it } from "vitest";
import { withoutBaseText } from "./without-base";

describe("the units a roll-up left out", () => {
  it("names a weighted mean's missing weight, and a ratio's missing parts", () => {
    expect(withoutBaseText({ weight_by: "DAN_SO" }, 2)).toBe("2 đơn vị thiếu số liệu quyền số (DAN_SO): không tính vào bình quân chung");
    expect(withoutBaseText({ weight_by: "" }, 1)).toBe("1 đơn vị chỉ báo tỷ lệ, không có tử số và mẫu số: không tính vào tỷ lệ chung");
  });
});
