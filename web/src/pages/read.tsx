// "Nhập từ báo cáo": paste or upload a report's text and give its date
// (today by default; it gives the year to dates the text writes without
// one, "trước ngày 28-10"); the facts found are
// highlighted in it; each measure gets a suggested indicator (changeable);
// stated-percentage checks are shown; chosen facts become draft results
// linked to their span.
import { useState } from "preact/hooks";
import { api, ok, type Indicator, type Measure, type Schemas } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { formatDate, formatNumber, parseVietnameseDate } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import { href } from "../router";
import type { PageProps } from "../routes";
import { defaultUnit } from "../session";

type Posted = Schemas["DocumentWithFacts"];

export function Read({ params, session }: PageProps) {
  const unitId = Number(params.get("unit") ?? 0) || defaultUnit(session);
  const load = useLoad(async () => {
    const [unit, indicators] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId } } })),
      ok(api.GET("/indicators")),
    ]);
    return { unit, indicators: indicators.items };
  }, [unitId]);
  const [text, setText] = useState("");
  const [issued, setIssued] = useState(() => formatDate(todayIso()));
  const [dateChecked, setDateChecked] = useState(false);
  const [posted, setPosted] = useState<Posted | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!unitId) {
    return (
      <p>
        {t().chooseUnitFirst} <a href="#/dashboard">{t().dashboard}</a>
      </p>
    );
  }
  const issuedIso = parseVietnameseDate(issued);
  const dateError = dateChecked && !issuedIso ? t().badDate : "";
  const read = async () => {
    setError(null);
    setDateChecked(true);
    if (!issuedIso) return;
    try {
      setPosted(await withProgress(ok(api.POST("/documents", { body: { unit: unitId, text, title: t().readReport, issued: issuedIso } }))));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Loaded load={load}>
      {(d) => (
        <>
          <section class="card">
            <h1>{t().readReport}: {d.unit.full_name}</h1>
            <label for="report-file">{t().reportFile}</label>
            <input id="report-file" type="file" accept=".txt,text/plain"
                   onChange={async (e) => {
                     const f = e.currentTarget.files?.[0];
                     if (f) setText(await f.text());
                   }} />
            <label for="report-text">{t().reportText}</label>
            <textarea id="report-text" rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            <label for="report-date">{t().reportDate}</label>
            <input id="report-date" size={12} inputmode="numeric" placeholder="dd/mm/yyyy" value={issued}
                   aria-invalid={dateError ? "true" : "false"} aria-describedby="report-date-error"
                   onInput={(e) => setIssued(e.currentTarget.value)} onChange={() => setDateChecked(true)} />
            <span class="error" id="report-date-error" role="alert">{dateError}</span>
            <ErrorBox error={error} id="read-error" />
            <button type="button" id="read" onClick={read}>{t().read}</button>
          </section>
          <section id="facts">{posted && <Facts key={posted.document.id} posted={posted} indicators={d.indicators} unitId={unitId} />}</section>
        </>
      )}
    </Loaded>
  );
}

// Today as ISO yyyy-mm-dd, in the browser's time zone.
function todayIso(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// The text with each measure's span marked. Spans are byte offsets into the UTF-8 text.
function Highlighted({ text, measures }: { text: string; measures: Measure[] }) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const parts = [];
  let at = 0;
  for (const m of [...measures].sort((a, b) => a.span[0] - b.span[0])) {
    if (m.span[0] < at) continue;
    parts.push(dec.decode(bytes.slice(at, m.span[0])));
    parts.push(<mark id={`m-${m.index}`} title={m.subject}>{dec.decode(bytes.slice(m.span[0], m.span[1]))}</mark>);
    at = m.span[1];
  }
  parts.push(dec.decode(bytes.slice(at)));
  return <div class="report">{parts}</div>;
}

interface Choice {
  keep: boolean;
  indicator: string;
  period: string;
}

function Facts({ posted, indicators, unitId }: { posted: Posted; indicators: Indicator[]; unitId: number }) {
  const lang = getLang();
  const measures = posted.facts.measures;
  const [choices, setChoices] = useState<Choice[]>(() =>
    measures.map((m) => ({ keep: m.suggestions.length > 0 && m.stance === "actual", indicator: m.suggestions[0]?.indicator ?? "", period: m.period ?? "" })));
  const [problem, setProblem] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ count: number; period: string } | null>(null);
  const set = (i: number, c: Partial<Choice>) => setChoices(choices.map((x, k) => (k === i ? { ...x, ...c } : x)));
  const confirm = async (e: Event) => {
    e.preventDefault();
    const chosen = measures.map((m, i) => ({ m, c: choices[i] })).filter(({ c }) => c.keep);
    if (chosen.some(({ c }) => !c.indicator || !c.period.trim())) {
      setProblem(t().needIndicatorAndPeriod);
      return;
    }
    setProblem("");
    try {
      const facts = chosen.map(({ m, c }) => ({ measure: m.index, indicator: c.indicator, period: c.period.trim() }));
      const r = await withProgress(ok(api.POST("/documents/{id}/confirm", { params: { path: { id: posted.document.id } }, body: { facts } })));
      setError(null);
      setDone({ count: r.results.length, period: facts[0]?.period ?? "" });
    } catch (x) {
      setError(x);
    }
  };
  // A figure in the table shows where it stands in the text, without leaving the page.
  const show = (index: number) => {
    const mark = document.getElementById(`m-${index}`);
    mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    mark?.classList.add("flash");
    setTimeout(() => mark?.classList.remove("flash"), 1500);
  };
  return (
    <div class="grid">
      <div class="card">
        <h2>{t().reportText}</h2>
        <Highlighted text={posted.document.text} measures={measures} />
      </div>
      <form class="card" id="confirm" onSubmit={confirm}>
        <h2>{t().factsFound(measures.length)}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t().keep}</th>
              <th scope="col">{t().fact}</th>
              <th scope="col">{t().indicator}</th>
              <th scope="col">{t().period}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m, i) => {
              const suggested = m.suggestions.map((s) => s.indicator);
              return (
                <tr data-index={m.index}>
                  <td>
                    <input type="checkbox" aria-label={`${t().keep}: ${m.text}`} checked={choices[i].keep} onChange={(e) => set(i, { keep: e.currentTarget.checked })} />
                  </td>
                  <td>
                    <button type="button" class="link fact" onClick={() => show(m.index)}>{m.text}</button>
                    <br />
                    <span class="muted">
                      {formatNumber(m.value, lang, 2)} {m.unit}
                      {m.stance === "target" ? " · " + t().isTarget : ""}
                    </span>
                    {m.check && (
                      <>
                        <br />
                        <span class={m.check.consistent ? "muted" : "error"}>{m.check.message}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <select aria-label={t().indicator} value={choices[i].indicator} onChange={(e) => set(i, { indicator: e.currentTarget.value })}>
                      <option value="">—</option>
                      {m.suggestions.map((s) => <option value={s.indicator}>★ {s.name}</option>)}
                      {indicators.filter((x) => !suggested.includes(x.code)).map((x) => <option value={x.code}>{x.name}</option>)}
                    </select>
                  </td>
                  <td>
                    <input size={16} value={choices[i].period} aria-label={t().period} onInput={(e) => set(i, { period: e.currentTarget.value })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div id="confirm-error">
          <p class="error" role="alert">{problem}</p>
          <ErrorBox error={error} />
        </div>
        <p id="confirm-done" role="status">
          {done && (
            <>
              {t().drafts(done.count)} <a href={href("/entry", { unit: unitId, period: done.period })}>{t().entry}</a>
            </>
          )}
        </p>
        <button type="submit">{t().confirm}</button>
      </form>
    </div>
  );
}
