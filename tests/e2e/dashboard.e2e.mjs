// End-to-end: Debian's Chromium, headless, driven by playwright-core, against
// a kiemdem server started here on a fresh SQLite database with the demo data.
// Signs in, opens a ward's dashboard, switches to English, enters and submits
// figures as a ward reporter and approves them as the city's approver, reads
// seed-1.txt and confirms its facts, follows a directive to overdue and to
// done on the board, compares the wards of the city (sorted by a click, bar chart,
// scorecard, the Excel download), and saves screenshots of each page at 1366×768 and
// 390×844 under OUT_DIR.
//
//   node tests/e2e/dashboard.e2e.mjs KIEMDEM WEB_DIST OUT_DIR SEED_1_TXT
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { start } from "./harness.mjs";

const h = await start(process.argv.slice(2));
const seedFile = resolve(process.argv[5]);
const { check, work, errors, browser, outDir } = h;
const server = { base: h.base, password: h.password };
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN" });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e.stack ?? e)));
  // Each page at both sizes: a screenshot, no sideways scrolling, every control
  // labelled, every button named, and text on badges and buttons at WCAG AA contrast.
  const shots = async (name) => {
    for (const [w, h] of [[1366, 768], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(outDir, `${name}-${w}x${h}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(`${name} at ${w}×${h} needs no sideways scrolling`, overflow <= 1, `${overflow}px too wide`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    const audit = await page.evaluate(() => {
      const problems = [];
      for (const el of document.querySelectorAll("input, select, textarea")) {
        if (el.type === "hidden" || el.type === "checkbox" && el.getAttribute("aria-label")) continue;
        const labelled = el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
        if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()}#${el.id}`);
      }
      for (const b of document.querySelectorAll("button, a[href]")) {
        if (!(b.textContent.trim() || b.getAttribute("aria-label"))) problems.push(`unnamed ${b.tagName.toLowerCase()}`);
      }
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a, b) => {
        const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      for (const el of document.querySelectorAll(".badge, button:not(.link), .error, .muted, th, td")) {
        const st = getComputedStyle(el);
        let bg = st.backgroundColor, p = el;
        while (/rgba\(.*, 0\)|transparent/.test(bg) && p.parentElement) bg = getComputedStyle((p = p.parentElement)).backgroundColor;
        if (/rgba\(.*, 0\)|transparent/.test(bg)) bg = "rgb(255, 255, 255)";
        if (el.textContent.trim() && ratio(st.color, bg) < 4.5) problems.push(`contrast ${ratio(st.color, bg).toFixed(2)} on "${el.textContent.trim().slice(0, 30)}"`);
      }
      return [...new Set(problems)];
    });
    check(`${name}: controls labelled, buttons named, contrast at least 4.5:1`, audit.length === 0, audit.slice(0, 8).join("; "));
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
  await page.waitForSelector("#summary");
  check("a new administrator lands on a live dashboard (the latest session's unit, its latest period)",
        /\d+\/\d+ chỉ tiêu đạt và vượt kế hoạch/.test(await page.textContent("#summary")) &&
        (await page.textContent("h1.crumbs")).includes("Long Biên"), await page.textContent("#summary"));
  // Seed 4's spending: judged on the adjusted estimate (98,4%), the first one's 88% beside it.
  const chi = await page.$$eval('tbody tr[data-code="CHI_NS"] td', (tds) => tds.map((td) => td.textContent.trim())).catch(() => []);
  check("an adjusted plan shows the % of the adjusted one and of the first beside it",
        chi.length > 3 && chi[1].includes("điều chỉnh") && chi[1].includes("ban đầu 11,49 tỷ") &&
        chi[3].startsWith("98,4%") && chi[3].includes("88,3% KH ban đầu"), JSON.stringify(chi));

  // "Tải báo cáo (.docx)" downloads the unit's report as a Word file.
  {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-report")]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const bytes = path ? readFileSync(path) : Buffer.alloc(0);
    check("the report button downloads a .docx", /^bao-cao-\d+-.*\.docx$/.test(download.suggestedFilename()) &&
          bytes.subarray(0, 2).toString() === "PK", download.suggestedFilename());
    // The same report as PDF, made by LibreOffice on the server.
    const [pdf] = await Promise.all([page.waitForEvent("download", { timeout: 120000 }), page.click("#download-report-pdf")]);
    const pdfPath = await pdf.path();
    const pdfBytes = pdfPath ? readFileSync(pdfPath) : Buffer.alloc(0);
    check("Tải PDF downloads the report as a PDF", /\.pdf$/.test(pdf.suggestedFilename()) &&
          pdfBytes.subarray(0, 5).toString() === "%PDF-", pdf.suggestedFilename() + " " + pdfBytes.subarray(0, 40).toString());
  }

  // Today, an old name finds the former ward with what it became, and choosing it lands on the successor.
  await page.waitForSelector("#unit-search");
  await page.fill("#unit-search", "quang hung");
  await page.waitForFunction(() => [...document.querySelectorAll("#unit-list button")].some((b) => b.textContent.includes("Quảng Hưng")));
  const former = await page.$$eval("#unit-list button[data-unit]", (bs) => bs.map((b) => b.textContent));
  check("today, 'quang hung' finds the former ward with its last day and successor",
        former.some((x) => x.includes("Phường Quảng Hưng (đến 30/06/2025) → Phường Quảng Phú")), JSON.stringify(former));
  await page.click('#unit-list button[data-unit]:has-text("Phường Quảng Hưng")');
  await page.waitForFunction(() => document.querySelector("h1.crumbs")?.textContent?.includes("Quảng Phú"));
  await page.waitForSelector("#predecessors");
  check("choosing it lands on Phường Quảng Phú, which lists Quảng Hưng among the wards it was formed from",
        (await page.textContent("#predecessors")).includes("Quảng Hưng"), await page.textContent("#predecessors"));
  await shots("units-former-name");

  // Find Quảng Hưng without diacritics and open its 10-month dashboard of 2018.
  await page.goto(`${server.base}/#/dashboard`);
  await shots("units");
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
  check("the summary line follows the period (10 months: of the year's plan)",
        /^10 tháng năm 2018: \d+\/\d+ chỉ tiêu đã đạt kế hoạch năm/.test(summary), summary);
  const counted = (await page.textContent("#summary-plan").catch(() => "")) ?? "";
  check("and names the one plan it counts", /^Số chỉ tiêu đạt tính theo kế hoạch của (HĐND|Đảng ủy|UBND)/.test(counted), counted);
  const badges = await page.$$eval("tbody .badge", (bs) => bs.map((b) => [b.className, b.textContent]));
  check("statuses are coloured and named", badges.some(([c, t]) => c.includes("in_progress") && t === "chưa đạt"), JSON.stringify(badges));
  // "thành lập 32 doanh nghiệp mới, đạt 97% kế hoạch": 97% of the year's plan, not yet reached, ahead of the even pace.
  const dn = await page.$$eval('tbody tr[data-code="DN_MOI"] td', (tds) => tds.map((td) => td.textContent.trim()));
  check("new enterprises: 97% of the year's plan, chưa đạt (never vượt), pace a separate column",
        dn[3] === "97%" && dn[5] === "chưa đạt" && dn[6].startsWith("nhanh") && dn[6].includes("bình quân 10/12 tháng"), JSON.stringify(dn));
  check("the figure's state is marked", dn[2].includes("đã duyệt"), JSON.stringify(dn));
  check("the columns say % of the year's plan and pace",
        (await page.textContent("thead")).includes("% KH năm") && (await page.textContent("thead")).includes("Tiến độ"));
  const cells = await page.$$eval("tbody td.num", (tds) => tds.map((td) => td.textContent));
  check("numbers are Vietnamese (comma decimals)", cells.some((c) => /\d,\d/.test(c)), JSON.stringify(cells));
  await page.waitForSelector("#trend canvas");
  check("the trend chart is drawn", true);
  await shots("dashboard");

  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("#summary")?.textContent?.includes("targets have reached the year's plan"));
  check("English switch", (await page.textContent("#summary")).includes("first 10 months of 2018"));
  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("#summary")?.textContent?.includes("chỉ tiêu"));

  // Accounts for the ward and for the city above it, made by the admin.
  const cityId = await page.evaluate(async (ward) => (await (await fetch(`/api/v1/units/${ward}`)).json()).parent, qh[0]);
  const made = await page.evaluate(async ([ward, city]) => {
    const me = await (await fetch("/api/v1/auth/me")).json();
    const post = (body) => fetch("/api/v1/users", { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
                                                    body: JSON.stringify(body) }).then((r) => r.status);
    return [await post({ username: "qh.reporter", password: "bao cao quang hung", roles: [{ role: "reporter", unit: Number(ward) }] }),
            await post({ username: "tp.approver", password: "duyet thanh pho", roles: [{ role: "approver", unit: city }] })];
  }, [qh[0], cityId]);
  check("admin creates a ward reporter and a city approver", made[0] === 201 && made[1] === 201, JSON.stringify(made));

  // The analyst's comparison at city level, though the city has no figures of its own:
  // sorted by a click, a sorted bar chart with values, a scorecard, and the Excel download.
  await page.goto(`${server.base}/#/dashboard?unit=${cityId}&period=2018-01%2F2018-10`);
  await page.waitForSelector("#compare-table tbody tr");
  await page.selectOption("#compare-indicator", "DN_MOI");
  await page.waitForSelector("#compare-sum");
  check("the comparison opens at city level with the sum of the wards",
        (await page.textContent("#compare-sum")).includes("Tổng các phường, xã"), await page.textContent("#compare-sum"));
  const column = (sel) => page.$$eval(`#compare-table tbody tr td:nth-child(${sel})`, (tds) => tds.map((td) => td.dataset.value ?? td.textContent));
  await page.click('#compare-table th[data-sort="unit"] button');
  await page.waitForSelector('#compare-table th[data-sort="unit"][aria-sort="ascending"]');
  const names = await page.$$eval("#compare-table tbody tr td:first-child", (tds) => tds.map((td) => td.textContent));
  check("a click on Đơn vị sorts the table by name", names.length > 5 &&
        names.every((n, i) => i === 0 || names[i - 1].localeCompare(n, "vi") <= 0), JSON.stringify(names.slice(0, 8)));
  await page.click('#compare-table th[data-sort="actual"] button');
  await page.waitForSelector('#compare-table th[data-sort="actual"][aria-sort="descending"]');
  const values = (await column(2)).filter((v) => v !== "").map(Number);
  check("a click on Kết quả sorts the results from the largest", values.length >= 1 &&
        values.every((v, i) => i === 0 || values[i - 1] >= v), JSON.stringify(values));
  const verdicts = await page.$$eval("#compare-table tbody .badge", (bs) => bs.map((b) => b.className));
  check("verdicts are coloured in the comparison", verdicts.some((c) => /in_progress|met|exceeded|not_met/.test(c)), JSON.stringify(verdicts.slice(0, 5)));
  await page.waitForSelector("#compare canvas");
  check("the sorted bar chart is drawn", true);
  await shots("compare");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-xlsx")]);
  const xlsxPath = join(outDir, download.suggestedFilename());
  await download.saveAs(xlsxPath);
  const bytes = readFileSync(xlsxPath);
  check("Tải Excel downloads a zip named without diacritics",
        bytes.subarray(0, 2).toString() === "PK" && /^so-sanh-thanh-pho-thanh-hoa-2018-01-2018-10\.xlsx$/.test(download.suggestedFilename()),
        download.suggestedFilename());
  await page.click("#view-scorecard");
  await page.waitForSelector("#scorecard td.verdict");
  const scored = await page.$$eval("#scorecard td.verdict", (tds) => tds.map((td) => td.className));
  check("the scorecard colours units × indicators by verdict", scored.some((c) => /in_progress|met|exceeded|not_met/.test(c)), JSON.stringify(scored.slice(0, 5)));
  await shots("scorecard");
  await page.click("#view-table");
  const thu = await page.$$eval("#compare-indicator option", (os) => os.find((o) => o.textContent.startsWith("Thu ngân sách xã"))?.value);
  await page.selectOption("#compare-indicator", thu ?? "");
  await page.waitForFunction(() => /\d,\d tỷ đồng/.test(document.querySelector("#compare-table")?.textContent ?? ""));
  check("amounts in the comparison are Vietnamese (9,5 tỷ đồng)", true);

  const signInAs = async (ctx, user, password) => {
    const p = await ctx.newPage();
    p.on("pageerror", (e) => errors.push(String(e.stack ?? e)));
    await p.goto(server.base + "/#/login");
    await p.waitForSelector("#login");
    // By keyboard alone: the name field has focus, Tab moves on, Enter signs in.
    await p.keyboard.type(user);
    await p.keyboard.press("Tab");
    await p.keyboard.type(password);
    await p.keyboard.press("Enter");
    await p.waitForSelector("#unit-search, #evaluation");
    return p;
  };
  const reporterCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const rep = await signInAs(reporterCtx, "qh.reporter", "bao cao quang hung");
  // The home unit arrives after the page: wait for it, then read what the heading says.
  await rep.waitForFunction(() => document.querySelector("h1.crumbs")?.textContent?.includes("Quảng Hưng"), null, { timeout: 10000 }).catch(() => {});
  const landed = await rep.textContent("h1.crumbs");
  check("a ward reporter signs in by keyboard alone and lands on the ward's dashboard", landed.includes("Quảng Hưng"), landed);
  await rep.goto(`${server.base}/#/entry?unit=${qh[0]}&period=2018-11`);
  await rep.waitForSelector("#entry");
  await rep.fill("#v-THU_NS_XA", "12,3,4");
  check("a bad number is flagged as you type", (await rep.textContent("#e-THU_NS_XA")).includes("Không phải số"));
  await rep.fill("#v-THU_NS_XA", "2.317,8");
  check("a Vietnamese number is accepted", (await rep.textContent("#e-THU_NS_XA")) === "");
  await rep.fill("#v-DN_MOI", "3");
  await rep.click("#save");
  await rep.waitForFunction(() => document.querySelectorAll("tbody .badge").length === 2);
  check("saved as drafts", (await rep.$$eval("tbody .badge", (b) => b.map((x) => x.textContent))).every((x) => x === "Đang nhập"));
  const saved = await rep.inputValue("#v-THU_NS_XA");
  check("the figure reads back as 2.317,8", saved === "2.317,8", saved);
  await rep.click("#submit");
  await rep.waitForFunction(() => [...document.querySelectorAll("tbody .badge")].every((b) => b.textContent === "Đã gửi"));
  check("submitted", true);
  page.setViewportSize({ width: 1366, height: 768 });
  const entryPage = page;
  await entryPage.goto(`${server.base}/#/entry?unit=${qh[0]}&period=2018-11`);
  await entryPage.waitForSelector("#entry");
  await shots("entry");
  await rep.close();

  const approverCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const appr = await signInAs(approverCtx, "tp.approver", "duyet thanh pho");
  await appr.goto(`${server.base}/#/entry?unit=${qh[0]}&period=2018-11`);
  await appr.waitForSelector("button.approve");
  await appr.click('tr[data-code="THU_NS_XA"] button.approve');
  await appr.waitForFunction(() => document.querySelector('tr[data-code="THU_NS_XA"] .badge')?.textContent === "Đã duyệt");
  check("the approver approves and the status changes", true);
  check("an approved figure is locked", await appr.$eval("#v-THU_NS_XA", (i) => i.readOnly));
  await appr.click('tr[data-code="THU_NS_XA"] button.history');
  await appr.waitForFunction(() => document.querySelector(".history-row:not([hidden])")?.textContent?.includes("duyệt"));
  check("the figure's history shows who entered and approved it",
        (await appr.textContent(".history-row:not([hidden])")).includes("qh.reporter"));
  await approverCtx.close();
  await reporterCtx.close();

  // Read seed-1.txt: facts highlighted, indicators suggested, confirmed as drafts. The demo holds
  // Quảng Hưng's figures from this article already, approved and so locked: file them under the city.
  await page.goto(`${server.base}/#/read?unit=${cityId}`);
  await page.waitForSelector("#report-text");
  await page.fill("#report-text", readFileSync(seedFile, "utf8"));
  // The report's own date (its header says 11/11/2018): it gives the year to periods written without one.
  await page.fill("#report-date", "11/11/2018");
  await page.click("#read");
  await page.waitForSelector("#confirm mark, .report mark");
  const marks = await page.$$eval(".report mark", (m) => m.length);
  check("the facts are highlighted in the text", marks >= 5, marks);
  await shots("read-report");
  const rowsWithPeriod = await page.$$eval("#confirm tbody tr", (trs) => trs.filter((tr) =>
    tr.querySelector("input[type=checkbox]").checked).length);
  await page.$$eval("#confirm tbody tr", (trs) => trs.forEach((tr) => {
    const box = tr.querySelector("input[type=checkbox]");
    if (box.checked && (!tr.querySelector("select").value || !tr.querySelector("input[size]").value)) box.checked = false;
  }));
  await page.click("#confirm button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#confirm-done")?.textContent?.length > 0 ||
                                   document.querySelector("#confirm-error")?.textContent?.length > 0);
  // The demo already has some of these figures: each is shown beside the report's before it is replaced.
  if ((await page.textContent("#confirm-error")).includes("đã có giá trị khác")) {
    check("a stored figure is shown beside the report's", (await page.$$("#confirm tr.needs-choice .stored")).length > 0);
    for (const box of await page.$$("#confirm input.replace")) await box.check();
    await page.click("#confirm button[type=submit]");
    await page.waitForFunction(() => /Đã lưu/.test(document.querySelector("#confirm-done")?.textContent ?? "") ||
                                     /approved|duyệt|lỗi/.test(document.querySelector("#confirm-error")?.textContent ?? ""));
  }
  const done = await page.textContent("#confirm-done");
  check("the chosen facts become draft results", /Đã lưu [1-9]\d* số liệu nháp/.test(done),
        done + " " + (await page.textContent("#confirm-error")) + ` (${rowsWithPeriod} chosen)`);

  // A report whose percentages can be checked against their figures (seed-1 states none).
  await page.fill("#report-text", "Tỷ lệ tổ dân phố văn hoá 8/12 tổ đạt 66,66%; " +
                  "khu dân cư văn hoá 9/12 khu đạt 80%.");
  await page.click("#read");
  await page.waitForFunction(() => /khớp|nhưng/.test(document.querySelector("#confirm")?.textContent ?? ""));
  const checks = await page.$$eval("#confirm .error, #confirm td .muted", (els) => els.map((e) => e.textContent).join(" | "));
  check("a stated percentage that matches its figures is shown as matching", /66,66% khớp với 8\/12/.test(checks), checks);
  check("a stated percentage that does not is flagged", /ghi 80% nhưng 9\/12/.test(checks), checks);

  // Import a file with an error: every problem with its row and column, nothing stored; then the fixed file.
  const badFile = join(work, "ket-qua-thang-9.csv");
  writeFileSync(badFile, "BÁO CÁO KẾT QUẢ THÁNG 9/2018\nMã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n" +
                "14800,THU_NS_XA,2018-09,\"1.250.000.000\"\n14800,CHI_NS,2018-09,một tỷ\n99999,THU_NS_XA,2018-09,5\n");
  await page.click('nav a[href="#/import"]');
  await page.waitForSelector("#import-file");
  await page.setInputFiles("#import-file", badFile);
  await page.click("#check");
  await page.waitForSelector("#problems");
  const problems = await page.$$eval("#problems tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  check("an import with errors lists each with its row and column",
        problems.some(([, row, col]) => row === "4" && col.startsWith("D")) && problems.some(([, row, col]) => row === "5" && col.startsWith("A")),
        JSON.stringify(problems));
  check("and says nothing was stored", (await page.textContent("#import-summary")).includes("chưa lưu gì"));
  await shots("import-errors");
  const goodFile = join(work, "ket-qua-thang-9-da-sua.csv");
  writeFileSync(goodFile, "Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n14800,THU_NS_XA,2018-09,\"1.250.000.000\"\n14800,CHI_NS,2018-09,\"980.000.000\"\n");
  await page.setInputFiles("#import-file", goodFile);
  await page.click("#check");
  await page.waitForSelector("#store");
  await page.click("#store");
  await page.waitForFunction(() => document.querySelector("#import-summary")?.textContent?.includes("Đã lưu"));
  check("the fixed file is stored", (await page.textContent("#import-summary")).includes("Đã lưu 2 số liệu"));

  // A working session with a directive due tomorrow: in progress today, overdue after it.
  // Days are the server's, in Việt Nam (UTC+7), whatever this machine's clock says.
  const today = new Date(Date.now() + 7 * 3600000);
  const dd = (d) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
  const tomorrow = new Date(today.getTime() + 86400000);
  const text = "Báo cáo Chủ tịch UBND thành phố kết quả thu ngân sách";
  await page.goto(`${server.base}/#/meetings?unit=${qh[0]}`);
  await page.waitForSelector("#new-meeting");
  await page.fill("#held-on", "31/02/2026");
  await page.fill("#host", "Thường trực Thành ủy");
  await page.click("#new-meeting button[type=submit]");
  check("an impossible date is refused as you submit", (await page.textContent("#held-on-error")).includes("dd/mm/yyyy"));
  await page.fill("#held-on", dd(today));
  check("and the message goes as soon as the date is right", (await page.textContent("#held-on-error")) === "");
  await page.fill("#chair", "Chủ tịch UBND thành phố");
  await page.fill("#attendees", "Phó Chủ tịch HĐND thành phố\nTrưởng phòng Tài chính - Kế hoạch");
  await page.fill("#conclusions", "Phường tập trung hoàn thành chỉ tiêu thu ngân sách năm.");
  await page.fill("#d-text-0", text);
  await page.fill("#d-assignee-0", "UBND phường Quảng Hưng");
  await page.fill("#d-deadline-0", dd(tomorrow));
  await page.fill("#d-report-by-0", dd(today));
  await page.fill("#d-report-what-0", "gửi số liệu thu ngân sách");
  await page.click("#add-directive");
  await page.fill("#d-text-1", "Thường xuyên kiểm tra, đôn đốc các dự án chậm tiến độ");
  await page.check("#d-standing-1");
  check("a standing duty takes no deadline", await page.$eval("#d-deadline-1", (i) => i.disabled));
  await shots("meeting-new");
  await page.click("#new-meeting button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#meeting-done")?.textContent?.length > 0);
  check("the session is created with its directives", (await page.textContent("#meeting-done")).includes("2 ý kiến chỉ đạo"),
        await page.textContent("#meeting-done"));
  await page.click("ul.meetings details summary");
  await page.waitForSelector("ul.meetings .meeting-body li");
  check("the session lists its directives", (await page.textContent("ul.meetings .meeting-body")).includes(text));
  await shots("meetings");

  const mine = `.directive[aria-label="${text}"]`;
  await page.click('nav a[href="#/directives"]');
  await page.waitForSelector(".board");
  check("it is in progress today", (await page.$$(`${mine}.in_progress`)).length === 1);
  check("with its report deadline first", (await page.textContent(mine)).includes(`Hạn gần nhất: ${dd(today)} (gửi số liệu thu ngân sách)`),
        await page.textContent(mine));
  const duty = '.directive[aria-label="Thường xuyên kiểm tra, đôn đốc các dự án chậm tiến độ"]';
  check("the standing duty has its own column, never 'trong hạn'",
        (await page.$$(`section[aria-label="Thực hiện thường xuyên"] ${duty}.standing`)).length === 1);
  check("and says so where a deadline would be", (await page.textContent(duty)).includes("Thường xuyên"));
  const overdueBefore = (await page.$$(".directive.overdue")).length;
  const later = new Date(today.getTime() + 3 * 86400000);
  await page.goto(`${server.base}/#/directives?on=${dd(later)}`);
  await page.waitForSelector(`${mine}.overdue`);
  check("and overdue once its deadline has passed", (await page.$$(`${mine}.overdue`)).length === 1);
  check("overdue ones come first", await page.$eval(".board section", (s) => s.querySelector(".directive")?.classList.contains("overdue")));
  await shots("directives");
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector("nav")).display,
    buttons: [...document.querySelectorAll("button")].filter((b) => b.getClientRects().length > 0).length,
    cards: [...document.querySelectorAll(".card")].filter((c) => c.getClientRects().length > 0).length,
  }));
  check("printed, the board has no navigation", printed.nav === "none", printed.nav);
  check("and no buttons", printed.buttons === 0, String(printed.buttons));
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  check("and its cards follow each other on A4 pages (two or more a page), not one card a page",
        printed.cards >= 4 && pages >= 1 && pages * 2 <= printed.cards,
        `${pages} pages for ${printed.cards} cards`);
  await page.emulateMedia({ media: "screen" });
  await page.selectOption("#issuer", "Thường trực Thành ủy");
  await page.$eval(".board", (b) => (b.dataset.old = "1"));
  await page.click("#filters button[type=submit]");
  await page.waitForSelector(".board:not([data-old])");
  check("filtering by issuing body keeps only its directives",
        (await page.$$eval(".directive", (d) => d.length)) === 2, overdueBefore);
  await page.goto(`${server.base}/#/directives`);
  await page.waitForSelector(`${mine}.in_progress`);
  await page.click(`${mine} summary`);
  await page.fill(`${mine} textarea`, "Đã gửi báo cáo");
  await page.check(`${mine} input[type=checkbox]`);
  await page.click(`${mine} form.progress button[type=submit]`);
  await page.waitForSelector(`${mine}.done_on_time`);
  check("a progress note completes it on time", true);
} finally {
  await h.close();  // checks there were no script errors
}
