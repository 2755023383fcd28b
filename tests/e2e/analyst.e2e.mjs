// End-to-end: the analyst's job in Debian's headless Chromium against a fresh
// demo server. A user with only the viewer role over TP Thanh Hóa and over
// Tỉnh Thanh Hóa (as of 30/06/2018) compares the units below each for 10 tháng
// 2018: the sum of the units beside its label equals the units' cells, % KH and
// % cùng kỳ are the API's written the Vietnamese way, a click sorts, the bar
// chart draws the table's values largest first each labelled with its value,
// the scorecard is coloured by verdict; downloads the comparison, the roll-up
// and a district's own table as .xlsx (number cells) and as CSV (UTF-8 with
// BOM), each against the API; prints the dashboard without navigation or buttons; and
// opens a ward's entry form read-only, told which role it lacks. Screenshots of
// each step at 1366×768 and 390×844 under OUT_DIR.
//
//   node tests/e2e/analyst.e2e.mjs KIEMDEM WEB_DIST OUT_DIR
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sheetCells, start } from "./harness.mjs";

// A number as Vietnamese officials write it ("2.317,8"), and an amount as the comparison
// shows it (tỷ / triệu đồng), written here independently of the app.
const vi = (n, digits) => {
  const [int, frac] = (Math.round(Math.abs(n) * 10 ** digits) / 10 ** digits).toFixed(digits).split(".");
  const f = frac.replace(/0+$/, "");
  return (n < 0 ? "-" : "") + int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (f ? "," + f : "");
};
const amount = (v, unit) =>
  unit === "đồng" && Math.abs(v) >= 1e9 ? `${vi(v / 1e9, 2)} tỷ đồng`
  : unit === "đồng" && Math.abs(v) >= 1e6 ? `${vi(v / 1e6, 1)} triệu đồng`
  : `${vi(v, 2)}${unit === "%" ? "%" : unit ? " " + unit : ""}`;
// A percentage as the comparison shows it: two decimals when the value has them, else one ("97%", "66,7%", "66,66%").
const pct = (v) => v === null || v === undefined ? "—" : `${vi(v, Math.abs(v * 100 - Math.round(v * 100)) < 1e-6 ? 2 : 1)}%`;
const points = (v) => v === null || v === undefined ? "—"
  : vi(Math.abs(v), 2) === "0" ? "0 điểm %" : `${v > 0 ? "+" : "\u2212"}${vi(Math.abs(v), 2)} điểm %`;
const close = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

const h = await start(process.argv.slice(2));
const { check } = h;
const period = "2018-01/2018-10";
try {
  const admin = await h.signIn("admin", h.password);
  const unitOf = async (q, pick) => {
    const [, found] = await h.api(admin, "GET", `/units?on=2018-06-30&page_size=100&q=${encodeURIComponent(q)}`);
    return found.items.find(pick);
  };
  const city = await unitOf("thanh hoa", (u) => u.full_name === "Thành phố Thanh Hóa");
  const province = await unitOf("thanh hoa", (u) => u.code === "38");
  check("the demo has TP Thanh Hóa and Tỉnh Thanh Hóa on 30/06/2018", !!city && !!province && city.parent === province.id,
        JSON.stringify([city, province]));
  const [made, user] = await h.api(admin, "POST", "/users", {
    username: "th.phan.tich", password: "xem so lieu thanh hoa",
    roles: [{ role: "viewer", unit: city.id }, { role: "viewer", unit: province.id }],
  });
  check("the administrator makes a viewer of the city and of the province", made === 201, JSON.stringify(user));

  // Beside the demo's one ward, two more wards of the city and two districts of the province report
  // new enterprises for 10 tháng 2018, approved: sums over several units.
  const [, wards] = await h.api(admin, "GET", `/units?parent=${city.id}&on=2018-06-30&page_size=200`);
  const [, districts] = await h.api(admin, "GET", `/units?parent=${province.id}&on=2018-06-30&page_size=200`);
  const [district, district2] = districts.items.filter((u) => u.id !== city.id);
  for (const [username, role] of [["th.nhap", "reporter"], ["th.duyet", "approver"]]) {
    const [status] = await h.api(admin, "POST", "/users", { username, password: "mat khau " + username, roles: [{ role, unit: province.id }] });
    check(`the administrator makes the province's ${role}`, status === 201, status);
  }
  const reporterTh = await h.signIn("th.nhap", "mat khau th.nhap");
  const approverTh = await h.signIn("th.duyet", "mat khau th.duyet");
  const entered = [];
  // And the same 10 months of 2017 for a ward and a district: a % cùng kỳ to show.
  for (const [unit, value, when] of [[wards.items.at(-1), 2317.8], [wards.items.at(-2), 1000], [district, 412], [district2, 95],
                                     [wards.items.at(-1), 2400, "2017-01/2017-10"], [district, 400, "2017-01/2017-10"]]) {
    const [s1, r] = await h.api(reporterTh, "POST", "/results", { unit: unit.id, indicator: "DN_MOI", period: when ?? period, value });
    const [s2] = await h.api(reporterTh, "POST", `/results/${r?.id}/submit`);
    const [s3] = await h.api(approverTh, "POST", `/results/${r?.id}/approve`, { version: r?.version });
    entered.push([unit.full_name, s1, s2, s3]);
  }
  // A 2018 target for the first district, so that the province's scorecard has a verdict to colour.
  const [planned, plan] = await h.api(admin, "POST", "/plans", { unit: district.id, body_kind: "party_committee", first_year: 2018,
                                                                 targets: [{ indicator: "DN_MOI", year: 2018, comparator: ">=", value: 600 }] });
  check("a district's 2018 target for new enterprises is stored", planned === 201, JSON.stringify(plan));
  check("new enterprises of two more wards and two districts are entered and approved, and of 2017 for a ward and a district",
        entered.every(([, ...s]) => s.every((x) => x === 200 || x === 201)), JSON.stringify(entered));

  const viewer = await h.signIn("th.phan.tich", "xem so lieu thanh hoa");
  // Every text drawn on a canvas (ECharts draws the bar chart's value labels with fillText).
  await viewer.addInitScript(() => {
    window.drawnTexts = new Set();
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.drawnTexts.add(String(text));
      return fill.call(this, text, ...rest);
    };
  });
  await viewer.reload();
  await viewer.waitForSelector("#unit-search, #evaluation, #summary");
  check("a viewer is not offered Nhập số liệu in the navigation", (await viewer.$('nav a[href="#/entry"]')) === null);
  check("a viewer is offered the dashboard", (await viewer.$('nav a[href="#/dashboard"]')) !== null);

  // The comparison of the units below `unit`, checked against GET /compare/table and itself.
  const compare = async (unit, level, sumLabel, shot) => {
    const [status, table] = await h.api(viewer, "GET", `/compare/table?unit=${unit.id}&period=${encodeURIComponent(period)}`);
    check(`${level}: the viewer may read the comparison`, status === 200 && table.units.length > 1, status);
    check(`${level}: the sum is labelled "${sumLabel}"`, table.sum_label === sumLabel, table.sum_label);
    // An additive indicator most units reported: its sum is shown.
    const col = table.indicators.map((i, n) => [i, n]).filter(([i]) => i.additive && i.sum && i.sum.reporting > 1)
      .sort(([a], [b]) => b.sum.reporting - a.sum.reporting)[0]?.[1] ?? -1;
    const ind = table.indicators[col];
    check(`${level}: an additive indicator has figures from several units`, col >= 0, JSON.stringify(table.indicators.map((i) => i.sum)));
    await viewer.goto(`${h.base}/#/dashboard?unit=${unit.id}&period=${encodeURIComponent(period)}`);
    await viewer.waitForSelector("#compare-table tbody tr");
    await viewer.selectOption("#compare-indicator", ind.indicator.code);
    await viewer.waitForSelector("#compare-sum");
    check(`${level}: the page labels the sum "${sumLabel}"`, (await viewer.textContent("#compare-sum th")).trim() === sumLabel,
          await viewer.textContent("#compare-sum th"));
    const rows = () => viewer.$$eval("#compare-table tbody tr", (trs) => trs.map((tr) => {
      const td = tr.querySelectorAll("td");
      return { unit: Number(tr.dataset.unit), name: td[0].textContent, value: td[1].dataset.value === "" ? null : Number(td[1].dataset.value),
               shown: td[1].textContent, status: td[5].querySelector(".badge")?.className ?? "" };
    }));
    let shown = await rows();
    check(`${level}: one row per unit below`, shown.length === table.units.length, `${shown.length} ≠ ${table.units.length}`);
    const fromApi = new Map(table.units.map((u) => [u.unit.id, u.cells[col]]));
    const wrong = shown.filter((r) => (fromApi.get(r.unit)?.actual ?? null) !== r.value);
    check(`${level}: each unit's result is the one the API gives`, wrong.length === 0, JSON.stringify(wrong.slice(0, 3)));
    const sum = shown.reduce((s, r) => s + (r.value ?? 0), 0);
    const sumText = (await viewer.textContent("#compare-sum td.num")).trim();
    check(`${level}: the sum (${sumText}) is the sum of the units' results`, close(sum, ind.sum.value) && sumText === amount(sum, ind.indicator.unit),
          `${sum} vs ${ind.sum.value}, "${sumText}" vs "${amount(sum, ind.indicator.unit)}"`);
    const some = shown.find((r) => r.value !== null);
    check(`${level}: a unit's result is written the Vietnamese way`, some && some.shown.startsWith(amount(some.value, ind.indicator.unit)),
          `${some?.shown} vs ${some && amount(some.value, ind.indicator.unit)}`);
    const sameVerdict = shown.filter((r) => !r.status.includes(fromApi.get(r.unit)?.status ?? "no_data"));
    check(`${level}: each verdict badge is coloured by the unit's verdict`, sameVerdict.length === 0, JSON.stringify(sameVerdict.slice(0, 3)));

    // Largest first, as it opens; a click on Kết quả turns it round; a click on Đơn vị sorts by name.
    const byValue = (list) => list.filter((r) => r.value !== null).map((r) => r.value);
    const desc = byValue(shown);
    check(`${level}: the table opens with the largest result first`, desc.length > 1 && desc.every((v, i) => i === 0 || desc[i - 1] >= v), JSON.stringify(desc));
    await viewer.waitForSelector("#compare[data-bars]");
    const bars = JSON.parse(await viewer.getAttribute("#compare", "data-bars"));
    const tableBars = shown.filter((r) => r.value !== null).map((r) => [r.name, r.value]);
    check(`${level}: the bar chart draws the table's results, largest at the top`, JSON.stringify(bars) === JSON.stringify(tableBars),
          `${JSON.stringify(bars.slice(0, 4))} vs ${JSON.stringify(tableBars.slice(0, 4))}`);
    // Each bar labelled with its value as the table writes it (not only the axis's round numbers).
    const labels = tableBars.map(([, v]) => amount(v, ind.indicator.unit));
    await viewer.waitForFunction((want) => want.every((l) => window.drawnTexts?.has(l)), labels, { timeout: 5000 }).catch(() => {});
    const unlabelled = await viewer.evaluate((want) => want.filter((l) => !window.drawnTexts?.has(l)), labels);
    check(`${level}: each bar is labelled with its value`, labels.length > 1 && unlabelled.length === 0,
          JSON.stringify([unlabelled.slice(0, 4), await viewer.evaluate(() => [...(window.drawnTexts ?? [])].slice(0, 20))]));
    // % KH and % cùng kỳ as the API gives them, written the Vietnamese way.
    const pcts = await viewer.$$eval("#compare-table tbody tr", (trs) => trs.map((tr) => {
      const td = tr.querySelectorAll("td");
      return [Number(tr.dataset.unit), td[3].textContent.trim(), td[4].textContent.trim()];
    }));
    const cellOf = new Map(table.units.map((u) => [u.unit.id, u.cells[col]]));
    const want = (c) => [c?.points_from_plan !== null && c?.points_from_plan !== undefined ? points(c.points_from_plan) : pct(c?.percent_of_plan),
                         pct(c?.percent_of_previous)];
    const wrongPct = pcts.filter(([id, plan, prev]) => JSON.stringify([plan, prev]) !== JSON.stringify(want(cellOf.get(id))));
    const withPct = pcts.filter(([, plan, prev]) => plan !== "—" || prev !== "—");
    check(`${level}: each unit's % KH and % cùng kỳ are the API's, written the Vietnamese way (${withPct.length} with a value)`,
          wrongPct.length === 0, JSON.stringify(wrongPct.slice(0, 3).map(([id, ...shown]) => [id, shown, want(cellOf.get(id))])));
    shownPercents.push(...withPct.map(([, plan, prev]) => [level, plan, prev]));
    await h.shots(viewer, `analyst-${shot}-compare`);
    await viewer.click('#compare-table th[data-sort="actual"] button');
    await viewer.waitForSelector('#compare-table th[data-sort="actual"][aria-sort="ascending"]');
    const asc = byValue(await rows());
    check(`${level}: a click on Kết quả sorts from the smallest`, JSON.stringify(asc) === JSON.stringify([...desc].sort((a, b) => a - b)),
          JSON.stringify(asc));
    await viewer.click('#compare-table th[data-sort="unit"] button');
    await viewer.waitForSelector('#compare-table th[data-sort="unit"][aria-sort="ascending"]');
    const names = (await rows()).map((r) => r.name);
    check(`${level}: a click on Đơn vị sorts by name`, JSON.stringify(names) === JSON.stringify([...names].sort((a, b) => a.localeCompare(b, "vi"))),
          JSON.stringify(names.slice(0, 6)));
    const barsAfter = await viewer.getAttribute("#compare", "data-bars");
    check(`${level}: the bar chart stays sorted by result whatever the table's order`, barsAfter === JSON.stringify(tableBars), barsAfter?.slice(0, 200));

    // The scorecard: units × indicators, each cell of the class of its verdict.
    await viewer.click("#view-scorecard");
    await viewer.waitForSelector("#scorecard td.verdict");
    const cards = await viewer.$$eval("#scorecard tbody tr", (trs) => trs.map((tr) => [Number(tr.dataset.unit),
      [...tr.querySelectorAll("td.verdict")].map((td) => td.className)]));
    const bad = [];
    for (const [id, classes] of cards) {
      const cells = table.units.find((u) => u.unit.id === id)?.cells ?? [];
      if (classes.length !== table.indicators.length) bad.push([id, classes.length]);
      classes.forEach((c, i) => { if (!c.split(" ").includes(cells[i]?.status ?? "no_data")) bad.push([id, i, c, cells[i]?.status]); });
    }
    const judged = table.units.flatMap((u) => u.cells.map((c) => c?.status ?? "no_data")).filter((v) => !/no_/.test(v));
    check(`${level}: the scorecard colours every unit × indicator by its verdict (${judged.length} judged)`,
          cards.length === table.units.length && bad.length === 0 && judged.length > 0, JSON.stringify([cards.length, bad.slice(0, 3)]));
    await h.shots(viewer, `analyst-${shot}-scorecard`);
    await viewer.click("#view-table");
    await viewer.waitForSelector("#compare-table");
    return { table, ind, col };
  };

  const shownPercents = [];
  await compare(city, "city", "Tổng các phường, xã", "city");
  const written = await viewer.textContent(`#compare-table tr[data-unit="${wards.items.at(-1).id}"] td.num`);
  check("2317,8 new enterprises show as 2.317,8", written.trim().startsWith("2.317,8 doanh nghiệp"), written);
  const { table, ind, col } = await compare(province, "province", "Tổng các huyện, thị xã, thành phố", "province");
  const cityPercents = shownPercents.filter(([level]) => level === "city");
  check("a ward's % KH and a ward's % cùng kỳ are on screen", cityPercents.some(([, plan]) => plan !== "—") &&
        cityPercents.some(([, , prev]) => prev !== "—"), JSON.stringify(shownPercents));
  check("province: the units below are its districts and cities",
        !table.units.some((u) => ["ward", "commune", "special_zone"].includes(u.unit.type)) &&
        table.units.some((u) => u.unit.code === "380"), JSON.stringify([...new Set(table.units.map((u) => u.unit.type))]));

  // The province's comparison as Excel: the result a number cell with the API's value.
  const some = table.units.find((u) => u.cells[col]?.actual !== null && u.cells[col]?.actual !== undefined);
  const [xlsx] = await Promise.all([viewer.waitForEvent("download"), viewer.click("#download-xlsx")]);
  const xlsxPath = join(h.outDir, "analyst-" + xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  check("Tải Excel downloads the province's comparison", xlsx.suggestedFilename() === "so-sanh-tinh-thanh-hoa-2018-01-2018-10.xlsx",
        xlsx.suggestedFilename());
  const cells = sheetCells(xlsxPath);
  const line = Object.keys(cells).filter((r) => /^A\d+$/.test(r) && cells[r].text === some.unit.code)
    .map((r) => r.slice(1)).find((n) => cells[`C${n}`]?.text === ind.indicator.code);
  check("the sheet has Mã đơn vị and Kết quả headings", cells.A2?.text === "Mã đơn vị" && cells.F2?.text === "Kết quả",
        JSON.stringify([cells.A2, cells.F2]));
  check(`the sheet's result for ${some.unit.name} is a number cell with the API's value`,
        !!line && cells[`F${line}`].type === "n" && close(Number(cells[`F${line}`].text), some.cells[col].actual),
        JSON.stringify([line, line && cells[`F${line}`], some.cells[col].actual]));
  const raw = execFileSync("unzip", ["-p", xlsxPath, "xl/worksheets/sheet1.xml"], { encoding: "utf8" });
  const fCell = new RegExp(`<c r="F${line}"([^>]*)>`).exec(raw)?.[1] ?? "(none)";
  check("that result cell is neither a shared nor an inline string", !/\bt="(s|str|inlineStr)"/.test(fCell), fCell);

  // And as CSV: UTF-8 with a BOM, Vietnamese headings, the same value.
  const [csv] = await Promise.all([viewer.waitForEvent("download"), viewer.click("#download-csv")]);
  const csvPath = join(h.outDir, "analyst-" + csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  check("Tải CSV downloads UTF-8 with a BOM", bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) &&
        csv.suggestedFilename().endsWith(".csv"), `${csv.suggestedFilename()} ${[...bytes.subarray(0, 3)]}`);
  const lines = bytes.toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.split(","));
  check("the CSV has Vietnamese headings", lines[1]?.[0] === "Mã đơn vị" && lines[1]?.includes("Kết quả") && lines[1]?.includes("% cùng kỳ"),
        JSON.stringify(lines[1]));
  const csvRow = lines.find((l) => l[0] === some.unit.code && l[2] === ind.indicator.code);
  check(`the CSV's result for ${some.unit.name} is the API's value`, !!csvRow && close(Number(csvRow[5]), some.cells[col].actual),
        JSON.stringify([csvRow, some.cells[col].actual]));

  // The province's roll-up of its subtree as Excel: the indicator's value a number cell equal to GET /rollup's.
  const [, rollup] = await h.api(admin, "GET", `/rollup?unit=${province.id}&period=${encodeURIComponent(period)}&indicator=${ind.indicator.code}`);
  await viewer.waitForSelector("#rollup .rollup-label");
  const rollupLabels = await viewer.$$eval("#rollup .rollup-label", (ds) => ds.map((d) => d.textContent.trim()));
  check("the roll-up names each figure as the units' combined, never the province's own",
        rollupLabels.length > 0 && rollupLabels.every((l) => /(các |^Số )huyện, thị xã, thành phố( đạt)?$/.test(l)) &&
        rollupLabels.includes("Tổng các huyện, thị xã, thành phố"), JSON.stringify(rollupLabels));
  const [rx] = await Promise.all([viewer.waitForEvent("download"), viewer.click("#download-rollup-xlsx")]);
  const rxPath = join(h.outDir, "analyst-" + rx.suggestedFilename());
  await rx.saveAs(rxPath);
  const rc = sheetCells(rxPath);
  const rLine = Object.keys(rc).filter((r) => /^A\d+$/.test(r) && rc[r].text === ind.indicator.code).map((r) => r.slice(1))[0];
  check("Tải Excel of the roll-up: the value is a number cell equal to the API's",
        rx.suggestedFilename().startsWith("tong-hop-tinh-thanh-hoa") && !!rLine && rc[`D${rLine}`]?.type === "n" &&
        close(Number(rc[`D${rLine}`].text), rollup?.items?.[0]?.value),
        JSON.stringify([rx.suggestedFilename(), rLine && rc[`D${rLine}`], rollup?.items?.[0]?.value]));
  // And as CSV: the value plain ("." decimals), with how many units reported of those expected, as GET /rollup says.
  const [rcsv] = await Promise.all([viewer.waitForEvent("download"), viewer.click("#download-rollup-csv")]);
  const rcsvPath = join(h.outDir, "analyst-" + rcsv.suggestedFilename());
  await rcsv.saveAs(rcsvPath);
  const rcsvText = readFileSync(rcsvPath, "utf8");
  const rcsvLines = rcsvText.replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.split(","));
  const rRow = rcsvLines.find((l) => l[0] === ind.indicator.code);
  const rApi = rollup?.items?.[0];
  check("Tải CSV of the roll-up: BOM, Vietnamese headings, the value and the units reporting as GET /rollup's",
        rcsvText.startsWith("\uFEFF") && rcsv.suggestedFilename().startsWith("tong-hop-tinh-thanh-hoa") && rcsv.suggestedFilename().endsWith(".csv") &&
        rcsvLines[1]?.[0] === "Mã chỉ tiêu" && rcsvLines[1]?.[3] === "Giá trị" && !!rRow && !!rApi &&
        close(Number(rRow[3]), rApi.value) && Number(rRow[6]) === rApi.reporting && Number(rRow[7]) === rApi.expected,
        JSON.stringify([rcsv.suggestedFilename(), rcsvLines[1], rRow, rApi && [rApi.value, rApi.reporting, rApi.expected]]));
  // Printing the dashboard: no navigation, no buttons, no download links.
  await viewer.emulateMedia({ media: "print" });
  const visible = await viewer.evaluate(() => [...document.querySelectorAll("nav, header, button, a[download]")]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== "none")
    .map((el) => el.id || el.tagName.toLowerCase()));
  const tablePrinted = await viewer.evaluate(() => document.querySelector("#compare-table")?.getClientRects().length ?? 0);
  check("printed, the dashboard shows no navigation or buttons", visible.length === 0, JSON.stringify(visible.slice(0, 8)));
  check("printed, the comparison table is still there", tablePrinted > 0);
  await viewer.screenshot({ path: join(h.outDir, "analyst-print.png"), fullPage: true });
  await viewer.emulateMedia({ media: "screen" });

  await viewer.goto(`${h.base}/#/dashboard?unit=${district.id}&period=${encodeURIComponent(period)}`);
  await viewer.waitForSelector("#download-evaluation-xlsx");
  // A district's own table (its figure and its target), as CSV: UTF-8 with a BOM, one row per indicator with Vietnamese headings.
  const [ec] = await Promise.all([viewer.waitForEvent("download"), viewer.click("#download-evaluation-csv")]);
  const ecPath = join(h.outDir, "analyst-" + ec.suggestedFilename());
  await ec.saveAs(ecPath);
  const ecText = readFileSync(ecPath, "utf8");
  const [, own] = await h.api(viewer, "GET", `/evaluation?unit=${district.id}&period=${encodeURIComponent(period)}`);
  const ecRows = ecText.split(/\r?\n/).slice(2).filter((l) => l.length > 0);
  check("Tải CSV of the unit's table: BOM, Vietnamese headings, one row per indicator of the table on screen",
        ecText.startsWith("\uFEFF") && ecText.includes("Mã chỉ tiêu,Chỉ tiêu") && !!own &&
        own.rows.length > 0 && ecRows.length === own.rows.length && own.rows.every((r, i) => ecRows[i].startsWith(r.indicator.code + ",")),
        JSON.stringify([ecRows.length, own?.rows?.length, ecText.slice(0, 120)]));
  // And as Excel: one row per indicator, each result and target a number cell with the API's value.
  const [ex] = await Promise.all([viewer.waitForEvent("download"), viewer.click("#download-evaluation-xlsx")]);
  const exPath = join(h.outDir, "analyst-" + ex.suggestedFilename());
  await ex.saveAs(exPath);
  const xc = sheetCells(exPath);
  const xRows = Object.keys(xc).filter((r) => /^A\d+$/.test(r) && Number(r.slice(1)) > 2).map((r) => r.slice(1));
  const numberCell = (cell, v) => v === null ? cell === undefined : cell?.type === "n" && close(Number(cell.text), v);
  const xWrong = (own?.rows ?? []).filter((r, i) => xc[`A${xRows[i]}`]?.text !== r.indicator.code ||
    !numberCell(xc[`D${xRows[i]}`], r.actual) || !numberCell(xc[`E${xRows[i]}`], r.target?.value ?? null));
  const xResults = (own?.rows ?? []).filter((r) => r.actual !== null).length;
  check(`Tải Excel of the unit's table: one row per indicator, results and targets number cells with the API's values (${xResults} results)`,
        ex.suggestedFilename().startsWith("danh-gia-") && ex.suggestedFilename().includes("2018-01-2018-10") && ex.suggestedFilename().endsWith(".xlsx") &&
        xc.A2?.text === "Mã chỉ tiêu" && xc.D2?.text === "Kết quả" && xRows.length === own?.rows?.length && xWrong.length === 0 && xResults > 0 && own.rows.some((r) => r.target),
        JSON.stringify([ex.suggestedFilename(), xRows.length, own?.rows?.length, xWrong.slice(0, 2).map((r) => [r.indicator.code, r.actual, r.target])]));

  // A ward's entry form: shown, read-only, with the role that is missing.
  const ward = wards.items[0];
  await viewer.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-10`);
  await viewer.waitForSelector("#entry");
  const notice = (await viewer.textContent("#entry-no-right").catch(() => "")) ?? "";
  check("the viewer is told entering needs the reporter role",
        notice.includes("chỉ có quyền xem (viewer)") && notice.includes("người nhập liệu (reporter)"), notice);
  const editable = await viewer.$$eval("#entry input", (is) => is.filter((i) => !i.readOnly && !i.disabled).map((i) => i.id));
  const inputs = await viewer.$$eval("#entry input", (is) => is.length);
  check("every cell of the entry form is read-only for the viewer", inputs > 5 && editable.length === 0, JSON.stringify(editable.slice(0, 5)));
  check("the viewer is not offered Lưu nháp or Gửi duyệt", (await viewer.$("#save")) === null && (await viewer.$("#submit")) === null);
  await h.shots(viewer, "analyst-entry-readonly");
  // The reporter still may: the notice is about the role, not the page.
  const [, rep] = await h.api(admin, "POST", "/users", { username: "p.nhap", password: "nhap so lieu phuong", roles: [{ role: "reporter", unit: ward.id }] });
  const reporter = await h.signIn("p.nhap", "nhap so lieu phuong");
  await reporter.goto(`${h.base}/#/entry?unit=${ward.id}&period=2018-10`);
  await reporter.waitForSelector("#entry #save");
  check("a reporter of the ward gets an editable form and no notice", (await reporter.$("#entry-no-right")) === null &&
        (await reporter.$$eval("#entry input", (is) => is.some((i) => !i.readOnly))) && (await reporter.$('nav a[href="#/entry"]')) !== null,
        JSON.stringify(rep));
} catch (e) {
  check("the analyst's run completes", false, String(e.stack ?? e));
} finally {
  await h.close();
}
