// End-to-end: the directive board as an approver over Hà Nội. Each card names
// the unit and working session it came from, and its links open that unit's
// dashboard and that session; the assignee box narrows the board with or
// without diacritics and keeps the filter in the address; "Hạn trong 7 ngày
// tới" lists only deadlines from today to 7 days on, overdue ones apart;
// "Thêm vào lịch" makes a feed address that a calendar app (no cookie) reads
// as text/calendar with the deadlines, until it is revoked. At 390×844 the
// page does not scroll sideways. Screenshots under OUT_DIR.
//
//   node tests/e2e/board.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const { check } = h;
const dd = (iso) => iso.split("-").reverse().join("/");
try {
  const admin = await h.signIn("admin", h.password);
  const [, cities] = await h.api(admin, "GET", "/units?q=" + encodeURIComponent("ha noi") + "&page_size=100");
  const city = cities.items.find((u) => u.code === "01");
  const [, wards] = await h.api(admin, "GET", `/units?parent=${city?.id}&page_size=200`);
  const ward = wards.items?.find((u) => u.code !== "00145");
  check("the demo has Hà Nội and a ward of it today", !!city && !!ward, JSON.stringify(wards.items?.slice(0, 3)));
  const [made] = await h.api(admin, "POST", "/users", { username: "hn.chidao", password: "mat khau chi dao",
                                                        roles: [{ role: "approver", unit: city.id }] });
  check("the administrator makes an approver over Hà Nội", made === 201, made);
  const page = await h.signIn("hn.chidao", "mat khau chi dao");

  // A session of the ward today with deadlines in 3 days, a milestone on the 7th day, one on the 8th, one past.
  const [, first] = await h.api(page, "GET", "/directives?page_size=1");
  const today = first.today;  // the server's day (Việt Nam time)
  const day = (n) => {
    const [y, m, d] = today.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  };
  const host = "Ban Thường vụ Thành ủy";
  const name = ward.full_name;  // "Phường …"
  const wanted = {
    soon: { text: "Báo cáo tiến độ giải phóng mặt bằng tuyến đường vành đai", assignee: `UBND ${name}`, deadline: day(3) },
    week: { text: "Hoàn thành chỉnh trang vỉa hè các tuyến phố chính", assignee: `Ủy ban nhân dân ${name}`, deadline: day(20),
            milestones: [{ on: day(7), what: "báo cáo tiến độ chỉnh trang" }] },
    later: { text: "Tổng kết công tác dân vận khéo", assignee: `Đảng ủy ${name}`, deadline: day(8) },
    past: { text: "Nộp báo cáo rà soát hộ nghèo cuối năm", assignee: "Phòng Kinh tế", deadline: day(-2) },
  };
  const [sStatus, session] = await h.api(page, "POST", "/meetings", {
    unit: ward.id, held_on: today, host, chair: "Bí thư Thành ủy", conclusions: "Kết luận buổi làm việc với phường.",
    directives: Object.values(wanted) });
  check("the approver records a session of the ward with 4 directives", sStatus === 201 && session?.directives?.length === 4,
        JSON.stringify(session));
  const idOf = Object.fromEntries(Object.keys(wanted).map((k) => [k, session.directives.find((d) => d.text === wanted[k].text)?.id]));

  // The board: every card says where it came from, as the API does.
  await page.goto(`${h.base}/#/directives`);
  await page.waitForSelector("#board-results .board");
  const [, everything] = await h.api(page, "GET", "/directives?page_size=500");
  const cards = await page.$$eval(".directive", (els) => els.map((e) => ({
    id: Number(e.dataset.id),
    unit: e.querySelector(".source-unit")?.textContent ?? null,
    unitHref: e.querySelector(".source-unit")?.getAttribute("href") ?? null,
    meeting: e.querySelector(".source-meeting")?.textContent ?? null,
  })));
  const byId = new Map(everything.items.map((d) => [d.id, d]));
  const wrong = cards.filter((c) => {
    const s = byId.get(c.id)?.source;
    return !s || c.unit !== (s.unit?.full_name ?? null) || (c.meeting !== null) !== !!s.meeting ||
           (s.meeting && !c.meeting.includes(dd(s.meeting.held_on)));
  });
  check("every card shows the unit and session it came from", cards.length >= 4 && wrong.length === 0,
        `${cards.length} cards; wrong: ${JSON.stringify(wrong.slice(0, 3))}`);
  check("including cards of the demo's own sessions", cards.filter((c) => c.meeting && !Object.values(idOf).includes(c.id)).length > 0);
  const soon = `.directive[data-id="${idOf.soon}"]`;
  check("the new card names the ward", (await page.textContent(`${soon} .source-unit`)) === ward.full_name,
        await page.textContent(soon));
  check("and the session by its day and host",
        (await page.textContent(`${soon} .source-meeting`)) === `Buổi làm việc ngày ${dd(today)}, ${host}`,
        await page.textContent(`${soon} .source-meeting`));
  await h.shots(page, "board");

  // The reminders: overdue apart; the 7 days from today, nearest first, dd/mm/yyyy.
  const due = await page.$$eval("#due-soon li", (lis) => lis.map((li) => ({
    id: Number(li.dataset.id), deadline: li.dataset.deadline, shown: li.querySelector("time").textContent })));
  check("'Hạn trong 7 ngày tới' is there", (await page.textContent("#due-soon h2")).includes("Hạn trong 7 ngày tới"));
  check("it lists only deadlines from today to 7 days on", due.length >= 2 && due.every((d) => d.deadline >= today && d.deadline <= day(7)),
        JSON.stringify(due));
  check("the one in 3 days and the milestone on the 7th day are in it",
        due.some((d) => d.id === idOf.soon && d.deadline === day(3)) && due.some((d) => d.id === idOf.week && d.deadline === day(7)),
        JSON.stringify(due));
  check("the one in 8 days and the overdue one are not", !due.some((d) => d.id === idOf.later || d.id === idOf.past), JSON.stringify(due));
  check("sorted by deadline", due.every((d, i) => i === 0 || due[i - 1].deadline <= d.deadline), JSON.stringify(due));
  check("with deadlines as dd/mm/yyyy", due.every((d) => d.shown === dd(d.deadline)), JSON.stringify(due));
  const overdue = await page.$$eval("#overdue-list li", (lis) => lis.map((li) => ({ id: Number(li.dataset.id), deadline: li.dataset.deadline })));
  check("the overdue one has its own block", overdue.some((d) => d.id === idOf.past) && overdue.every((d) => d.deadline < today),
        JSON.stringify(overdue));
  const dueTotal = (await h.api(page, "GET", "/directives?due_within=7&open=true&page_size=500"))[1].total;
  check("'Hạn trong 7 ngày tới' counts what the API's due_within=7 does",
        (await page.textContent("#due-soon h2 .count")) === String(dueTotal) && due.length === Math.min(dueTotal, 8),
        `${await page.textContent("#due-soon h2 .count")} shown ${due.length}, API ${dueTotal}`);

  await page.click("#lang");
  check("in English: 'Due in the next 7 days' and the session named so",
        (await page.textContent("#due-soon h2")).includes("Due in the next 7 days") &&
        (await page.textContent(`${soon} .source-meeting`)) === `Working session of ${dd(today)}, ${host}`,
        `${await page.textContent("#due-soon h2")} ${await page.textContent(`${soon} .source-meeting`)}`);
  await page.click("#lang");
  check("and back in Vietnamese", (await page.textContent("#due-soon h2")).includes("Hạn trong 7 ngày tới"));

  // The unit link opens the ward's dashboard; the session link opens that session.
  await page.click(`${soon} .source-unit`);
  await page.waitForSelector("#evaluation h2");
  check("the unit link opens the dashboard of that unit",
        page.url().includes(`#/dashboard?unit=${ward.id}`) && (await page.textContent("#evaluation h2")).includes(ward.full_name),
        `${page.url()} ${await page.textContent("#evaluation h2")}`);
  await page.goBack();
  await page.waitForSelector(`${soon} .source-meeting`);
  await page.click(`${soon} .source-meeting`);
  await page.waitForSelector(`details[data-id="${session.id}"][open] .meeting-body li`);
  const opened = await page.$$eval("ul.meetings details[open]", (ds) => ds.map((d) => Number(d.dataset.id)));
  check("the session link opens that session, and only it", opened.length === 1 && opened[0] === session.id, JSON.stringify(opened));
  check("with its directives", (await page.textContent(`details[data-id="${session.id}"] .meeting-body`)).includes(wanted.soon.text));
  const top = await page.$eval(`details[data-id="${session.id}"]`, (d) => d.getBoundingClientRect().top);
  check("scrolled into view", top >= 0 && top < 768, String(top));
  await h.shots(page, "board-session-opened");

  // The assignee box: with and without diacritics, the board narrows to the same directives.
  await page.goto(`${h.base}/#/directives`);
  await page.waitForSelector("#board-results .board");
  const total = async () => Number((await page.textContent("#board-total")).match(/\d+/)[0]);
  const before = await total();
  const shownTexts = () => page.$$eval(".directive", (els) => els.map((e) => e.getAttribute("aria-label")));
  for (const typed of ["ubnd phuong", `Ủy ban nhân dân ${name}`]) {
    await page.fill("#assignee", "");
    await page.waitForSelector('#board-results[data-assignee=""]');
    await page.type("#assignee", typed, { delay: 20 });
    await page.waitForSelector(`[aria-busy="false"] > #board-results[data-assignee="${typed}"]`);
    const texts = await shownTexts();
    const [, api] = await h.api(page, "GET", "/directives?page_size=500&assignee=" + encodeURIComponent(typed));
    check(`'${typed}' narrows the board`, (await total()) < before && (await total()) === api.total, `${await total()} of ${before}, API ${api.total}`);
    check(`'${typed}' finds UBND and Ủy ban nhân dân alike`, texts.includes(wanted.soon.text) && texts.includes(wanted.week.text),
          JSON.stringify(texts));
    check(`'${typed}' leaves out the Đảng ủy and the Phòng`, !texts.includes(wanted.later.text) && !texts.includes(wanted.past.text),
          JSON.stringify(texts));
    const inUrl = new URLSearchParams(page.url().split("?")[1] ?? "").get("assignee");
    check(`'${typed}' is kept in the address`, inUrl === typed, page.url());
  }
  const onlyThree = `#board-results[data-assignee="ubnd phuong"]`;
  await page.goto(`${h.base}/#/directives?assignee=${encodeURIComponent("ubnd phuong")}`);
  await page.waitForSelector(onlyThree);
  check("the shared address opens the board filtered", (await page.inputValue("#assignee")) === "ubnd phuong" && (await total()) < before);
  const dueFiltered = await page.$$eval("#due-soon li", (lis) => lis.map((li) => Number(li.dataset.id)));
  check("the reminders follow the filter", dueFiltered.includes(idOf.soon) && !dueFiltered.includes(idOf.past), JSON.stringify(dueFiltered));
  await h.shots(page, "board-filtered");

  // At phone width the filter and the cards fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  const boxes = await page.$$eval("#assignee, #issuer, #filters button, .directive, #due-soon li", (els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => [Math.round(r.left), Math.round(r.right)]));
  check("at 390 px the filter and every card fit the screen", boxes.length > 4 && boxes.every(([l, r]) => l >= 0 && r <= 390),
        JSON.stringify(boxes.filter(([l, r]) => l < 0 || r > 390)));
  await page.setViewportSize({ width: 1366, height: 768 });

  // "Thêm vào lịch": a feed address a calendar app reads without a cookie.
  await page.click("#calendar summary");
  await page.waitForSelector("#calendar-unit");
  check("the feed is offered for Hà Nội, the approver's unit", (await page.inputValue("#calendar-unit")) === "01");
  await page.click("#make-calendar");
  await page.waitForSelector("#calendar-url");
  const url = await page.inputValue("#calendar-url");
  check("the calendar link is shown", url.startsWith(`${h.base}/api/v1/units/01/deadlines.ics?token=`), url);
  check("and no second token is made while it is shown", await page.$eval("#make-calendar", (b) => b.disabled));
  check("with the warning that it works like a password", (await page.textContent("#calendar-warning")).includes("dùng như mật khẩu"));
  check("and how to subscribe in Google Calendar and Outlook",
        (await page.textContent("#calendar .calendar-help")).includes("Google Lịch") && (await page.textContent("#calendar .calendar-help")).includes("Outlook"));
  await h.shots(page, "board-calendar");
  const feed = await fetch(url);  // no cookie, no header: as a calendar app
  const ics = await feed.text();
  check("fetching the link returns text/calendar", feed.status === 200 && (feed.headers.get("content-type") ?? "").startsWith("text/calendar"),
        `${feed.status} ${feed.headers.get("content-type")} ${ics.slice(0, 200)}`);
  const events = ics.split("BEGIN:VEVENT").length - 1;
  check("with VEVENTs, the ward's deadlines among them", events >= 4 && ics.includes(`UID:directive-${idOf.soon}-final@kiemdem`) &&
        ics.includes(`UID:directive-${idOf.week}-m0@kiemdem`), `${events} events`);
  await page.click("#revoke-calendar");
  await page.waitForFunction(() => document.querySelector("#calendar-note")?.textContent?.includes("Đã thu hồi"));
  check("a revoked link no longer opens the calendar", (await fetch(url)).status === 401);
} finally {
  await h.close();  // checks there were no script errors
}
