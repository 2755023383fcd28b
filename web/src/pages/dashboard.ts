// A unit's dashboard for a period: every indicator with target, result, % of
// plan, % of the same period last year and its coloured status; the summary
// line; a trend chart and a comparison of the units below for the chosen
// indicator; the roll-up from the subtree with how many units reported.
import { api, getLang, type Evaluation, type EvaluationRow, type Page, type Unit } from "../api";
import { t } from "../i18n";
import { escapeHtml, formatAmount, formatPercent } from "../format";
import { navigate, withProgress, type Session } from "../main";

const STATUS_COLOR: Record<string, string> = { exceeded: "#0a6b2f", met: "#2f7d32", not_met: "#b3261e", no_data: "#6b6f76" };

function periodOptions(year: number): { key: string; label: string }[] {
  const vi = getLang() === "vi";
  const out = [
    { key: `${year}`, label: vi ? `Năm ${year}` : `${year}` },
    { key: `${year}-01/${year}-10`, label: vi ? `10 tháng năm ${year}` : `First 10 months of ${year}` },
    { key: `${year}-01/${year}-09`, label: vi ? `9 tháng năm ${year}` : `First 9 months of ${year}` },
    { key: `${year}-H1`, label: vi ? `6 tháng đầu năm ${year}` : `First half of ${year}` },
  ];
  for (let q = 1; q <= 4; q++) out.push({ key: `${year}-Q${q}`, label: vi ? `Quý ${q}/${year}` : `Q${q} ${year}` });
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, "0");
    out.push({ key: `${year}-${mm}`, label: vi ? `Tháng ${m}/${year}` : `${mm}/${year}` });
  }
  return out;
}

function unitButtons(units: Unit[], period: string): string {
  return units
    .map((u) => `<button type="button" data-unit="${u.id}" data-period="${escapeHtml(period)}">${escapeHtml(u.full_name)} <span class="muted">${u.code}</span></button>`)
    .join("");
}

export async function renderDashboard(main: HTMLElement, params: URLSearchParams, session: Session): Promise<void> {
  const lang = getLang();
  const remembered = sessionStorage.getItem("kd_unit");
  const defaultUnit = session.home?.unit ?? null;
  const unitId = Number(params.get("unit") ?? remembered ?? defaultUnit ?? 0);
  const homePeriod = session.home && session.home.unit === unitId ? session.home.period : null;
  const period = params.get("period") ?? homePeriod ?? String(new Date().getFullYear());
  const year = Number(period.slice(0, 4));
  const on = params.get("on") ?? "";
  main.innerHTML = `<section class="card" aria-labelledby="pick-title">
      <h1 id="pick-title" class="crumbs"></h1>
      <div class="toolbar">
        <div><label for="unit-search">${t().searchUnit}</label><input id="unit-search" type="search" size="32" /></div>
        <div><label for="year">${t().year}</label><input id="year" type="number" min="1990" max="2100" value="${year}" style="width:6em" /></div>
        <div><label for="period">${t().period}</label><select id="period"></select></div>
      </div>
      <div class="units" id="unit-list" aria-live="polite"></div>
    </section>
    <section id="evaluation"></section>`;
  const periodSelect = document.getElementById("period") as HTMLSelectElement;
  const fillPeriods = (y: number) => {
    periodSelect.innerHTML = periodOptions(y)
      .map((p) => `<option value="${p.key}" ${p.key === period ? "selected" : ""}>${escapeHtml(p.label)}</option>`)
      .join("");
  };
  fillPeriods(year);
  const go = (unit: number, p: string) => navigate(`#/dashboard?unit=${unit}&period=${encodeURIComponent(p)}${on ? "&on=" + on : ""}`);
  periodSelect.onchange = () => go(unitId, periodSelect.value);
  (document.getElementById("year") as HTMLInputElement).onchange = (e) => {
    const y = Number((e.target as HTMLInputElement).value);
    if (y >= 1990 && y <= 2100) go(unitId, String(y));
  };
  const list = document.getElementById("unit-list")!;
  list.onclick = (e) => {
    const b = (e.target as HTMLElement).closest("button[data-unit]") as HTMLButtonElement | null;
    if (b) go(Number(b.dataset.unit), b.dataset.period!);
  };
  const onDate = `${String(31).padStart(2, "0")}/12/${year}`;
  let timer = 0;
  (document.getElementById("unit-search") as HTMLInputElement).oninput = (e) => {
    clearTimeout(timer);
    const q = (e.target as HTMLInputElement).value.trim();
    timer = window.setTimeout(async () => {
      if (q.length < 2) return;
      const found = await api<Page<Unit>>("GET", `/units?q=${encodeURIComponent(q)}&on=${onDate}&page_size=20`);
      list.innerHTML = unitButtons(found.items, periodSelect.value);
    }, 250);
  };

  if (!unitId) {
    const roots = await withProgress(api<Page<Unit>>("GET", `/units?on=${onDate}&page_size=100`));
    list.innerHTML = unitButtons(roots.items, period);
    document.getElementById("pick-title")!.textContent = t().unit;
    return;
  }
  sessionStorage.setItem("kd_unit", String(unitId));
  const [unit, evaluation] = await withProgress(
    Promise.all([
      api<Unit>("GET", `/units/${unitId}?on=${onDate}`),
      api<Evaluation>("GET", `/evaluation?unit=${unitId}&period=${encodeURIComponent(period)}`),
    ]),
  );
  document.getElementById("pick-title")!.innerHTML = [...(unit.path ?? []), unit]
    .map((u) => `<a href="#/dashboard?unit=${u.id}&period=${encodeURIComponent(period)}">${escapeHtml(u.full_name)}</a>`)
    .join(" › ");
  if (unit.has_children) {
    const children = await api<Page<Unit>>("GET", `/units?parent=${unitId}&on=${onDate}&page_size=500`);
    list.innerHTML = `<span class="muted">${t().below}:</span> ` + unitButtons(children.items.slice(0, 60), period);
  }
  renderEvaluation(document.getElementById("evaluation")!, evaluation, unit, period, lang);
}

function renderEvaluation(el: HTMLElement, e: Evaluation, unit: Unit, period: string, lang: "vi" | "en"): void {
  const rows = e.rows
    .map(
      (r, i) => `<tr data-row="${i}" tabindex="0" aria-selected="false">
        <td>${escapeHtml(r.indicator.name)}</td>
        <td class="num">${r.target ? escapeHtml(r.target.comparator + " " + formatAmount(r.target.value, r.indicator.unit, lang)) : "—"}</td>
        <td class="num">${formatAmount(r.actual, r.indicator.unit, lang)}${r.estimated ? ` <span class="muted">(${t().estimated})</span>` : ""}</td>
        <td class="num">${formatPercent(r.percent_of_plan, lang)}</td>
        <td class="num hide-narrow">${formatPercent(r.percent_of_previous, lang)}</td>
        <td>${r.target ? `<span class="badge ${r.status}">${escapeHtml(r.status_label)}</span>${r.prorated ? `<br><span class="muted">${t().prorated(formatAmount(r.judged_against, r.indicator.unit, lang))}</span>` : ""}` : `<span class="muted">${t().noTarget}</span>`}</td>
      </tr>`,
    )
    .join("");
  el.innerHTML = `<div class="card">
      <h2>${escapeHtml(unit.full_name)} — ${escapeHtml(e.period.label)}</h2>
      <p><a href="#/entry?unit=${unit.id}&period=${encodeURIComponent(period)}">${t().entry}</a> ·
         <a href="#/read?unit=${unit.id}">${t().readReport}</a></p>
      <p class="summary" id="summary">${escapeHtml(e.summary.text)}</p>
      ${e.rows.length === 0 ? `<p>${t().noRows}</p>` : `<table aria-label="${escapeHtml(t().indicator)}">
        <thead><tr><th scope="col">${t().indicator}</th><th scope="col" class="num">${t().target}</th><th scope="col" class="num">${t().result}</th>
        <th scope="col" class="num">${t().pctPlan}</th><th scope="col" class="num hide-narrow">${t().pctPrev}</th><th scope="col">${t().status}</th></tr></thead>
        <tbody>${rows}</tbody></table>`}
    </div>
    <div class="grid">
      <div class="card"><h3 id="trend-title">${t().trend}</h3><p class="muted" id="trend-hint">${t().chooseRow}</p><div class="chart" id="trend" role="img" aria-labelledby="trend-title"></div></div>
      <div class="card"><h3 id="rollup-title">${t().rollup}</h3><div id="rollup"></div></div>
    </div>
    <div class="card" ${unit.has_children ? "" : "hidden"}><h3 id="compare-title">${t().compare}</h3><div class="chart" id="compare" role="img" aria-labelledby="compare-title"></div></div>`;
  const tbody = el.querySelector("tbody");
  const select = async (i: number) => {
    tbody?.querySelectorAll("tr").forEach((tr) => tr.setAttribute("aria-selected", tr.dataset.row === String(i) ? "true" : "false"));
    await showIndicator(e.rows[i], unit, period, lang);
  };
  if (tbody) {
    tbody.onclick = (ev) => {
      const tr = (ev.target as HTMLElement).closest("tr");
      if (tr) void select(Number(tr.dataset.row));
    };
    tbody.onkeydown = (ev) => {
      const tr = (ev.target as HTMLElement).closest("tr");
      if (tr && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        void select(Number(tr.dataset.row));
      }
    };
  }
  if (e.rows.length > 0) void select(0);
  if (unit.has_children) void renderRollup(unit, period, lang);
  else document.getElementById("rollup")!.innerHTML = `<p class="muted">—</p>`;
}

async function showIndicator(row: EvaluationRow, unit: Unit, period: string, lang: "vi" | "en"): Promise<void> {
  const { trendChart, compareChart } = await import("../charts");
  const year = Number(period.slice(0, 4));
  const trend = await api<{ items: { period: string; label: string; value: number; months: number }[] }>(
    "GET", `/trend?unit=${unit.id}&indicator=${row.indicator.code}&from=${year - 4}&to=${year}`);
  // The user may have moved on while the answer was on its way.
  const trendTitle = document.getElementById("trend-title");
  if (!trendTitle) return;
  trendTitle.textContent = `${t().trend}: ${row.indicator.name}`;
  document.getElementById("trend-hint")!.hidden = true;
  // The same period over the years ("10 tháng" of each year), else the months, else all.
  const suffix = period.slice(4);
  const same = trend.items.filter((p) => p.period.slice(4) === suffix);
  const months = trend.items.filter((p) => p.months === 1);
  const points = same.length >= 2 ? same : months.length >= 3 ? months : trend.items;
  trendChart(document.getElementById("trend")!, points.map((p) => p.label), points.map((p) => p.value), lang);
  if (unit.has_children) {
    const cmp = await api<{ items: { unit: Unit; actual: number | null; status: string }[] }>(
      "GET", `/compare?unit=${unit.id}&period=${encodeURIComponent(period)}&indicator=${row.indicator.code}`);
    const items = cmp.items.filter((i) => i.actual !== null).slice(0, 80);
    if (!document.getElementById("compare-title")) return;
    document.getElementById("compare-title")!.textContent = `${t().compare}: ${row.indicator.name}`;
    compareChart(document.getElementById("compare")!, items.map((i) => i.unit.name), items.map((i) => i.actual),
      items.map((i) => STATUS_COLOR[i.status] ?? "#6b6f76"), lang);
  }
}

async function renderRollup(unit: Unit, period: string, lang: "vi" | "en"): Promise<void> {
  const r = await api<{ items: { indicator: { name: string; unit: string }; value: number | null; expected: number; reporting: number }[] }>(
    "GET", `/rollup?unit=${unit.id}&period=${encodeURIComponent(period)}`);
  const el = document.getElementById("rollup");
  if (!el) return;
  el.innerHTML = r.items.length === 0 ? `<p class="muted">—</p>` : `<table><tbody>${r.items
    .map((i) => `<tr><td>${escapeHtml(i.indicator.name)}</td><td class="num">${formatAmount(i.value, i.indicator.unit, lang)}</td>
      <td class="num muted">${i.reporting}/${i.expected} ${t().reporting}</td></tr>`).join("")}</tbody></table>`;
}
