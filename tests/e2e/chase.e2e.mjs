// End-to-end: chasing the reports of a period. An analyst over Hà Nội opens
// "Tình hình báo cáo" for tháng 10/2026 (past its deadline, 25/10/2026) and
// sees each ward's state: not reported, being entered, submitted, approved,
// the unsent ones marked late; the list downloads as CSV (a BOM, Vietnamese
// names) and as Excel (the counts as number cells, the API's). The city's approver reminds the late wards, and a reporter of one
// of them finds the reminder on the entry page, and in their mail: the server
// runs with --smtp to a small SMTP relay here that keeps what it receives.
// Screenshots at 1366×768 and 390×844 under OUT_DIR.
//
//   node tests/e2e/chase.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { sheetCells, start } from "./harness.mjs";

// An SMTP relay on a free port: each message as { to, data }.
const mails = [];
const relay = createServer((socket) => {
  let buffer = "", inData = false, to = [], data = "";
  socket.write("220 relay.example.vn ESMTP\r\n");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("latin1");
    let end;
    while ((end = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === ".") {
          inData = false;
          mails.push({ to, data });
          socket.write("250 queued\r\n");
        } else data += (line.startsWith("..") ? line.slice(1) : line) + "\r\n";
        continue;
      }
      const verb = line.toUpperCase();
      if (verb.startsWith("EHLO")) socket.write("250-relay.example.vn\r\n250 8BITMIME\r\n");
      else if (verb.startsWith("MAIL FROM:")) { to = []; data = ""; socket.write("250 OK\r\n"); }
      else if (verb.startsWith("RCPT TO:")) { to.push(line.slice(8).trim().replace(/[<>]/g, "")); socket.write("250 OK\r\n"); }
      else if (verb === "DATA") { inData = true; socket.write("354 go on\r\n"); }
      else if (verb === "QUIT") { socket.end("221 bye\r\n"); }
      else socket.write("250 OK\r\n");
    }
  });
});
await new Promise((done) => relay.listen(0, "127.0.0.1", done));

const h = await start(process.argv.slice(2), { serveArgs: ["--smtp", `127.0.0.1:${relay.address().port}`] });
const { check } = h;
const period = "2026-10";
try {
  const admin = await h.signIn("admin", h.password);
  const [, cities] = await h.api(admin, "GET", "/units?q=" + encodeURIComponent("ha noi") + "&page_size=100");
  const city = cities.items.find((u) => u.code === "01");
  const [, wards] = await h.api(admin, "GET", `/units?parent=${city.id}&page_size=200&on=31/10/2026`);
  const [none, draft, sent, approved] = wards.items.filter((u) => u.code !== "00145");
  check("the demo has Hà Nội and its wards", !!city && !!approved);
  const users = [["hn.xem", "viewer", city.id], ["hn.duyet", "approver", city.id], ["hn.nhac", "reporter", none.id],
                 ...[draft, sent, approved].map((u) => [`bc.${u.code}`, "reporter", u.id])];
  for (const [username, role, unit] of users) {
    const email = username === "hn.nhac" ? "nhac.baocao@phuong.hanoi.gov.vn" : "";
    const [made] = await h.api(admin, "POST", "/users", { username, password: "mat khau " + username, email, roles: [{ role, unit }] });
    check(`the administrator makes ${username}`, made === 201, made);
  }
  const appr = await h.signIn("hn.duyet", "mat khau hn.duyet");
  for (const ward of [draft, sent, approved]) {
    const rep = await h.signIn(`bc.${ward.code}`, `mat khau bc.${ward.code}`);
    const [s, r] = await h.api(rep, "POST", "/results", { unit: ward.id, indicator: "THU_NSNN", period, value: 1500 });
    check(`${ward.full_name} enters a figure`, s === 201, s);
    if (ward !== draft) check(`${ward.full_name} submits it`, (await h.api(rep, "POST", `/results/${r.id}/submit`))[0] === 200);
    if (ward === approved) check("the city approves one", (await h.api(appr, "POST", `/results/${r.id}/approve`, { version: 1 }))[0] === 200);
    await rep.context().close();
  }

  // The analyst reads the board.
  const analyst = await h.signIn("hn.xem", "mat khau hn.xem");
  check("the analyst finds Tình hình báo cáo in the navigation", (await analyst.$$('nav a[href="#/completeness"]')).length === 1);
  await analyst.click('nav a[href="#/completeness"]');
  await analyst.goto(`${h.base}/#/completeness?unit=${city.id}&period=${period}`);
  await analyst.waitForSelector("#board");
  const row = (u) => `#board tr[data-code="${u.code}"]`;
  const badge = async (u) => (await analyst.textContent(`${row(u)} .badge`))?.trim();
  check("a ward without figures: Chưa báo cáo", (await badge(none)) === "Chưa báo cáo", await badge(none));
  check("a draft: Đang nhập", (await badge(draft)) === "Đang nhập", await badge(draft));
  check("submitted: Đã gửi", (await badge(sent)) === "Đã gửi", await badge(sent));
  check("approved: Đã duyệt", (await badge(approved)) === "Đã duyệt", await badge(approved));
  const cls = async (u) => (await analyst.getAttribute(row(u), "class")) ?? "";
  check("the unsent are marked late", (await cls(none)).includes("late") && (await cls(draft)).includes("late"));
  check("the sent are not", !(await cls(sent)).includes("late") && !(await cls(approved)).includes("late"));
  const deadline = await analyst.textContent("#board-deadline");
  check("the deadline is shown dd/mm/yyyy", deadline.includes("25/10/2026") && deadline.includes("14/10/2026"), deadline);
  const counts = await analyst.textContent("#board-counts");
  check("with the counts by state", counts.includes("Đã duyệt") && /\d+ quá hạn/.test(counts), counts);
  check("an analyst sends no reminders", (await analyst.$$("#send-reminders")).length === 0);
  await h.shots(analyst, "chase-board");
  await h.audit(analyst, "chase-board");
  await analyst.setViewportSize({ width: 390, height: 844 });
  const box = await analyst.evaluate(() => {
    const s = document.querySelector("#completeness .scroll");
    return { client: s.clientWidth, scroll: s.scrollWidth, right: s.getBoundingClientRect().right };
  });
  check("at 390 px the table scrolls inside its card", box.right <= 390, JSON.stringify(box));
  await analyst.setViewportSize({ width: 1366, height: 768 });

  const [download] = await Promise.all([analyst.waitForEvent("download"), analyst.click("#download-board-csv")]);
  const bytes = readFileSync(await download.path());
  const text = bytes.toString("utf8");
  check("the CSV starts with a BOM", bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, bytes.subarray(0, 3).toString("hex"));
  check("and names the wards in Vietnamese", text.includes(none.full_name) && text.includes("Chưa báo cáo") && text.includes("Mã đơn vị"),
        text.slice(0, 300));
  check("its file is named for the city and period", download.suggestedFilename() === "tinh-hinh-bao-cao-thanh-pho-ha-noi-2026-10.csv",
        download.suggestedFilename());

  // As Excel: "Số chỉ tiêu đã nhập" a number cell in every ward's row, the API's count.
  const [xlsx] = await Promise.all([analyst.waitForEvent("download"), analyst.click("#download-board-xlsx")]);
  const xlsxPath = join(h.outDir, "chase-" + xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  check("Tải Excel's file is named for the city and period", xlsx.suggestedFilename() === "tinh-hinh-bao-cao-thanh-pho-ha-noi-2026-10.xlsx",
        xlsx.suggestedFilename());
  const cells = sheetCells(xlsxPath);
  const col = Object.keys(cells).find((r) => /^[A-Z]+2$/.test(r) && cells[r].text === "Số chỉ tiêu đã nhập")?.replace(/\d+$/, "");
  const [, onBoard] = await h.api(analyst, "GET", `/completeness?unit=${city.id}&period=${period}`);
  const present = new Map(onBoard.items.map((i) => [i.unit.code, i.present]));
  const lines = Object.keys(cells).filter((r) => /^A\d+$/.test(r) && Number(r.slice(1)) > 2).map((r) => r.slice(1));
  const wrongCells = lines.filter((n) => cells[`${col}${n}`]?.type !== "n" ||
                                         Number(cells[`${col}${n}`].text) !== present.get(cells[`A${n}`].text));
  check("the sheet's Số chỉ tiêu đã nhập are number cells with the API's counts",
        !!col && lines.length === onBoard.items.length && wrongCells.length === 0 &&
        lines.some((n) => cells[`A${n}`].text === draft.code && cells[`${col}${n}`].text === "1"),
        JSON.stringify([col, lines.length, onBoard.items.length, wrongCells.slice(0, 3).map((n) => [cells[`A${n}`], cells[`${col}${n}`]])]));

  // The approver reminds the late ones.
  await appr.goto(`${h.base}/#/completeness?unit=${city.id}&period=${period}`);
  await appr.waitForSelector("#send-reminders");
  await appr.click("#send-reminders");
  await appr.waitForSelector("#reminders-sent");
  const said = await appr.textContent("#reminders-sent");
  const late = wards.items.length - 2;  // all but the submitted and the approved
  check("the approver reminds every late ward", said.includes(`Đã nhắc ${late} đơn vị`), said);
  await appr.waitForSelector("#reminders-mailed");
  const mailed = await appr.textContent("#reminders-mailed");
  check("and is told which went by e-mail", mailed.includes("Đã gửi e-mail nhắc cho 1 đơn vị") &&
        mailed.includes(`${late - 1} đơn vị chưa có cán bộ nào có địa chỉ e-mail`), mailed);
  const mail = mails.find((m) => m.to.includes("nhac.baocao@phuong.hanoi.gov.vn"));
  const body = mail ? Buffer.from(mail.data.split("\r\n\r\n").slice(1).join("").replace(/\s+/g, ""), "base64").toString("utf8") : "";
  check("the late ward's reporter gets the reminder by e-mail", !!mail && body.includes(`Kính gửi ${none.full_name}`) &&
        body.includes("đã quá hạn gửi (hạn gửi 25/10/2026)"), body || JSON.stringify(mails.map((m) => m.to)));
  await h.shots(appr, "chase-reminded");
  await h.audit(appr, "chase-reminded");

  // The reporter of a late ward sees it.
  const rep = await h.signIn("hn.nhac", "mat khau hn.nhac");
  await rep.goto(`${h.base}/#/entry?unit=${none.id}&period=${period}`);
  await rep.waitForSelector("#report-reminders");
  const reminder = await rep.textContent("#report-reminders");
  check("the reporter sees the reminder on the entry page", reminder.includes("Thành phố Hà Nội nhắc") && reminder.includes("25/10/2026") &&
        reminder.includes("Quá hạn") && reminder.includes("hn.duyet"), reminder);
  await h.shots(rep, "chase-reminder");
  await h.audit(rep, "chase-reminder");
} catch (e) {
  check("the run finishes", false, String(e.stack ?? e));
} finally {
  await h.close();
  relay.close();
}
