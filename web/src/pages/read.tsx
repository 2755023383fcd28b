// "Nhập từ báo cáo": paste a report's text or upload it (.txt, .docx, .pdf:
// the server reads the text of a Word or PDF file) and give its date
// (today by default; it gives the year to dates the text writes without
// one, "trước ngày 28-10"); the facts found are
// highlighted in it; each measure gets a suggested indicator (changeable);
// stated-percentage checks are shown; chosen facts become draft results
// linked to their span. Nothing wrong is stored quietly: a figure is only
// offered indicators of its kind, a fraction whose stated percentage
// disagrees waits for a choice, and a figure that would replace a different
// stored one is shown beside it until "Thay" is ticked.
import { useState } from "preact/hooks";
import { api, ok, type Indicator, type Measure, type Schemas } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { formatDate, formatNumber, parseVietnameseDate, todayInVietnam } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { toBase64 } from "../lib/base64";
import { withProgress } from "../lib/progress";
import { conflicts, fits, replacements, type Decision, type Replaced } from "../lib/report-checks";
import { useLoad } from "../lib/use-load";
import { href } from "../router";
import type { PageProps } from "../routes";
import { defaultUnit } from "../session";

type Posted = Schemas["DocumentWithFacts"];

// A Word or PDF file to be read on the server (a text file goes into the text box instead).
type Upload = { name: string; content_base64: string };

const MAX_FILE_BYTES = 5 * 1024 * 1024;  // the server's cap on a report file

function isPlainText(f: File): boolean {
  return f.type === "text/plain" || /\.txt$/i.test(f.name);
}

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
  const [upload, setUpload] = useState<Upload | null>(null);
  const [issued, setIssued] = useState(() => formatDate(todayInVietnam()));
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
      const source = upload ? { file_name: upload.name, content_base64: upload.content_base64, title: upload.name } : { text, title: t().readReport };
      setPosted(await withProgress(ok(api.POST("/documents", { body: { unit: unitId, issued: issuedIso, ...source } }))));
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
            <input id="report-file" type="file"
                   accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                   aria-describedby="report-file-note"
                   onChange={async (e) => {
                     const f = e.currentTarget.files?.[0];
                     setError(null);
                     setUpload(null);
                     if (!f) return;
                     if (isPlainText(f)) {
                       setText(await f.text());
                     } else if (f.size > MAX_FILE_BYTES) {
                       setError(new Error(t().reportFileTooLarge));
                     } else {
                       setUpload({ name: f.name, content_base64: toBase64(new Uint8Array(await f.arrayBuffer())) });
                       setText("");
                     }
                   }} />
            <p class="muted" id="report-file-note">{upload ? `${t().reportFileChosen}: ${upload.name}` : t().reportFileHint}</p>
            <label for="report-text">{t().reportText}</label>
            <textarea id="report-text" rows={10} value={text}
                      onInput={(e) => {
                        setText(e.currentTarget.value);
                        setUpload(null);
                      }} />
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

// The text with each measure's span marked. Spans are byte offsets into the UTF-8 text.
// Each figure found is marked; clicking (or Enter on) a mark shows its row in the table.
function Highlighted({ text, measures, onPick }: { text: string; measures: Measure[]; onPick: (index: number) => void }) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const parts = [];
  let at = 0;
  for (const m of [...measures].sort((a, b) => a.span[0] - b.span[0])) {
    if (m.span[0] < at) continue;
    parts.push(dec.decode(bytes.slice(at, m.span[0])));
    parts.push(
      <mark id={`m-${m.index}`} title={m.subject} role="button" tabIndex={0} onClick={() => onPick(m.index)}
            onKeyDown={(e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onPick(m.index); } }}>
        {dec.decode(bytes.slice(m.span[0], m.span[1]))}
      </mark>,
    );
    at = m.span[1];
  }
  parts.push(dec.decode(bytes.slice(at)));
  return <div class="report">{parts}</div>;
}

interface Choice {
  keep: boolean;
  indicator: string;
  period: string;
  decision: Decision;  // for a fraction whose stated percentage disagrees
  replace: boolean;    // the person has seen the stored figure and replaces it
}

function Facts({ posted, indicators, unitId }: { posted: Posted; indicators: Indicator[]; unitId: number }) {
  const lang = getLang();
  const measures = posted.facts.measures;
  const conflict = conflicts(measures);
  const statedOf = new Map([...conflict].filter(([, c]) => c.statedMeasure !== null).map(([i, c]) => [c.statedMeasure as number, i]));
  const [choices, setChoices] = useState<Choice[]>(() =>
    measures.map((m) => ({ keep: m.suggestions.length > 0 && m.stance === "actual" && !statedOf.has(m.index),
                           indicator: m.suggestions[0]?.indicator ?? "", period: m.period ?? "", decision: "", replace: false })));
  const [stored, setStored] = useState<Map<number, Replaced>>(new Map());
  const [problem, setProblem] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ count: number; period: string } | null>(null);
  const set = (i: number, c: Partial<Choice>) => setChoices(choices.map((x, k) => (k === i ? { ...x, ...c } : x)));
  const frac = (m: Measure) => `${formatNumber(m.value, lang, 2)}/${formatNumber(m.total ?? 0, lang, 2)}`;
  // What would be stored for a chosen figure: a fraction as its percentage
  // (the server keeps numerator and denominator), the stated percentage, or
  // the count of "12/10 đảng viên" (the actual against its plan).
  const valueOf = (m: Measure, c: Choice) =>
    c.decision === "stated" ? conflict.get(m.index)!.stated : m.total && !m.total_is_plan ? (m.value / m.total) * 100 : m.value;
  const confirm = async (e: Event) => {
    e.preventDefault();
    const chosen = measures.map((m, i) => ({ m, c: choices[i], i })).filter(({ c }) => c.keep);
    if (chosen.some(({ c }) => !c.indicator || !c.period.trim())) {
      setProblem(t().needIndicatorAndPeriod);
      return;
    }
    if (chosen.some(({ m, c }) => conflict.has(m.index) && !c.decision)) {
      setProblem(t().decideConflicts);
      return;
    }
    setProblem("");
    try {
      // Never overwrite silently: the figures already stored for these periods, beside the new ones.
      const seen = new Map<number, Replaced>();
      for (const period of new Set(chosen.map(({ c }) => c.period.trim()))) {
        const have = (await withProgress(ok(api.GET("/results", { params: { query: { unit: unitId, period, page_size: 500 } } })))).items;
        const here = chosen.filter(({ c }) => c.period.trim() === period);
        const changed = replacements(here.map(({ m, c }) => ({ indicator: c.indicator, period, value: valueOf(m, c) })),
                                     have.map((r) => ({ ...r, period })));
        for (const r of changed) {
          const row = here.find(({ c }) => `${c.indicator}|${period}` === r.key);
          if (row) seen.set(row.i, r);
        }
      }
      setStored(seen);
      const waiting = chosen.filter(({ i, c }) => seen.has(i) && (!c.replace || seen.get(i)!.existing.status === "approved"));
      if (waiting.length) {
        setProblem(t().confirmReplacements(waiting.length));
        return;
      }
      const facts = chosen.map(({ m, c }) => ({ measure: m.index, indicator: c.indicator, period: c.period.trim(),
                                                ...(c.decision === "stated" ? { value: conflict.get(m.index)!.stated } : {}) }));
      const r = await withProgress(ok(api.POST("/documents/{id}/confirm", { params: { path: { id: posted.document.id } }, body: { facts } })));
      setError(null);
      setStored(new Map());
      setDone({ count: r.results.length, period: facts[0]?.period ?? "" });
    } catch (x) {
      setError(x);
    }
  };
  // A figure in the table shows where it stands in the text, without leaving the page.
  const flash = (el: Element | null) => {
    el?.scrollIntoView({ block: "center", behavior: "smooth" });
    el?.classList.add("flash");
    setTimeout(() => el?.classList.remove("flash"), 1500);
  };
  const show = (index: number) => flash(document.getElementById(`m-${index}`));
  // A mark in the text shows its row in the table, without leaving the page.
  const showRow = (index: number) => flash(document.querySelector(`#confirm tr[data-index="${index}"]`));
  const byCode = new Map(indicators.map((x) => [x.code, x]));
  return (
    <div class="grid">
      <div class="card">
        <h2>{t().reportText}</h2>
        <Highlighted text={posted.document.text} measures={measures} onPick={showRow} />
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
              const c = conflict.get(m.index);
              const choice = choices[i];
              const asStated = c && choice.decision === "stated";
              // The indicators this figure may go into: a percentage never into a count.
              const kindOf = asStated ? { unit: "%", total: null } : m;
              const fitting = indicators.filter((x) => !suggested.includes(x.code) && fits(kindOf, x));
              const old = stored.get(i);
              const oldInd = old && byCode.get(old.existing.indicator);
              const needsChoice = choice.keep && ((c && !choice.decision) || (old && !choice.replace));
              return (
                <tr data-index={m.index} class={needsChoice ? "needs-choice" : ""}>
                  <td>
                    <input type="checkbox" aria-label={`${t().keep}: ${m.text}`} checked={choice.keep} onChange={(e) => set(i, { keep: e.currentTarget.checked })} />
                  </td>
                  <td>
                    <button type="button" class="link fact" onClick={() => show(m.index)}>{m.text}</button>
                    <br />
                    <span class="muted">
                      {formatNumber(m.value, lang, 2)} {m.unit}
                      {m.stance === "target" ? " · " + t().isTarget : ""}
                      {statedOf.has(m.index) ? " · " + t().statedFor(frac(measures[statedOf.get(m.index)!])) : ""}
                    </span>
                    {m.check && m.check.consistent && (
                      <>
                        <br />
                        <span class="muted">{m.check.message}</span>
                      </>
                    )}
                    {(() => {
                      // What the report states of the plan, against the target stored for the chosen indicator.
                      const pc = m.suggestions.find((s) => s.indicator === choice.indicator)?.plan_check;
                      return pc ? (
                        <>
                          <br />
                          <span class={`plan-check ${pc.consistent ? "muted" : "error"}`}>
                            {pc.consistent ? "" : t().planCheckDiffers + " "}{pc.message}
                          </span>
                        </>
                      ) : null;
                    })()}
                    {c && (
                      <fieldset class="conflict">
                        <legend class="error">{t().conflictLegend(formatNumber(c.stated, lang, 2), frac(m), formatNumber(c.computed, lang, 2))}</legend>
                        <label>
                          <input type="radio" name={`decide-${m.index}`} value="fraction" checked={choice.decision === "fraction"}
                                 onChange={() => set(i, { decision: "fraction", replace: false })} />{" "}
                          {t().keepFraction(frac(m), formatNumber(c.computed, lang, 2))}
                        </label>
                        <label>
                          <input type="radio" name={`decide-${m.index}`} value="stated" checked={choice.decision === "stated"}
                                 onChange={() => set(i, { decision: "stated", replace: false })} />{" "}
                          {t().keepStated(formatNumber(c.stated, lang, 2))}
                        </label>
                      </fieldset>
                    )}
                    {old && choice.keep && (
                      <div class="stored">
                        <span class="error">
                          {t().alreadyStored(`${formatNumber(old.existing.value, lang, 2)} ${oldInd?.unit ?? ""}`.trim(),
                                             t().resultStatus[old.existing.status], old.existing.updated_by,
                                             formatNumber(old.incoming, lang, 2))}
                        </span>
                        {old.existing.status === "approved" ? (
                          <span class="error"> {t().lockedStored}</span>
                        ) : (
                          <label>
                            <input type="checkbox" class="replace" checked={choice.replace} onChange={(e) => set(i, { replace: e.currentTarget.checked })} />{" "}
                            {t().replaceStored}
                          </label>
                        )}
                      </div>
                    )}
                  </td>
                  <td>
                    <select aria-label={t().indicator} value={choice.indicator} onChange={(e) => set(i, { indicator: e.currentTarget.value, replace: false })}>
                      <option value="">—</option>
                      {m.suggestions.filter((s) => !byCode.get(s.indicator) || fits(kindOf, byCode.get(s.indicator)!))
                        .map((s) => <option value={s.indicator}>★ {s.name}</option>)}
                      {fitting.map((x) => <option value={x.code}>{x.name}</option>)}
                    </select>
                  </td>
                  <td>
                    <input size={16} value={choice.period} aria-label={t().period} onInput={(e) => set(i, { period: e.currentTarget.value, replace: false })} />
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
