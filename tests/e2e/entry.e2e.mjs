// End-to-end: the entry grid as a ward reporter of Phường Quảng Hưng. Beside
// each cell the year's target (the plan of record when several bodies set one,
// with the body's name) and the same period last year, both read through the
// API here and compared with the page; one row per indicator of the catalogue,
// the rates included; amounts typed in tỷ / triệu, stored converted; a figure
// 10× last year, under a third of it and a rate of 120 questioned inline
// without blocking the save, a negative count refused as the server does; each figure's state on its row
// (Đang nhập / Đã gửi / Đã duyệt / Bị trả lại with the approver's comment);
// leaving with typed values asks first. At 390×844 the table scrolls inside
// its card and Lưu nháp / Gửi duyệt stay on screen. Screenshots under OUT_DIR.
//
//   node tests/e2e/entry.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const { check } = h;

// A number as Vietnamese officials write it ("2.317,8"), written here independently of the app.
const vi = (n, digits = 6) => {
  const [int, frac] = (Math.round(Math.abs(n) * 10 ** digits) / 10 ** digits).toFixed(digits).split(".");
  const f = frac.replace(/0+$/, "");
  return (n < 0 ? "-" : "") + int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (f ? "," + f : "");
};
const cell = (p, code, sel) => p.textContent(`tr[data-code="${code}"] ${sel}`).then((s) => s.trim());

try {
  const admin = await h.signIn("admin", h.password);
  const [, found] = await h.api(admin, "GET", "/units?on=2018-06-30&page_size=200&q=" + encodeURIComponent("quang hung"));
  const ward = found.items.find((u) => u.full_name.includes("Phường Quảng Hưng"));
  check("the demo has Phường Quảng Hưng", !!ward && !!ward.parent, JSON.stringify(found.items?.map((u) => u.full_name)));
  for (const [username, role, unit] of [["qh.so.lieu", "reporter", ward.id], ["tp.kiem.tra", "approver", ward.parent]]) {
    const [made] = await h.api(admin, "POST", "/users", { username, password: "mat khau " + username, roles: [{ role, unit }] });
    check(`the administrator makes ${username}`, made === 201, made);
  }
  // The ward's Party committee also sets a 2018 target for investment, beside the Committee's.
  const [planned, plan] = await h.api(admin, "POST", "/plans", { unit: ward.id, body_kind: "party_committee", first_year: 2018,
                                                                 targets: [{ indicator: "VON_DTXD", year: 2018, comparator: ">=", value: 52e9 }] });
  check("a second body's 2018 target is stored", planned === 201, JSON.stringify(plan));

  const rep = await h.signIn("qh.so.lieu", "mat khau qh.so.lieu");
  const api = (method, path, body) => h.api(rep, method, path, body);

  // 10 tháng 2018, the demo's figures: target and last year read through the API, then on the page.
  const tenMonths = "2018-01/2018-10";
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=${encodeURIComponent(tenMonths)}`);
  await rep.waitForSelector("#entry");
  const [, plans] = await api("GET", `/plans?unit=${ward.id}&page_size=100`);
  const targetsOf = (code) => plans.items.flatMap((p) => p.targets.filter((x) => x.indicator === code && x.year === 2018)
                                                            .map((x) => ({ ...x, body_kind: p.body_kind, body_name: p.body_name })));
  // The plan of record: the Council's resolution, else the Party committee's, else the Committee's.
  const rank = ["peoples_council", "party_committee", "peoples_committee"];
  const chosen = (code) => targetsOf(code).sort((a, b) => rank.indexOf(a.body_kind) - rank.indexOf(b.body_kind))[0];
  const [, lastTen] = await api("GET", `/results?unit=${ward.id}&period=${encodeURIComponent("2017-01/2017-10")}&page_size=500`);
  const lastOf = (code) => lastTen.items.find((r) => r.indicator === code)?.value;

  // Every indicator of the catalogue has its row and its cell, the rates included.
  const [, catalogue] = await api("GET", "/indicators?page_size=500");
  const onScreen = await rep.$$eval("#entry tr[data-code]", (trs) => trs.map((tr) => [tr.dataset.code, !!tr.querySelector("input, select")]));
  const codes = onScreen.map(([code]) => code);
  const missing = catalogue.items.filter((i) => codes.filter((c) => c === i.code).length !== 1).map((i) => i.code);
  const rates = catalogue.items.filter((i) => i.value_kind === "percent" || i.value_kind === "fraction" || i.unit === "%");
  check(`the form has one row per indicator of the catalogue (${catalogue.total}), each with its cell`,
        catalogue.total === catalogue.items.length && codes.length === catalogue.total && missing.length === 0 &&
        onScreen.every(([, input]) => input), JSON.stringify([catalogue.total, codes.length, missing]));
  check(`the ${rates.length} rate indicators among them`, rates.length >= 10 && rates.every((i) => codes.includes(i.code)),
        JSON.stringify(rates.map((i) => [i.code, i.value_kind])));

  const von = chosen("VON_DTXD");
  check("the API has two 2018 investment targets, the Party committee's first", targetsOf("VON_DTXD").length === 2 && von?.body_kind === "party_committee",
        JSON.stringify(targetsOf("VON_DTXD")));
  const vonTarget = await cell(rep, "VON_DTXD", "td.target .target-value");
  check("the target beside the cell is the plan of record's, in tỷ", vonTarget === `${von.comparator} ${vi(von.value / 1e9, 2)} tỷ đồng`, `${vonTarget} vs ${JSON.stringify(von)}`);
  check("and says whose it is", (await cell(rep, "VON_DTXD", "td.target .target-body")) === von.body_name, await cell(rep, "VON_DTXD", "td.target"));
  const dn = chosen("DN_MOI");
  check("a count's target in its unit", (await cell(rep, "DN_MOI", "td.target .target-value")) === `${dn.comparator} ${vi(dn.value)} doanh nghiệp`,
        `${await cell(rep, "DN_MOI", "td.target")} vs ${JSON.stringify(dn)}`);
  for (const code of ["VON_DTXD", "DN_MOI", "THU_NS_XA", "LD_QUA_DAO_TAO"]) {
    const want = lastOf(code);
    const shown = await cell(rep, code, "td.last-year");
    check(`${code}: the same period last year as stored (${want})`, want !== undefined && shown === vi(want), `${shown} vs ${want}`);
  }
  check("an indicator with no target says so", (await cell(rep, "HO_KD_MOI", "td.target")) === "—");
  const approvedRows = await rep.$$eval('tr[data-state="approved"] .badge', (b) => b.map((x) => x.textContent));
  check("the demo's approved figures say Đã duyệt", approvedRows.length >= 10 && approvedRows.every((x) => x === "Đã duyệt"), JSON.stringify(approvedRows));
  await h.shots(rep, "entry-target-last-year");

  // Tháng 11/2018: last year's November stored first, then typed against it.
  const [s1] = await api("POST", "/results", { unit: ward.id, indicator: "VON_DTXD", period: "2017-11", value: 4.2e9 });
  const [s2] = await api("POST", "/results", { unit: ward.id, indicator: "HS_TTHC", period: "2017-11", value: 310 });
  check("last November's figures are stored", s1 === 201 && s2 === 201, `${s1} ${s2}`);
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-11`);
  await rep.waitForSelector("#entry");
  check("last November beside the cell", (await cell(rep, "VON_DTXD", "td.last-year")) === "4.200.000.000");
  await rep.fill("#v-VON_DTXD", "42 tỷ");
  check("45 tỷ-style input reads as đồng", (await cell(rep, "VON_DTXD", ".scaled")) === "= 42.000.000.000 đồng", await cell(rep, "VON_DTXD", "td:nth-child(2)"));
  check("10× last year is questioned", (await rep.textContent("#e-VON_DTXD")).includes("Gấp hơn 3 lần"), await rep.textContent("#e-VON_DTXD"));
  await rep.fill("#v-VON_DTXD", "1 tỷ");
  check("under a third of last year is questioned", (await rep.textContent("#e-VON_DTXD")).includes("Chưa bằng một phần ba"), await rep.textContent("#e-VON_DTXD"));
  await rep.fill("#v-VON_DTXD", "4,5 tỷ");
  check("a figure near last year's is not", (await rep.textContent("#e-VON_DTXD")) === "");
  await rep.fill("#v-BHYT", "120");
  check("a rate of 120 is questioned", (await rep.textContent("#e-BHYT")).includes("Tỷ lệ trên 100%"), await rep.textContent("#e-BHYT"));
  await rep.fill("#v-HS_TTHC", "-5");
  check("a negative count is refused as you type", (await rep.textContent("#e-HS_TTHC")).includes("Số âm") &&
        (await rep.getAttribute("#v-HS_TTHC", "aria-invalid")) === "true", await rep.textContent("#e-HS_TTHC"));
  const thu = catalogue.items.find((i) => i.code === "THU_NSNN");
  const inUnit = { "đồng": 450e6, "nghìn đồng": 450e3, "triệu đồng": 450, "tỷ đồng": 0.45 }[thu?.unit];
  await rep.fill("#v-THU_NSNN", "450 triệu");
  check(`450 triệu on ${thu?.unit} reads as ${inUnit}`, inUnit !== undefined &&
        (await cell(rep, "THU_NSNN", ".scaled")) === `= ${vi(inUnit)} ${thu.unit}`, `${await cell(rep, "THU_NSNN", ".scaled").catch(() => "")} ${thu?.unit}`);
  await rep.fill("#v-HO_KD_MOI", "3 triệu");
  check("tỷ / triệu on a count is refused with why", (await rep.textContent("#e-HO_KD_MOI")).includes("tính bằng hộ"), await rep.textContent("#e-HO_KD_MOI"));
  await h.shots(rep, "entry-questioned");
  await rep.fill("#v-HO_KD_MOI", "");

  // Leaving with typed values asks; staying keeps them.
  let asked = "";
  rep.once("dialog", (d) => { asked = d.message(); d.dismiss(); });
  await rep.click('nav a[href="#/dashboard"]');
  await rep.waitForTimeout(300);
  check("leaving with unsaved values asks first", asked.includes("chưa lưu") && rep.url().includes("#/entry"), `${asked} ${rep.url()}`);
  check("and staying keeps what was typed", (await rep.inputValue("#v-VON_DTXD")) === "4,5 tỷ");

  // A state reached or not is chosen, not typed ("đạt chuẩn an toàn vệ sinh thực phẩm").
  await rep.selectOption("#v-ATVSTP_DAT_CHUAN", "1");
  check("a yes/no indicator offers Đạt / Chưa đạt", (await rep.textContent("#v-ATVSTP_DAT_CHUAN")).includes("Chưa đạt"));

  // A refused cell stops the save; questioned ones do not: Lưu nháp stores them, in đồng.
  await rep.click("#save");
  await rep.waitForFunction(() => document.querySelector("#entry-error")?.textContent?.includes("Hãy sửa"));
  const [, early] = await api("GET", `/results?unit=${ward.id}&period=2018-11&page_size=500`);
  check("a negative count stops the save, nothing stored", early.items.length === 0, JSON.stringify(early.items));
  await rep.fill("#v-HS_TTHC", "305");
  await rep.click("#save");
  await rep.waitForFunction(() => document.querySelector('tr[data-code="BHYT"]')?.dataset.state === "draft");
  const [, nov] = await api("GET", `/results?unit=${ward.id}&period=2018-11&page_size=500`);
  const stored = (code) => nov.items.find((r) => r.indicator === code);
  check("450 triệu is stored converted", stored("THU_NSNN")?.value === inUnit, JSON.stringify([stored("THU_NSNN"), inUnit]));
  check("the questioned figures are saved as typed", stored("VON_DTXD")?.value === 4.5e9 && stored("BHYT")?.value === 120 && stored("HS_TTHC")?.value === 305,
        JSON.stringify(nov.items.map((r) => [r.indicator, r.value])));
  check("and read back in full", (await rep.inputValue("#v-VON_DTXD")) === "4.500.000.000");
  check("Đạt is stored as 1 and shown chosen", stored("ATVSTP_DAT_CHUAN")?.value === 1 &&
        (await rep.inputValue("#v-ATVSTP_DAT_CHUAN")) === "1", JSON.stringify(stored("ATVSTP_DAT_CHUAN")));

  // Each state on its row: submitted, approved, sent back with the comment, and still being entered.
  for (const code of ["DN_MOI", "XKLD"]) {
    const [s, r] = await api("POST", "/results", { unit: ward.id, indicator: code, period: "2018-11", value: 3 });
    const [t] = await api("POST", `/results/${r?.id}/submit`);
    check(`${code} is entered and submitted`, s === 201 && t === 200, `${s} ${t}`);
  }
  await rep.fill("#v-VIEC_LAM_MOI", "45");
  await rep.click("#submit");
  await rep.waitForFunction(() => document.querySelector('tr[data-code="VIEC_LAM_MOI"]')?.dataset.state === "submitted");
  const appr = await h.signIn("tp.kiem.tra", "mat khau tp.kiem.tra");
  const [, sent] = await h.api(appr, "GET", `/results?unit=${ward.id}&period=2018-11&page_size=500`);
  const idOf = (code) => sent.items.find((r) => r.indicator === code);
  const [a1] = await h.api(appr, "POST", `/results/${idOf("DN_MOI").id}/approve`, { version: idOf("DN_MOI").version });
  const [a2] = await h.api(appr, "POST", `/results/${idOf("XKLD").id}/return`, { version: idOf("XKLD").version, comment: "Chưa khớp sổ theo dõi xuất khẩu lao động" });
  check("the approver approves one and sends one back", a1 === 200 && a2 === 200, `${a1} ${a2}`);
  const [, draftLeft] = await api("POST", "/results", { unit: ward.id, indicator: "HO_NGHEO", period: "2018-11", value: 40 });
  check("one more stays a draft", !!draftLeft?.id);
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-11&r=1`);
  await rep.waitForSelector('tr[data-code="XKLD"][data-state="returned"]');
  const badge = (code) => cell(rep, code, ".badge");
  check("Đã duyệt on the approved figure", (await badge("DN_MOI")) === "Đã duyệt");
  check("Đã gửi on a submitted one", (await badge("VIEC_LAM_MOI")) === "Đã gửi" && (await badge("VON_DTXD")) === "Đã gửi");
  check("Bị trả lại on the one sent back", (await badge("XKLD")) === "Bị trả lại");
  const note = await cell(rep, "XKLD", ".returned-note");
  check("with the approver's comment on its row", note.includes("tp.kiem.tra") && note.includes("Chưa khớp sổ theo dõi xuất khẩu lao động"), note);
  check("Đang nhập on a draft", (await badge("HO_NGHEO")) === "Đang nhập");
  check("no badge where nothing is stored", !(await rep.$('tr[data-code="HO_CAN_NGHEO"] .badge')));
  const summary = await rep.textContent("#entry-states");
  check("the states are counted above the table", /1 bị trả lại/.test(summary) && /1 đang nhập/.test(summary) && /1 đã duyệt/.test(summary), summary);
  await h.shots(rep, "entry-states");

  // At 390×844: the table scrolls inside its card; Lưu nháp and Gửi duyệt are on screen.
  await rep.setViewportSize({ width: 390, height: 844 });
  await rep.evaluate(() => window.scrollTo(0, 0));
  await rep.waitForTimeout(150);
  const narrow = await rep.evaluate(() => {
    const box = document.querySelector("#entry .table-scroll");
    const on = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; };
    return { inner: box.scrollWidth > box.clientWidth, page: document.documentElement.scrollWidth - innerWidth, save: on("#save"), submit: on("#submit") };
  });
  check("at 390 px the table scrolls inside its card, not the page", narrow.inner && narrow.page <= 1, JSON.stringify(narrow));
  check("and Lưu nháp / Gửi duyệt are on screen at the top of the form", narrow.save && narrow.submit, JSON.stringify(narrow));
  await rep.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  await rep.waitForTimeout(150);
  const middle = await rep.evaluate(() => { const r = document.querySelector("#submit").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  check("and half-way down", middle);
  await rep.screenshot({ path: `${h.outDir}/entry-phone-scrolled-390x844.png` });
  await rep.setViewportSize({ width: 1366, height: 768 });

  // The approver sees the same states; Duyệt can be reached at 390 px.
  await appr.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-11`);
  await appr.waitForSelector('tr[data-code="VIEC_LAM_MOI"] button.approve');
  check("the approver sees Bị trả lại too", (await cell(appr, "XKLD", ".badge")) === "Bị trả lại");
  await appr.setViewportSize({ width: 390, height: 844 });
  const reach = await appr.evaluate(() => {
    const b = document.querySelector('tr[data-code="VIEC_LAM_MOI"] button.approve');
    b.scrollIntoView({ block: "center", inline: "center" });
    const r = b.getBoundingClientRect();
    return r.left >= 0 && r.right <= innerWidth && document.documentElement.scrollWidth - innerWidth <= 1;
  });
  check("at 390 px Duyệt scrolls into view inside the card", reach);
  await appr.click('tr[data-code="VIEC_LAM_MOI"] button.approve');
  await appr.waitForFunction(() => document.querySelector('tr[data-code="VIEC_LAM_MOI"]')?.dataset.state === "approved");
  check("and approves", true);
  await appr.setViewportSize({ width: 1366, height: 768 });
  await h.shots(appr, "entry-approver");

  // Reloading or closing the tab with typed values asks too (the browser's own question).
  await rep.fill("#v-HO_CAN_NGHEO", "12");
  const reloadAsked = rep.waitForEvent("dialog", { timeout: 10000 }).catch(() => null);
  await rep.evaluate(() => { setTimeout(() => location.reload(), 0); });
  const dialog = await reloadAsked;
  const unload = dialog?.type() ?? "";
  await dialog?.dismiss();
  await rep.waitForTimeout(300);
  check("reloading with unsaved values asks first", unload === "beforeunload" && (await rep.inputValue("#v-HO_CAN_NGHEO")) === "12", unload);
} catch (e) {
  check("the spec ran to the end", false, String(e.stack ?? e));
} finally {
  await h.close();
}
