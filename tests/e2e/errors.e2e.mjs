// End-to-end: errors a person can act on, in Debian's headless Chromium
// against a fresh demo server. A dropped connection and a proxy's HTML 502
// page show a Vietnamese message, Thử lại and the request id, never the
// browser's or parser's own words; a refusal names the role that is missing,
// in Vietnamese and in English. With them, small checks of the same review:
// a figure marked in a report shows its row without leaving the page, the
// entry page's period picker opens the chosen period, and on a phone the
// units below are folded so the comparison comes within two screens.
// Screenshots at 1366×768 and 390×844 under OUT_DIR.
//
//   node tests/e2e/errors.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const { check } = h;
const raw = ["Failed to fetch", "NetworkError", "Unexpected token", "<html", "Bad Gateway", "SyntaxError", "TypeError"];
const rawShown = async (p) => {
  const text = await p.evaluate(() => document.body.innerText);
  return raw.filter((w) => text.includes(w));
};
try {
  const admin = await h.signIn("admin", h.password);
  const [, found] = await h.api(admin, "GET", "/units?on=2018-06-30&page_size=200&q=" + encodeURIComponent("quang hung"));
  const ward = found.items.find((u) => u.full_name.includes("Phường Quảng Hưng"));
  check("the demo has Phường Quảng Hưng", !!ward, JSON.stringify(found.items?.map((u) => u.full_name)));
  const [madeViewer] = await h.api(admin, "POST", "/users", { username: "qh.xem", password: "chi xem quang hung",
                                                              roles: [{ role: "viewer", unit: ward.id }] });
  const [madeReporter] = await h.api(admin, "POST", "/users", { username: "qh.nhap", password: "bao cao quang hung",
                                                                roles: [{ role: "reporter", unit: ward.id }] });
  check("the administrator makes a ward viewer and a ward reporter", madeViewer === 201 && madeReporter === 201, `${madeViewer} ${madeReporter}`);
  const dashboard = `${h.base}/#/dashboard?unit=${ward.id}&period=2018`;

  // 1. The network is down for the evaluation: a Vietnamese message and Thử lại; once it is back, Thử lại loads it.
  const rep = await h.signIn("qh.nhap", "bao cao quang hung");
  const dropped = (r) => r.abort("internetdisconnected");
  await rep.route("**/api/v1/evaluation*", dropped);
  await rep.goto(dashboard);
  await rep.waitForSelector("#evaluation .error-box");
  const downText = await rep.textContent("#evaluation .error-box");
  check("with the network down the page says so in Vietnamese", downText.includes("Không kết nối được với máy chủ"), downText);
  check("and offers Thử lại", (await rep.$$("#evaluation .error-box button.retry")).length === 1 &&
        (await rep.textContent("#evaluation .error-box button.retry")).trim() === "Thử lại");
  const rawDown = await rawShown(rep);
  check("and shows none of the browser's own words", rawDown.length === 0, rawDown.join(", "));
  await h.shots(rep, "errors-network-down");
  await rep.unroute("**/api/v1/evaluation*", dropped);
  await rep.click("#evaluation .error-box button.retry");
  await rep.waitForSelector("#summary");
  check("once the network is back, Thử lại loads the dashboard", !(await rep.$("#evaluation .error-box")));

  // 2. A proxy's HTML 502 page: the Vietnamese message and the request id, not the HTML.
  let fulfilled = 0;
  await rep.route("**/api/v1/evaluation*", (r) => {
    fulfilled++;
    return r.fulfill({ status: 502, contentType: "text/html", headers: { "X-Request-Id": "e2e-req-123" },
                       body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>" });
  }, { times: 1 });
  await rep.goto(`${h.base}/#/dashboard?unit=${ward.id}&period=2018-01%2F2018-10`);
  await rep.waitForSelector("#evaluation .error-box");
  const proxyText = await rep.textContent("#evaluation .error-box");
  check("a proxy's 502 is answered as server trouble in Vietnamese", fulfilled === 1 && proxyText.includes("Máy chủ đang gặp sự cố (mã 502)"), proxyText);
  check("with the request id to quote", proxyText.includes("Mã yêu cầu (gửi cho quản trị viên): e2e-req-123"), proxyText);
  const rawProxy = await rawShown(rep);
  check("and no HTML or parser error on screen", rawProxy.length === 0, rawProxy.join(", "));
  check("and Thử lại, since trying again can help", (await rep.$$("#evaluation .error-box button.retry")).length === 1);
  await h.shots(rep, "errors-proxy-502");
  await rep.click("#evaluation .error-box button.retry");
  await rep.waitForSelector("#summary");
  check("Thử lại after the 502 loads the dashboard", !(await rep.$("#evaluation .error-box")));

  // 3. A viewer may not enter figures: the refusal names the role needed, in Vietnamese and in English.
  const viewer = await h.signIn("qh.xem", "chi xem quang hung");
  const post = (lang) => viewer.evaluate(async ([unit, lang]) => {
    const me = await (await fetch("/api/v1/auth/me")).json();
    const r = await fetch("/api/v1/results", { method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token, "Accept-Language": lang },
      body: JSON.stringify({ unit, indicator: "DN_MOI", period: "2018-11", value: 3 }) });
    return [r.status, await r.json().catch(() => null)];
  }, [ward.id, lang]);
  const [viStatus, viBody] = await post("vi");
  check("a viewer's figure is refused", viStatus === 403 && viBody?.error?.code === "permission_denied", `${viStatus} ${JSON.stringify(viBody)}`);
  check("the refusal names the role needed, in Vietnamese", (viBody?.error?.message ?? "").includes("người nhập liệu (reporter)"), viBody?.error?.message);
  const [enStatus, enBody] = await post("en");
  check("and in English with Accept-Language en", enStatus === 403 && /^you may not .*\breporter\b/.test(enBody?.error?.message ?? ""), enBody?.error?.message);
  check("with the request id to quote", typeof viBody?.error?.request_id === "string" && viBody.error.request_id.length > 0, JSON.stringify(viBody));

  // 4. Reading a report: a marked figure shows its row, and a row's figure its mark, without leaving the page.
  await rep.goto(`${h.base}/#/read?unit=${ward.id}`);
  await rep.waitForSelector("#report-text");
  const report = ["Năm 2024, phường kết nạp 12 đảng viên mới.", ...Array.from({ length: 40 }, (_, i) => `Đoạn ${i + 1}: tình hình chung ổn định.`),
                  "Toàn phường còn 35 hộ nghèo, tỷ lệ hộ nghèo giảm còn 1,2%."].join("\n");
  await rep.fill("#report-text", report);
  await rep.click("#read");
  await rep.waitForSelector("#confirm tbody tr");
  await rep.setViewportSize({ width: 390, height: 844 });
  const inView = (sel) => rep.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, sel);
  // The first figure of the text, whose row is far below it on a phone.
  const index = await rep.$$eval("#confirm tbody tr", (trs) => trs.find((tr) => tr.querySelector("button.fact").textContent.includes("12"))?.dataset.index);
  check("the report's first figure has a row", index !== undefined);
  const row = `#confirm tr[data-index="${index}"]`;
  await rep.evaluate(() => window.scrollTo(0, 0));
  await rep.waitForTimeout(200);
  const urlBefore = rep.url();
  check("before the click, the row is out of view", !(await inView(row)));
  await rep.click(`#m-${index}`);
  await rep.waitForFunction((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, row, { timeout: 5000 }).catch(() => {});
  check("clicking a marked figure scrolls its row into view", await inView(row));
  check("and stays on the page", rep.url() === urlBefore && !!(await rep.$("#confirm")), rep.url());
  await rep.click(`${row} button.fact`);
  await rep.waitForFunction((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, `#m-${index}`, { timeout: 5000 }).catch(() => {});
  check("clicking the row's figure scrolls to its mark in the text", await inView(`#m-${index}`));
  check("and stays on the page too", rep.url() === urlBefore, rep.url());
  await rep.setViewportSize({ width: 1366, height: 768 });
  await h.shots(rep, "errors-read-marks");

  // 5. The entry page's period picker opens the chosen period.
  await rep.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-11`);
  await rep.waitForSelector("#entry");
  await rep.selectOption("#entry-period", "2018-10");
  await rep.waitForFunction(() => location.hash.includes("period=2018-10"), null, { timeout: 5000 }).catch(() => {});
  check("choosing a month in the period picker puts it in the address", rep.url().includes("period=2018-10"), rep.url());
  await rep.waitForSelector("#entry");
  check("and the picker shows it", (await rep.inputValue("#entry-period")) === "2018-10");
  await rep.selectOption("#entry-period", "2018-01/2018-10");
  await rep.waitForFunction(() => location.hash.includes("period=2018-01%2F2018-10") || location.hash.includes("period=2018-01/2018-10"),
                            null, { timeout: 5000 }).catch(() => {});
  check("and a span of months too", /period=2018-01(%2F|\/)2018-10/.test(rep.url()), rep.url());

  // 6. On a phone the city's dashboard folds its wards, so the comparison starts within two screens.
  const city = ward.parent;
  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  const cookies = await admin.context().cookies();
  await phone.addCookies(cookies);
  const small = await phone.newPage();
  small.on("pageerror", (e) => h.errors.push(String(e.stack ?? e)));
  await small.goto(`${h.base}/#/dashboard?unit=${city}&period=2018-01%2F2018-10`);
  await small.waitForSelector("#comparison");
  await small.waitForSelector("#units-below summary");
  const folded = await small.$eval("#units-below", (d) => !d.open);
  const summary = await small.textContent("#units-below summary");
  const wards = await small.$$eval("#units-below button[data-unit]", (bs) => bs.length);
  check("at 390 px the units below are folded", folded);
  check("with their count in the summary", new RegExp(`Đơn vị trực thuộc \\(${wards}\\)`).test(summary) && wards > 10, `${summary} (${wards})`);
  const top = await small.$eval("#comparison", (el) => el.getBoundingClientRect().top + window.scrollY);
  check("the comparison starts within the first two screens", top < 2 * 844, `${top}px down`);
  await h.shots(small, "errors-dashboard-phone");
  await small.setViewportSize({ width: 390, height: 844 });
  await small.click("#units-below summary");
  check("opening the fold shows the wards", await small.isVisible("#units-below button[data-unit]"));
  await phone.close();
  const wide = admin;
  await wide.goto(`${h.base}/#/dashboard?unit=${city}&period=2018-01%2F2018-10`);
  await wide.waitForSelector("#units-below");
  check("at 1366 px they start open", await wide.$eval("#units-below", (d) => d.open));
} catch (e) {
  check("the run finishes", false, String(e.stack ?? e));
} finally {
  await h.close();
}
