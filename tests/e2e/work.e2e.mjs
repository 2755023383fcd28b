// End-to-end: the day's work by role, in Debian's headless Chromium against
// a fresh demo server. The wrong-data paths first: "Gửi duyệt" keeps what was
// typed and leaving asks first; "Nhập từ báo cáo" never puts a percentage in
// a count, makes a stated percentage that disagrees with its fraction a
// choice, and shows a stored figure before replacing it. Screenshots of each
// step at 1366×768 and 390×844 under OUT_DIR.
//
//   node tests/e2e/work.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { execFileSync } from "node:child_process";
import { start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const { check } = h;
try {
  const admin = await h.signIn("admin", h.password);
  const [, found] = await h.api(admin, "GET", "/units?on=2018-06-30&page_size=200&q=" + encodeURIComponent("quang hung"));
  const ward = found.items.find((u) => u.full_name.includes("Phường Quảng Hưng"));
  check("the demo has Phường Quảng Hưng", !!ward, JSON.stringify(found.items?.map((u) => u.full_name)));
  const [made] = await h.api(admin, "POST", "/users", { username: "qh.nhap", password: "bao cao quang hung",
                                                        roles: [{ role: "reporter", unit: ward.id }] });
  check("the administrator makes a ward reporter", made === 201, made);
  const rep = await h.signIn("qh.nhap", "bao cao quang hung");
  const stored = async (indicator, period) => {
    const [, r] = await h.api(rep, "GET", `/results?unit=${ward.id}&period=${encodeURIComponent(period)}&page_size=500`);
    return r.items.find((x) => x.indicator === indicator);
  };

  // Gửi duyệt right after typing: the typed value is saved, then submitted.
  const [lastStatus] = await h.api(rep, "POST", "/results", { unit: ward.id, indicator: "DN_MOI", period: "2017-11", value: 2 });
  check("a figure for the same month last year is stored", lastStatus === 201, lastStatus);
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-11`);
  await rep.waitForSelector("#entry");
  await rep.fill("#v-DN_MOI", "7");
  check("last year's figure stands beside the cell", (await rep.textContent('tr[data-code="DN_MOI"] .last-year')).trim() === "2");
  check("more than 3× last year is questioned", (await rep.textContent("#e-DN_MOI")).includes("Gấp hơn 3 lần"));
  await rep.click("#submit");
  await rep.waitForFunction(() => document.querySelector('tr[data-code="DN_MOI"] .badge')?.textContent === "Đã gửi");
  const dn = await stored("DN_MOI", "2018-11");
  check("Gửi duyệt saves a value typed but not saved, and submits it", dn?.value === 7 && dn?.status === "submitted", JSON.stringify(dn));
  check("and it reads back in the form", (await rep.inputValue("#v-DN_MOI")) === "7");

  // The rate indicators are in the form too; a rate over 100% is questioned.
  check("the rate indicators can be entered", (await rep.$$('tr[data-code="TY_LE_HO_NGHEO"] input, tr[data-code="BHYT"] input')).length === 2);
  await rep.fill("#v-BHYT", "120");
  check("a rate over 100% is questioned", (await rep.textContent("#e-BHYT")).includes("trên 100%"));
  await rep.fill("#v-BHYT", "92,5");
  check("and a plausible one is not", (await rep.textContent("#e-BHYT")) === "");
  await rep.click("#save");
  await rep.waitForFunction(() => document.querySelector('tr[data-code="BHYT"] .badge')?.textContent === "Đang nhập");
  check("a rate is saved as its percentage", (await stored("BHYT", "2018-11"))?.value === 92.5);

  // Leaving with unsaved values asks; staying keeps them.
  await rep.fill("#v-HO_KD_MOI", "9");
  let asked = "";
  rep.once("dialog", (d) => { asked = d.message(); d.dismiss(); });
  await rep.click('nav a[href="#/dashboard"]');
  await rep.waitForTimeout(300);
  check("leaving with unsaved values asks first", asked.length > 0 && rep.url().includes("#/entry"), `${asked} ${rep.url()}`);
  check("and staying keeps what was typed", (await rep.inputValue("#v-HO_KD_MOI")) === "9");
  await h.shots(rep, "work-entry-unsaved");
  rep.once("dialog", (d) => d.accept());
  await rep.click('nav a[href="#/dashboard"]');
  await rep.waitForSelector("#summary");
  check("and leaving anyway goes", rep.url().includes("#/dashboard"));

  // A percentage is never matched to a count; a stored count is shown before it is replaced.
  const [, before] = await h.api(rep, "POST", "/results", { unit: ward.id, indicator: "HO_NGHEO", period: "2024", value: 40 });
  check("a poor-household count is stored first", before?.value === 40, JSON.stringify(before));
  await rep.goto(`${h.base}/#/read?unit=${ward.id}`);
  await rep.waitForSelector("#report-text");
  await rep.fill("#report-text", "Năm 2024, toàn phường còn 35 hộ nghèo, tỷ lệ hộ nghèo giảm còn 1,2%.");
  await rep.click("#read");
  await rep.waitForSelector("#confirm tbody tr");
  const rows = await rep.$$eval("#confirm tbody tr", (trs) => trs.map((tr) => ({
    text: tr.querySelector("button.fact").textContent,
    kept: tr.querySelector("input[type=checkbox]").checked,
    chosen: tr.querySelector("select").value,
    options: [...tr.querySelector("select").options].map((o) => o.value),
  })));
  const pct = rows.find((r) => r.text.includes("1,2%"));
  const count = rows.find((r) => r.text.includes("35"));
  check("1,2% is suggested as the poor-household rate", pct?.chosen === "TY_LE_HO_NGHEO", JSON.stringify(rows));
  check("and the count indicator is not even offered for it", pct && !pct.options.includes("HO_NGHEO"), JSON.stringify(pct?.options));
  check("35 hộ nghèo is suggested as the count", count?.chosen === "HO_NGHEO", JSON.stringify(rows));
  await rep.click("#confirm button[type=submit]");
  await rep.waitForFunction(() => document.querySelector("#confirm-error")?.textContent?.length > 0);
  const shown = await rep.textContent("#confirm");
  check("saving shows the stored 40 beside the report's 35 and stops", /Đã có 40 hộ \(nháp, qh\.nhap\); báo cáo: 35/.test(shown) &&
        (await rep.textContent("#confirm-error")).includes("đã có giá trị khác"), shown);
  check("nothing was stored meanwhile", (await stored("HO_NGHEO", "2024"))?.value === 40 && !(await stored("TY_LE_HO_NGHEO", "2024")));
  await h.shots(rep, "work-read-replace");
  await rep.check("#confirm tr.needs-choice input.replace");
  await rep.click("#confirm button[type=submit]");
  await rep.waitForFunction(() => /Đã lưu/.test(document.querySelector("#confirm-done")?.textContent ?? ""));
  check("after ticking Thay, the count is replaced and the rate stored as a rate",
        (await stored("HO_NGHEO", "2024"))?.value === 35 && (await stored("TY_LE_HO_NGHEO", "2024"))?.value === 1.2);

  // "8/12 tổ … đạt 75%": a conflict that needs a choice.
  await rep.fill("#report-text", "Năm 2024, có 8/12 tổ dân phố đạt danh hiệu văn hóa, đạt 75%.");
  await rep.click("#read");
  await rep.waitForSelector("#confirm fieldset.conflict");
  const legend = await rep.textContent("#confirm fieldset.conflict legend");
  check("a stated 75% that is not 8/12 is shown as a conflict", legend.includes("ghi 75% nhưng 8/12 = 66,67%"), legend);
  const separate = await rep.$$eval("#confirm tbody tr", (trs) => trs.filter((tr) => tr.querySelector("button.fact").textContent.trim() === "75%")
    .map((tr) => tr.querySelector("input[type=checkbox]").checked));
  check("the separate 75% is not kept on its own", separate.length === 1 && separate[0] === false, JSON.stringify(separate));
  await rep.click("#confirm button[type=submit]");
  await rep.waitForFunction(() => document.querySelector("#confirm-error")?.textContent?.includes("mâu thuẫn"));
  check("saving waits for a choice, nothing stored", !(await stored("TDP_VAN_HOA", "2024")));
  await h.shots(rep, "work-read-conflict");
  await rep.check('#confirm input[type=radio][value="stated"]');
  await rep.click("#confirm button[type=submit]");
  await rep.waitForFunction(() => /Đã lưu 1/.test(document.querySelector("#confirm-done")?.textContent ?? ""));
  check("choosing the stated figure stores 75", (await stored("TDP_VAN_HOA", "2024"))?.value === 75);

  // "đạt 90% kế hoạch" beside the plan stored for 2019 (30 doanh nghiệp): 28/30 is 93,33%, shown as not matching.
  await rep.fill("#report-text", "Năm 2019, phường thành lập mới 28 doanh nghiệp, đạt 90% kế hoạch.");
  await rep.click("#read");
  await rep.waitForSelector("#confirm .plan-check");
  const planCheck = await rep.textContent("#confirm .plan-check");
  check("what a report states of its plan is checked against the stored target",
        (await rep.$("#confirm .plan-check.error")) !== null && planCheck.includes("Không khớp kế hoạch đã lưu") &&
        planCheck.includes("ghi 90% nhưng 28/30 = 93,33%"), planCheck);

  // A Word file is read on the server; a file that is not one says why and stores nothing.
  const docx = execFileSync("python3", ["-c", `
import io, sys, zipfile
out = io.BytesIO()
with zipfile.ZipFile(out, "w") as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               '<w:body><w:p><w:r><w:t>Năm 2024, phường kết nạp 12 đảng viên mới.</w:t></w:r></w:p></w:body></w:document>')
sys.stdout.buffer.write(out.getvalue())`]);
  const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  await rep.setInputFiles("#report-file", { name: "bao-cao.docx", mimeType: docxType, buffer: Buffer.from("không phải zip") });
  await rep.click("#read");
  await rep.waitForFunction(() => document.querySelector("#read-error")?.textContent?.length > 0);
  check("a .docx that is not one is refused by name and reason",
        (await rep.textContent("#read-error")).includes("bao-cao.docx: không phải là tệp .docx"), await rep.textContent("#read-error"));
  await rep.setInputFiles("#report-file", { name: "ket-nap.docx", mimeType: docxType, buffer: docx });
  await rep.waitForFunction(() => document.querySelector("#report-file-note")?.textContent?.includes("ket-nap.docx"));
  await rep.click("#read");
  await rep.waitForFunction(() => document.querySelector("#facts")?.textContent?.includes("kết nạp 12 đảng viên"));
  const found12 = await rep.$$eval("#confirm tbody tr button.fact", (bs) => bs.map((b) => b.textContent));
  check("the .docx's text is shown with its figure found", found12.some((x) => x.includes("12 đảng viên")), JSON.stringify(found12));
  await h.shots(rep, "work-read-docx");

  // A ward that ended on 30/06/2025 has no figures for 2026: the form says so and opens June 2025.
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=2026-01`);
  await rep.waitForSelector("#entry-outside-unit");
  const notice = await rep.textContent("#entry-outside-unit");
  check("a period after the ward ended is not open for entry",
        notice.includes("chỉ tồn tại đến 30/06/2025") && !(await rep.$("#entry")), notice);
  await h.shots(rep, "work-entry-ended-ward");
  await rep.click("#entry-outside-unit button");
  await rep.waitForSelector("#entry");
  check("its button opens the ward's last month", rep.url().includes("period=2025-06"), rep.url());
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}`);
  await rep.waitForFunction(() => location.hash.includes("period=2025-06"));
  await rep.waitForSelector("#entry");
  check("without a period the form opens on a month the ward had", rep.url().includes("period=2025-06"), rep.url());
} catch (e) {
  check("the run finishes", false, String(e.stack ?? e));
} finally {
  await h.close();
}
