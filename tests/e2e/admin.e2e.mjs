// End-to-end: the administrator's jobs in Debian's headless Chromium against a
// fresh demo server. On "Người dùng": a user is created, granted "reporter" on
// a ward found by typing its name without diacritics, and then signs in to
// that ward. On "Chỉ tiêu kế hoạch": a target entered for a ward and year
// shows with the body that set it; "Tải Excel" downloads an .xlsx whose
// target is a number cell, and the file uploaded back is checked without a
// problem; the CSV export with a target raised and one added, uploaded, shows
// on the page and in the API; an approver of another ward is told which role is missing.
// Screenshots of each step at 1366×768 and 390×844 under OUT_DIR.
//
//   node tests/e2e/admin.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sheetCells, start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const { check } = h;
try {
  const admin = await h.signIn("admin", h.password);
  check("the administrator sees Người dùng in the navigation", (await admin.$('nav a[href="#/users"]')) !== null);

  // A new user, granted reporter on Phường Long Biên found by "long bien".
  await admin.click('nav a[href="#/users"]');
  await admin.waitForSelector("#users tbody tr");
  check("the users list shows the administrator with a role over every unit",
        (await admin.textContent('#users tr[data-user="admin"] .roles')).includes("Quản trị viên — mọi đơn vị"));
  await h.shots(admin, "admin-users");
  await admin.fill("#new-username", "lb.nhap");
  await admin.fill("#new-display", "Cán bộ thống kê phường Long Biên");
  await admin.fill("#new-password", "short");
  await admin.click("#user-create");
  check("a password under 8 characters is refused on the page", (await admin.textContent("#user-form")).includes("ít nhất 8 ký tự"));
  await admin.fill("#new-password", "bao cao long bien");
  await admin.fill("#new-email", "thongke longbien@hanoi.gov.vn");
  await admin.click("#user-create");
  check("an e-mail address with a space is refused on the page",
        (await admin.textContent("#user-form")).includes("E-mail phải có dạng"), await admin.textContent("#user-form"));
  await admin.fill("#new-email", "thongke.longbien@hanoi.gov.vn");
  await admin.click("#user-create");
  await admin.waitForSelector("#roles-editor");
  await admin.waitForSelector('#users tr[data-user="lb.nhap"]');
  check("the new user is listed, without roles yet", (await admin.textContent('#users tr[data-user="lb.nhap"] .roles')).includes("chưa có vai trò"));
  check("with the e-mail address given", (await admin.textContent('#users tr[data-user="lb.nhap"] .email')).includes("thongke.longbien@hanoi.gov.vn"));
  await admin.selectOption("#grant-role", "reporter");
  await admin.fill("#grant-unit-search", "long bien");
  await admin.waitForSelector("#grant-units button");
  const choices = await admin.$$eval("#grant-units button", (bs) => bs.map((b) => ({ id: b.dataset.unit, text: b.textContent })));
  const ward = choices.find((c) => c.text.startsWith("Phường Long Biên") && !c.text.includes("(đến"));
  check("typing without diacritics finds Phường Long Biên", !!ward, JSON.stringify(choices.map((c) => c.text)));
  await admin.click(`#grant-units button[data-unit="${ward.id}"]`);
  check("the chosen ward is among the roles to save",
        (await admin.textContent('#grants li[data-role="reporter"]')).includes("Phường Long Biên, Thành phố Hà Nội"));
  await h.shots(admin, "admin-roles");
  await admin.click("#roles-save");
  await admin.waitForFunction(() => document.querySelector("#users-notice")?.textContent.includes("lb.nhap"));
  await admin.waitForFunction(() => document.querySelector('#users tr[data-user="lb.nhap"] .roles')?.textContent.includes("—"));
  const roles = await admin.textContent('#users tr[data-user="lb.nhap"] .roles');
  const [, users] = await h.api(admin, "GET", "/users?page_size=500");
  const grant = users.items.find((u) => u.username === "lb.nhap")?.roles[0];
  check("the role is stored on the ward", grant?.role === "reporter" && String(grant?.unit) === ward.id, JSON.stringify(grant));
  check("and listed by the ward's name and code", roles.includes("Người nhập số liệu — Phường Long Biên") && roles.includes(`(${grant?.unit_code})`), roles);

  // The address is changed in its cell; one the server refuses says why there.
  const cell = '#users tr[data-user="lb.nhap"] .email';
  await admin.click(`${cell} .edit-email`);
  await admin.fill(`${cell} input`, "thongke@longbien.hanoi.gov.vn");
  await admin.click(`${cell} .save-email`);
  await admin.waitForFunction((c) => document.querySelector(c)?.textContent.includes("thongke@longbien.hanoi.gov.vn") &&
                              !document.querySelector(c + " input"), cell);
  const [, stored] = await h.api(admin, "GET", "/users?page_size=500");
  check("the new address is stored", stored.items.find((u) => u.username === "lb.nhap")?.email === "thongke@longbien.hanoi.gov.vn");
  await admin.click(`${cell} .edit-email`);
  await admin.fill(`${cell} input`, "a@b");
  await admin.click(`${cell} .save-email`);
  check("an address without a domain is refused in its cell", (await admin.textContent(cell)).includes("E-mail phải có dạng"));
  await h.shots(admin, "admin-email");
  await admin.click(`${cell} button.secondary`);

  const reporter = await h.signIn("lb.nhap", "bao cao long bien");
  await reporter.waitForSelector("#pick-title a");
  const crumbs = await reporter.textContent("#pick-title");
  check("the new user signs in and sees the ward", crumbs.includes("Phường Long Biên"), crumbs);
  check("a reporter has no Người dùng in the navigation", (await reporter.$('nav a[href="#/users"]')) === null);
  await h.shots(reporter, "admin-new-user-dashboard");

  // A target for the ward's year 2027, set by the People's Council.
  await admin.click('nav a[href="#/plans"]');
  await admin.waitForSelector("#plans-unit-search");
  await admin.fill("#plans-unit-search", "long bien");
  await admin.waitForSelector(`#plans-unit-list button[data-unit="${ward.id}"]`);
  await admin.click(`#plans-unit-list button[data-unit="${ward.id}"]`);
  await admin.waitForFunction(() => document.querySelector("#plans-title")?.textContent.includes("Long Biên"));
  // The year is typed once the ward's plans have loaded (a render still loading them would put the old
  // year back in the field); a second try covers a render that lands between typing and leaving it.
  await admin.waitForSelector("#targets-title");
  for (let attempt = 0; ; attempt++) {
    await admin.fill("#plans-year", "2027");
    await admin.press("#plans-year", "Tab");
    try {
      await admin.waitForFunction(() => document.querySelector("#targets-title")?.textContent.includes("2027"),
                                  null, { timeout: 10000 });
      break;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
  check("the ward has no target for 2027 yet", (await admin.$("#targets-empty")) !== null);
  await admin.waitForSelector("#plan-form");
  await admin.selectOption("#plan-body", "peoples_council");
  await admin.fill("#plan-resolution", "25/NQ-HĐND");
  await admin.fill("#plan-issued", "15/12/2026");
  await admin.selectOption("#plan-rows tbody tr:first-child .plan-indicator", "DN_MOI");
  await admin.fill("#plan-rows tbody tr:first-child .plan-value", "45");
  await admin.click("#plan-save");
  await admin.waitForSelector('#targets tr[data-indicator="DN_MOI"]');
  const row = await admin.textContent('#targets tr[data-indicator="DN_MOI"]');
  check("the target shows with the body and the resolution that set it",
        row.includes("Doanh nghiệp thành lập mới") && row.includes("≥ 45") && row.includes("HĐND") && row.includes("25/NQ-HĐND") && row.includes("15/12/2026"), row);
  check("the form says it was saved", (await admin.textContent("#plan-saved")).includes("1 chỉ tiêu"));
  check("the saved plan opens in the form again", (await admin.textContent("#plan-held")).includes("1 chỉ tiêu"));
  await h.shots(admin, "admin-plans");

  // "Tải Excel": an .xlsx whose target cell is a number; uploaded back, checked without a problem.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.click("#plans-download")]);
  const xlsxPath = join(h.outDir, download.suggestedFilename());
  await download.saveAs(xlsxPath);
  check("Tải Excel downloads an .xlsx named by the ward's code",
        readFileSync(xlsxPath).subarray(0, 2).toString() === "PK" && download.suggestedFilename() === `ke-hoach-${grant?.unit_code}.xlsx`,
        download.suggestedFilename());
  const cells = sheetCells(xlsxPath);
  const line = Object.keys(cells).find((ref) => ref.startsWith("H") && cells[ref].text === "DN_MOI" && cells[`I${ref.slice(1)}`]?.text === "2027");
  const target = line && cells[`K${line.slice(1)}`];
  check("the target is a number cell holding 45", target?.type === "n" && Number(target.text) === 45, JSON.stringify(target));
  check("the header names the column Giá trị", cells.K2?.text === "Giá trị", JSON.stringify(cells.K2));
  await admin.setInputFiles("#import-file", xlsxPath);
  await admin.click("#check");
  await admin.waitForSelector("#import-summary");
  const summary = await admin.textContent("#import-summary");
  check("the file uploaded back is checked without a problem", summary.includes("dòng hợp lệ") && (await admin.$("#problems")) === null, summary);
  await h.shots(admin, "admin-plans-import");
  await admin.click("#store");
  await admin.waitForFunction(() => /Đã lưu \d+ chỉ tiêu/.test(document.querySelector("#import-summary")?.textContent ?? ""));
  const [, plans] = await h.api(admin, "GET", `/plans?unit=${ward.id}`);
  const council = plans.items.filter((p) => p.body_kind === "peoples_council" && p.first_year === 2027);
  check("and storing it changes nothing", council.length === 1 && council[0].targets.length === 1 && council[0].targets[0].value === 45, JSON.stringify(council));

  // A new target imported: the CSV export with DN_MOI 2027 raised to 60 and a line added for HO_KD_MOI 2027,
  // uploaded through the page, then on the page and in the API.
  const exported = await admin.evaluate(async (unit) => (await fetch(`/api/v1/plans/export?unit=${unit}&format=csv`)).text(), ward.id);
  const csvLines = exported.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.length > 0);
  const header = csvLines[1]?.split(",") ?? [];
  const col = (name) => header.indexOf(name);
  const dnLine = csvLines.findIndex((l) => l.split(",")[col("Mã chỉ tiêu")] === "DN_MOI" && l.split(",")[col("Năm")] === "2027");
  check("the CSV export has the plan's columns and its DN_MOI 2027 line, without quoted fields",
        ["Mã đơn vị", "Cơ quan", "Mã chỉ tiêu", "Năm", "So sánh", "Giá trị"].every((n) => col(n) >= 0) && dnLine > 1 && !exported.includes('"'),
        JSON.stringify([header, dnLine, csvLines.slice(0, 4)]));
  const raised = csvLines[dnLine].split(",");
  raised[col("Giá trị")] = "60";
  const added = [...raised];
  added[col("Mã chỉ tiêu")] = "HO_KD_MOI";
  added[col("Giá trị")] = "120";
  csvLines[dnLine] = raised.join(",");
  csvLines.push(added.join(","));
  const csvPath = join(h.outDir, "admin-plans-import.csv");
  writeFileSync(csvPath, "\uFEFF" + csvLines.join("\r\n") + "\r\n");
  await admin.setInputFiles("#import-file", csvPath);
  await admin.click("#check");
  await admin.waitForSelector("#import-summary");
  const checked = await admin.textContent("#import-summary");
  check("the changed CSV is checked without a problem", checked.includes("dòng hợp lệ") && (await admin.$("#problems")) === null, checked);
  await admin.click("#store");
  await admin.waitForFunction(() => /Đã lưu \d+ chỉ tiêu/.test(document.querySelector("#import-summary")?.textContent ?? ""));
  const [, imported] = await h.api(admin, "GET", `/plans?unit=${ward.id}`);
  const council2027 = imported.items.filter((p) => p.body_kind === "peoples_council" && p.first_year === 2027);
  const valueOf = (code) => council2027[0]?.targets.filter((x) => x.indicator === code && x.year === 2027).map((x) => x.value);
  check("the API has the raised target and the new one", council2027.length === 1 && JSON.stringify(valueOf("DN_MOI")) === "[60]" &&
        JSON.stringify(valueOf("HO_KD_MOI")) === "[120]" && council2027[0].targets.length === 2, JSON.stringify(council2027));
  await admin.waitForSelector('#targets tr[data-indicator="HO_KD_MOI"]');  // the page reads the plans again itself
  const dnRow = await admin.textContent('#targets tr[data-indicator="DN_MOI"]');
  const hoRow = await admin.textContent('#targets tr[data-indicator="HO_KD_MOI"]');
  check("the plans page shows them, with the body and resolution", dnRow.includes("≥ 60") && !dnRow.includes("≥ 45") &&
        hoRow.includes("120") && hoRow.includes("25/NQ-HĐND") && hoRow.includes("HĐND"), `${dnRow} | ${hoRow}`);
  await h.shots(admin, "admin-plans-imported");

  // Without the right, the page names the role missing: a reporter is told before trying; the
  // ward's own approver, refused targets "assigned from above" (a 403), is told who may set them.
  await reporter.goto(`${h.base}/#/plans?unit=${ward.id}&year=2027`);
  await reporter.waitForSelector("#targets");
  check("the ward's reporter sees the ward's targets", (await reporter.textContent("#targets")).includes("25/NQ-HĐND"));
  check("and is told entering them needs the approver role",
        (await reporter.textContent("#plans-no-right")).includes("người duyệt (approver)") && (await reporter.$("#plan-form")) === null);
  const [made] = await h.api(admin, "POST", "/users", { username: "lb.duyet", password: "duyet phuong long bien",
                                                        roles: [{ role: "approver", unit: Number(ward.id) }] });
  check("the administrator makes the ward's approver", made === 201, made);
  const approver = await h.signIn("lb.duyet", "duyet phuong long bien");
  await approver.goto(`${h.base}/#/plans?unit=${ward.id}&year=2028`);
  await approver.waitForSelector("#plan-form");
  await approver.selectOption("#plan-body", "peoples_committee");
  await approver.check("#plan-assigned");
  await approver.selectOption("#plan-rows tbody tr:first-child .plan-indicator", "DN_MOI");
  await approver.fill("#plan-rows tbody tr:first-child .plan-value", "50");
  await approver.click("#plan-save");
  await approver.waitForSelector("#plan-refused");
  const refused = await approver.textContent("#plan-refused");
  check("targets assigned from above are refused naming who may set them", refused.includes("người duyệt (approver) của cấp trên"), refused);
  const [, after] = await h.api(admin, "GET", `/plans?unit=${ward.id}`);
  check("and nothing is stored", !after.items.some((p) => p.first_year === 2028), JSON.stringify(after.items.map((p) => p.first_year)));
  await h.shots(approver, "admin-plans-refused");
} catch (e) {
  check("the admin spec ran to the end", false, String(e.stack ?? e));
} finally {
  await h.close();
}
