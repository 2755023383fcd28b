// "Nhập từ báo cáo": paste or upload a report's text; the facts found are
// highlighted in it; each measure gets a suggested indicator (changeable);
// stated-percentage checks are shown; chosen facts become draft results
// linked to their span.
import { api, ApiError, type Indicator, type Unit } from "../api";
import { t } from "../i18n";
import { escapeHtml, formatNumber, getLangSafe } from "../format";
import { withProgress, type Session } from "../main";

interface Measure {
  index: number;
  span: [number, number];
  text: string;
  subject: string;
  value: number;
  unit: string;
  period: string | null;
  stance: string;
  check: { consistent: boolean; message: string } | null;
  suggestions: { indicator: string; name: string; score: number }[];
}
interface Posted {
  document: { id: number; text: string };
  facts: { measures: Measure[]; directives: { span: [number, number]; text: string; deadline: string | null }[] };
}

// Spans are byte offsets into the UTF-8 text.
function highlight(text: string, measures: Measure[]): string {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  let out = "";
  let at = 0;
  for (const m of [...measures].sort((a, b) => a.span[0] - b.span[0])) {
    if (m.span[0] < at) continue;
    out += escapeHtml(dec.decode(bytes.slice(at, m.span[0])));
    out += `<mark id="m-${m.index}" title="${escapeHtml(m.subject)}">${escapeHtml(dec.decode(bytes.slice(m.span[0], m.span[1])))}</mark>`;
    at = m.span[1];
  }
  return out + escapeHtml(dec.decode(bytes.slice(at)));
}

export async function renderRead(main: HTMLElement, params: URLSearchParams, session: Session): Promise<void> {
  const unitId = Number(params.get("unit") ?? sessionStorage.getItem("kd_unit") ?? session.user.roles.find((r) => r.unit)?.unit ?? 0);
  if (!unitId) {
    main.innerHTML = `<p>${t().chooseUnitFirst} <a href="#/dashboard">${t().dashboard}</a></p>`;
    return;
  }
  const [unit, indicators] = await Promise.all([api<Unit>("GET", `/units/${unitId}`), api<{ items: Indicator[] }>("GET", "/indicators")]);
  main.innerHTML = `<section class="card"><h1>${t().readReport}: ${escapeHtml(unit.full_name)}</h1>
      <label for="report-file">${t().reportFile}</label><input id="report-file" type="file" accept=".txt,text/plain" />
      <label for="report-text">${t().reportText}</label><textarea id="report-text" rows="10" style="width:100%"></textarea>
      <p class="error" id="read-error" role="alert"></p>
      <button type="button" id="read">${t().read}</button></section>
    <section id="facts"></section>`;
  const area = document.getElementById("report-text") as HTMLTextAreaElement;
  (document.getElementById("report-file") as HTMLInputElement).onchange = async (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) area.value = await f.text();
  };
  document.getElementById("read")!.onclick = async () => {
    try {
      const posted = await withProgress(api<Posted>("POST", "/documents", { unit: unitId, text: area.value, title: t().readReport }));
      showFacts(posted, indicators.items, unitId);
    } catch (e) {
      document.getElementById("read-error")!.textContent = e instanceof ApiError ? e.message : String(e);
    }
  };
}

function showFacts(p: Posted, indicators: Indicator[], unitId: number): void {
  const lang = getLangSafe();
  const el = document.getElementById("facts")!;
  const options = (m: Measure) => {
    const suggested = m.suggestions.map((s) => s.indicator);
    const rest = indicators.filter((i) => !suggested.includes(i.code));
    return `<option value="">—</option>` +
      m.suggestions.map((s, k) => `<option value="${s.indicator}" ${k === 0 ? "selected" : ""}>★ ${escapeHtml(s.name)}</option>`).join("") +
      rest.map((i) => `<option value="${i.code}">${escapeHtml(i.name)}</option>`).join("");
  };
  el.innerHTML = `<div class="grid"><div class="card"><h2>${t().reportText}</h2><div class="report" style="white-space:pre-wrap">${highlight(p.document.text, p.facts.measures)}</div></div>
    <form class="card" id="confirm"><h2>${t().factsFound(p.facts.measures.length)}</h2>
    <table><thead><tr><th scope="col">${t().keep}</th><th scope="col">${t().fact}</th><th scope="col">${t().indicator}</th><th scope="col">${t().period}</th></tr></thead><tbody>
    ${p.facts.measures.map((m) => `<tr data-index="${m.index}">
      <td><input type="checkbox" aria-label="${t().keep}: ${escapeHtml(m.text)}" ${m.suggestions.length && m.stance === "actual" ? "checked" : ""} /></td>
      <td><a href="#m-${m.index}" onclick="return false">${escapeHtml(m.text)}</a><br><span class="muted">${formatNumber(m.value, lang, 2)} ${escapeHtml(m.unit)}${m.stance === "target" ? " · " + t().isTarget : ""}</span>
        ${m.check ? `<br><span class="${m.check.consistent ? "muted" : "error"}">${escapeHtml(m.check.message)}</span>` : ""}</td>
      <td><select aria-label="${t().indicator}">${options(m)}</select></td>
      <td><input size="16" value="${escapeHtml(m.period ?? "")}" aria-label="${t().period}" /></td></tr>`).join("")}
    </tbody></table><p class="error" id="confirm-error" role="alert"></p><p id="confirm-done" role="status"></p>
    <button type="submit">${t().confirm}</button></form></div>`;
  (document.getElementById("confirm") as HTMLFormElement).onsubmit = async (ev) => {
    ev.preventDefault();
    const facts = [...el.querySelectorAll<HTMLTableRowElement>("tbody tr")]
      .filter((tr) => (tr.querySelector("input[type=checkbox]") as HTMLInputElement).checked)
      .map((tr) => ({
        measure: Number(tr.dataset.index),
        indicator: (tr.querySelector("select") as HTMLSelectElement).value,
        period: (tr.querySelector("input[size]") as HTMLInputElement).value.trim(),
      }));
    const err = document.getElementById("confirm-error")!;
    if (facts.some((f) => !f.indicator || !f.period)) {
      err.textContent = t().needIndicatorAndPeriod;
      return;
    }
    try {
      const r = await withProgress(api<{ results: unknown[] }>("POST", `/documents/${p.document.id}/confirm`, { facts }));
      err.textContent = "";
      document.getElementById("confirm-done")!.innerHTML =
        `${t().drafts(r.results.length)} <a href="#/entry?unit=${unitId}&period=${encodeURIComponent(facts[0].period)}">${t().entry}</a>`;
    } catch (e) {
      err.textContent = e instanceof ApiError ? e.message : String(e);
    }
  };
}
