// What the e2e specs share: a kiemdem server on a fresh SQLite database with
// the demo data, Debian's headless Chromium, named checks, signing in by
// keyboard, users made by the administrator, and screenshots at both sizes.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

// {"K3": {type, text}} of the first sheet of an .xlsx file (shared strings resolved), through unzip.
export function sheetCells(path) {
  const read = (member) => execFileSync("unzip", ["-p", path, member], { encoding: "utf8" });
  const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const shared = [...read("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => decode([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const cells = {};
  for (const m of read("xl/worksheets/sheet1.xml").matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const type = /\bt="([^"]+)"/.exec(m[2])?.[1] ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[3] ?? "")?.[1] ?? "";
    cells[m[1]] = { type, text: type === "s" ? shared[Number(v)] : decode(v) };
  }
  return cells;
}

// `serveArgs`: more arguments for `kiemdem serve` (e.g. --smtp HOST:PORT).
export async function start(argv, { serveArgs = [] } = {}) {
  const [kiemdem, webDist, outDir] = argv.slice(0, 3).map((p) => resolve(p));
  const require = createRequire(join(webDist, "..", "package.json"));
  const { chromium } = require("playwright-core");
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "kiemdem-e2e-"));
  const failures = [];
  const errors = [];
  const check = (name, cond, detail = "") => {
    console.log((cond ? "ok   " : "FAIL ") + name + (!cond && detail ? `: ${detail}` : ""));
    if (!cond) failures.push(name);
  };
  const server = await new Promise((done, fail) => {
    const proc = spawn(kiemdem, ["serve", "--demo", "--db", join(work, "e2e.db"), "--port", "0", "--web", webDist,
                                 ...serveArgs]);
    let out = "", password = null;
    const timer = setTimeout(() => fail(new Error("server did not start: " + out)), 120000);
    proc.stdout.on("data", (d) => {
      out += d;
      const pw = out.match(/password: (\S+)/);
      if (pw) password = pw[1];
      const addr = out.match(/http:\/\/([\d.]+):(\d+)\//);
      if (addr) {
        clearTimeout(timer);
        done({ proc, base: `http://${addr[1]}:${addr[2]}`, password });
      }
    });
    proc.on("exit", (c) => fail(new Error(`server exited ${c}: ${out}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const h = {
    base: server.base, password: server.password, work, outDir, check, errors, browser,
    // A new signed-in page (its own context) at 1366×768; by keyboard alone.
    async signIn(user, password) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN" });
      const p = await ctx.newPage();
      p.on("pageerror", (e) => errors.push(String(e.stack ?? e)));
      await p.goto(server.base + "/#/login");
      await p.waitForSelector("#login");
      await p.keyboard.type(user);
      await p.keyboard.press("Tab");
      await p.keyboard.type(password);
      await p.keyboard.press("Enter");
      await p.waitForSelector("#unit-search, #evaluation, #summary");
      return p;
    },
    // The API from a signed-in page: [status, body].
    async api(p, method, path, body) {
      return p.evaluate(async ([method, path, body]) => {
        const me = await (await fetch("/api/v1/auth/me")).json();
        const r = await fetch("/api/v1" + path, { method, headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
                                                  body: body === undefined ? undefined : JSON.stringify(body) });
        return [r.status, await r.json().catch(() => null)];
      }, [method, path, body]);
    },
    // A screenshot of the page at 1366×768 and at 390×844; at neither does the page scroll sideways.
    async shots(p, name) {
      for (const [w, ht] of [[1366, 768], [390, 844]]) {
        await p.setViewportSize({ width: w, height: ht });
        await p.waitForTimeout(150);
        await p.screenshot({ path: join(outDir, `${name}-${w}x${ht}.png`), fullPage: true });
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        check(`${name} at ${w}×${ht} needs no sideways scrolling`, overflow <= 1, `${overflow}px too wide`);
      }
      await p.setViewportSize({ width: 1366, height: 768 });
    },
    // Every control labelled, every button and link named, and text on badges,
    // buttons and table cells at WCAG AA contrast (4.5:1), as the page is now.
    async audit(p, name) {
      const problems = await p.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll("input, select, textarea")) {
          if (el.type === "hidden") continue;
          if (!(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby"))) {
            out.push(`unlabelled ${el.tagName.toLowerCase()}#${el.id}`);
          }
        }
        for (const b of document.querySelectorAll("button, a[href]")) {
          if (!(b.textContent.trim() || b.getAttribute("aria-label"))) out.push(`unnamed ${b.tagName.toLowerCase()}`);
        }
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const ratio = (a, b) => {
          const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((m, n) => n - m);
          return (x + 0.05) / (y + 0.05);
        };
        for (const el of document.querySelectorAll(".badge, button:not(.link), .error, .muted, th, td, strong")) {
          const st = getComputedStyle(el);
          let bg = st.backgroundColor, q = el;
          while (/rgba\(.*, 0\)|transparent/.test(bg) && q.parentElement) bg = getComputedStyle((q = q.parentElement)).backgroundColor;
          if (/rgba\(.*, 0\)|transparent/.test(bg)) bg = "rgb(255, 255, 255)";
          if (el.textContent.trim() && ratio(st.color, bg) < 4.5) out.push(`contrast ${ratio(st.color, bg).toFixed(2)} on "${el.textContent.trim().slice(0, 30)}"`);
        }
        return [...new Set(out)];
      });
      check(`${name}: controls labelled, buttons named, contrast at least 4.5:1`, problems.length === 0, problems.slice(0, 8).join("; "));
    },
    async close() {
      await browser.close();
      server.proc.kill();
      rmSync(work, { recursive: true, force: true });
      check("no script errors", errors.length === 0, errors.join("; "));
      if (failures.length) {
        console.log(`${failures.length} check(s) failed`);
        process.exit(1);
      }
    },
  };
  return h;
}
