// End-to-end: Debian's Chromium, headless, driven by playwright-core, against
// a kiemdem server started here on a fresh SQLite database with the demo data.
// Signs in, opens a ward's dashboard, switches to English, follows a directive
// to overdue and to done on the board, and saves screenshots of each page at
// 1366×768 and 390×844 under OUT_DIR.
//
//   node tests/e2e/dashboard.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const [kiemdem, webDist, outDir] = process.argv.slice(2).map((p) => resolve(p));
const require = createRequire(join(webDist, "..", "package.json"));
const { chromium } = require("playwright-core");
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "kiemdem-e2e-"));
const failures = [];
function check(name, cond, detail = "") {
  console.log((cond ? "ok   " : "FAIL ") + name + (!cond && detail ? `: ${detail}` : ""));
  if (!cond) failures.push(name);
}

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(kiemdem, ["serve", "--demo", "--db", join(work, "e2e.db"), "--port", "0", "--web", webDist]);
    let out = "", password = null;
    const timer = setTimeout(() => reject(new Error("server did not start: " + out)), 120000);
    proc.stdout.on("data", (d) => {
      out += d;
      const pw = out.match(/password: (\S+)/);
      if (pw) password = pw[1];
      const addr = out.match(/http:\/\/([\d.]+):(\d+)\//);
      if (addr) {
        clearTimeout(timer);
        resolve({ proc, base: `http://${addr[1]}:${addr[2]}`, password });
      }
    });
    proc.on("exit", (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const shots = async (name) => {
    for (const [w, h] of [[1366, 768], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(outDir, `${name}-${w}x${h}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };

  await page.goto(server.base + "/");
  await page.waitForSelector("#login");
  await shots("sign-in");
  await page.fill("#username", "admin");
  await page.fill("#password", "wrong password");
  await page.click("#login button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#login-error")?.textContent?.length > 0);
  check("a wrong password is reported in Vietnamese",
        (await page.textContent("#login-error")).includes("tên đăng nhập hoặc mật khẩu không đúng"));
  await page.fill("#password", server.password);
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#unit-search");
  check("signed in, the unit picker shows", true);

  // Find Quảng Hưng without diacritics and open its 10-month dashboard of 2018.
  await page.fill("#year", "2018");
  await page.dispatchEvent("#year", "change");
  await page.waitForSelector("#unit-search");
  await page.fill("#unit-search", "quang hung");
  await page.waitForFunction(() => [...document.querySelectorAll("#unit-list button")].some((b) => b.textContent.includes("Quảng Hưng")));
  const buttons = await page.$$eval("#unit-list button[data-unit]", (bs) => bs.map((b) => [b.dataset.unit, b.textContent]));
  const qh = buttons.find(([, text]) => text.includes("Phường Quảng Hưng"));
  check("search without diacritics finds Phường Quảng Hưng", !!qh, JSON.stringify(buttons));
  await page.goto(`${server.base}/#/dashboard?unit=${qh[0]}&period=2018-01%2F2018-10`);
  await page.waitForSelector("#summary");
  const summary = await page.textContent("#summary");
  check("the dashboard shows the summary line", /\d+\/\d+ chỉ tiêu đạt và vượt kế hoạch/.test(summary), summary);
  const badges = await page.$$eval("tbody .badge", (bs) => bs.map((b) => [b.className, b.textContent]));
  check("statuses are coloured and named", badges.some(([c, t]) => c.includes("exceeded") && t === "vượt"), JSON.stringify(badges));
  const cells = await page.$$eval("tbody td.num", (tds) => tds.map((td) => td.textContent));
  check("numbers are Vietnamese (comma decimals)", cells.some((c) => /\d,\d/.test(c)), JSON.stringify(cells));
  await page.waitForSelector("#trend canvas");
  check("the trend chart is drawn", true);
  await shots("dashboard");

  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("#summary")?.textContent?.includes("targets met or exceeded"));
  check("English switch", (await page.textContent("#summary")).includes("targets met or exceeded"));
  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("#summary")?.textContent?.includes("chỉ tiêu"));

  // A directive with a deadline tomorrow: in progress today, overdue after it.
  const today = new Date();
  const tomorrow = new Date(today.getTime() + 86400000).toISOString().slice(0, 10);
  const created = await page.evaluate(async ([unit, deadline]) => {
    const me = await (await fetch("/api/v1/auth/me")).json();
    const r = await fetch("/api/v1/directives", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
      body: JSON.stringify({ unit: Number(unit), issuer: "Thường trực Thành ủy", text: "Báo cáo Chủ tịch UBND thành phố kết quả thu ngân sách",
                             assignee: { kind: "body", name: "UBND phường Quảng Hưng" }, deadline }),
    });
    return r.status;
  }, [qh[0], tomorrow]);
  check("a directive is created", created === 201, created);
  await page.click('nav a[href="#/directives"]');
  await page.waitForSelector(".board");
  check("it is in progress today", (await page.$$(".directive.in_progress")).length === 1);
  const later = new Date(today.getTime() + 3 * 86400000);
  const dd = (d) => `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
  await page.goto(`${server.base}/#/directives?on=${dd(later)}`);
  await page.waitForSelector(".directive.overdue");
  check("and overdue once its deadline has passed", (await page.$$(".directive.overdue")).length === 1);
  await shots("directives");
  await page.goto(`${server.base}/#/directives`);
  await page.waitForSelector(".directive.in_progress");
  await page.click(".directive summary");
  await page.fill(".directive textarea", "Đã gửi báo cáo");
  await page.check(".directive input[type=checkbox]");
  await page.click(".directive form.progress button[type=submit]");
  await page.waitForSelector(".directive.done_on_time");
  check("a progress note completes it on time", true);
  check("no script errors", errors.length === 0, errors.join("; "));
} finally {
  await browser.close();
  server.proc.kill();
  rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
