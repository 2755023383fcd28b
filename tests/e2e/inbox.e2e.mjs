// End-to-end: the approval inbox as an approver over Hà Nội. The count of
// figures waiting stands beside "Chờ duyệt"; one ward's period opens with its
// figures, target and last year beside each; "Duyệt tất cả" approves the
// period at once, the count drops by as many, and each figure's history has
// its own approval by the approver. At 390×844 the buttons are
// on screen. A period sent back with a comment reaches its reporter's
// "Bị trả lại" list on the entry page. Screenshots under OUT_DIR.
//
//   node tests/e2e/inbox.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const { check } = h;
try {
  const admin = await h.signIn("admin", h.password);
  const [, cities] = await h.api(admin, "GET", "/units?q=" + encodeURIComponent("ha noi") + "&page_size=100");
  const city = cities.items.find((u) => u.code === "01");
  const [, wards] = await h.api(admin, "GET", `/units?parent=${city.id}&page_size=200`);
  const ward = wards.items.find((u) => u.code !== "00145");
  check("the demo has Hà Nội and a ward of it", !!city && !!ward);
  for (const [username, role, unit] of [["hn.baocao", "reporter", ward.id], ["hn.duyet", "approver", city.id]]) {
    const [made] = await h.api(admin, "POST", "/users", { username, password: "mat khau " + username, roles: [{ role, unit }] });
    check(`the administrator makes ${username}`, made === 201, made);
  }
  const rep = await h.signIn("hn.baocao", "mat khau hn.baocao");
  const submit = async (period, indicators) => {
    for (const [i, indicator] of indicators.entries()) {
      const [s, r] = await h.api(rep, "POST", "/results", { unit: ward.id, indicator, period, value: 1000 + i });
      const [t] = await h.api(rep, "POST", `/results/${r?.id}/submit`);
      check(`${indicator} ${period} is entered and submitted`, s === 201 && t === 200, `${s} ${t}`);
    }
  };
  await submit("2026-09", ["THU_NSNN", "CHI_NS", "THU_NS_XA"]);
  await submit("2026-08", ["THU_NSNN"]);

  const appr = await h.signIn("hn.duyet", "mat khau hn.duyet");
  const waiting = async () => (await h.api(appr, "GET", "/inbox?page_size=1"))[1].figures;
  const before = await waiting();
  const navCount = async () => (await appr.textContent("#nav-inbox .count").catch(() => null)) ?? "0";
  await appr.waitForSelector("#nav-inbox .count");
  check("the navigation shows how many figures wait", (await navCount()) === String(before) && before >= 4, `${await navCount()} vs ${before}`);
  await appr.click("#nav-inbox");
  await appr.waitForSelector("#inbox-list");
  const row = `#inbox-list tr[data-code="${ward.code}"][data-period="2026-09"]`;
  check("the ward's September waits with its 3 figures", (await appr.textContent(`${row} td.num`))?.trim() === "3");
  check("named with its province", (await appr.textContent(row)).includes("Hà Nội"), await appr.textContent(row));
  await h.shots(appr, "inbox-list");
  await appr.click(`${row} a`);
  await appr.waitForSelector("#inbox-figures");
  check("the period opens with its 3 figures", (await appr.$$("#inbox-figures tbody tr")).length === 3);
  const head = await appr.textContent("#inbox-figures thead");
  check("beside the target and last year", head.includes("Kế hoạch") && head.includes("Cùng kỳ năm trước"), head);

  // At phone width the actions are on screen.
  await appr.setViewportSize({ width: 390, height: 844 });
  for (const id of ["#approve-all", "#return-all"]) {
    await appr.locator(id).scrollIntoViewIfNeeded();
    const box = await appr.locator(id).boundingBox();
    check(`${id} is on screen at 390×844`, box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 844,
          JSON.stringify(box));
  }
  await h.shots(appr, "inbox-period");

  await appr.click("#approve-all");
  await appr.waitForSelector("#inbox-list, #inbox-empty");
  await appr.waitForFunction((n) => (document.querySelector("#nav-inbox .count")?.textContent ?? "0") === String(n), before - 3);
  check("after Duyệt tất cả the count drops by 3", (await navCount()) === String(before - 3), await navCount());
  check("and the period is gone from the inbox", (await appr.$$(row)).length === 0);
  const [, september] = await h.api(appr, "GET", `/results?unit=${ward.id}&period=2026-09&page_size=50`);
  check("all 3 figures are approved", september.items.length === 3 && september.items.every((r) => r.status === "approved"),
        JSON.stringify(september.items.map((r) => r.status)));
  // Approving a period at once still audits each figure: its own history has the approval, by the approver.
  const histories = [];
  for (const r of september.items) histories.push([r.id, (await h.api(appr, "GET", `/results/${r.id}/history`))[1]]);
  const unaudited = histories.filter(([, hist]) =>
    hist?.events?.filter((e) => e.action === "approve" && e.actor === "hn.duyet" && e.old?.status === "submitted" &&
                                e.new?.status === "approved").length !== 1);
  check("each of the 3 figures has its own approval by hn.duyet in its history", histories.length === 3 && unaudited.length === 0,
        JSON.stringify(unaudited.slice(0, 2)));

  // August goes back with a comment, which the reporter finds on the entry page.
  await appr.goto(`${h.base}/#/inbox?unit_code=${ward.code}&period=2026-08`);
  await appr.waitForSelector("#inbox-figures");
  await appr.click("#return-all");
  await appr.fill("#return-comment", "Thu ngân sách tháng 8 chưa khớp sổ kho bạc");
  await appr.click("#return-confirm");
  await appr.waitForSelector("#inbox-list, #inbox-empty");
  check("after Trả lại the count drops by 1", (await waiting()) === before - 4);
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=2026-08`);
  await rep.waitForSelector("#returned");
  const returned = await rep.textContent("#returned");
  check("the reporter sees it under Bị trả lại with the comment", returned.includes("Bị trả lại") &&
        returned.includes("Thu ngân sách tháng 8 chưa khớp sổ kho bạc") && returned.includes("hn.duyet"), returned);
  await h.shots(rep, "inbox-returned");
} catch (e) {
  check("the run finishes", false, String(e.stack ?? e));
} finally {
  await h.close();
}
