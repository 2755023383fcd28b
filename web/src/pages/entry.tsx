// Data entry for a unit and period: one form for its indicators, Vietnamese
// number input checked as you type, save as draft, submit (saving what was
// typed first); approvers approve or send back with a comment; the history
// of each figure.
import { useEffect, useState } from "preact/hooks";
import { api, ok, type Indicator, type Result, type Schemas } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { formatDate, formatNumber, parseVietnameseNumber } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { periodOptions, periodYear } from "../lib/periods";
import { monthWithinUnit, periodAgainstUnit } from "../lib/unit-periods";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import { navigate, setLeaveGuard } from "../router";
import type { PageProps } from "../routes";
import { defaultUnit, hasRole, isAdmin } from "../session";
import { inboxChanged, Returned } from "./inbox";
import { Reminders } from "../components/reminders";

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

export function Entry({ params, session }: PageProps) {
  const unitId = Number(params.get("unit") ?? 0) || defaultUnit(session);
  const period = params.get("period") ?? thisMonth();
  const load = useLoad(async () => {
    const lastPeriod = period.replace(/\d{4}/g, (y) => String(Number(y) - 1));
    const [unit, indicators, results, last] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId } } })),
      ok(api.GET("/indicators")),
      ok(api.GET("/results", { params: { query: { unit: unitId, period, page_size: 500 } } })),
      // Context only: the form works without it.
      ok(api.GET("/results", { params: { query: { unit: unitId, period: lastPeriod, page_size: 500 } } })).catch(() => ({ items: [] as Result[] })),
    ]);
    return { unit, indicators: indicators.items, results: results.items, lastYear: last.items };
  }, [unitId, period]);
  if (!unitId) {
    return (
      <>
        {hasRole(session, "reporter") && <Reminders />}
      {hasRole(session, "reporter") && <Returned />}
        <p>
          {t().chooseUnitFirst} <a href="#/dashboard">{t().dashboard}</a>
        </p>
      </>
    );
  }
  const year = periodYear(period);
  const goPeriod = (p: string) => navigate("/entry", { unit: unitId, period: p });
  return (
    <>
      {hasRole(session, "reporter") && <Reminders />}
      {hasRole(session, "reporter") && <Returned />}
      <section class="card">
        <h1>
          {t().entry}
          {load.data && `: ${load.data.unit.full_name}`}
        </h1>
        <div class="toolbar">
          <div>
            <label for="entry-year">{t().year}</label>
            <input id="entry-year" type="number" min={1990} max={2100} value={year} style="width:6em"
                   onChange={(e) => {
                     const y = Number(e.currentTarget.value);
                     if (y >= 1990 && y <= 2100) goPeriod(`${y}${period.slice(4).replace(/\d{4}/g, String(y))}`);
                   }} />
          </div>
          <div>
            <label for="entry-period">{t().period}</label>
            <select id="entry-period" value={period} onChange={(e) => goPeriod(e.currentTarget.value)}>
              {periodOptions(year).map((p) => <option value={p.key}>{p.label}</option>)}
            </select>
          </div>
        </div>
      </section>
      <Loaded load={load}>
        {(d) => {
          // No figures outside the unit's valid dates (the server refuses them too): a ward that
          // ended on 30/06/2025 opens on June 2025, a ward formed on 01/07/2025 on July 2025.
          const where = periodAgainstUnit(period, d.unit.valid_from, d.unit.valid_to);
          if (where !== "ok") {
            const month = monthWithinUnit(period, d.unit.valid_from, d.unit.valid_to);
            if (!params.get("period")) {
              queueMicrotask(() => navigate("/entry", { unit: unitId, period: month }));
              return null;
            }
            const label = periodOptions(periodYear(month)).find((p) => p.key === month)?.label ?? month;
            const lastDay = d.unit.valid_to
              ? formatDate(new Date(Date.parse(`${d.unit.valid_to}T00:00:00Z`) - 86400000).toISOString().slice(0, 10))
              : "";
            return (
              <section class="card notice" role="status" id="entry-outside-unit">
                <p>
                  {where === "after"
                    ? t().unitEndedOn(d.unit.full_name, lastDay)
                    : t().unitFormedOn(d.unit.full_name, formatDate(d.unit.valid_from))}
                </p>
                <button type="button" onClick={() => goPeriod(month)}>{t().openPeriod(label)}</button>
              </section>
            );
          }
          return (
          <EntryForm unitId={unitId} period={period} indicators={d.indicators} results={d.results} lastYear={d.lastYear} reload={load.reload}
                     canApprove={session.user.roles.some((r) => r.role === "approver" && r.unit !== unitId) || isAdmin(session)} />
          );
        }}
      </Loaded>
    </>
  );
}

interface FormProps {
  unitId: number;
  period: string;
  indicators: Indicator[];
  results: Result[];
  lastYear: Result[];  // the same period a year earlier, beside each cell
  canApprove: boolean;
  reload: () => void;
}

function EntryForm({ unitId, period, indicators, results, lastYear, canApprove, reload }: FormProps) {
  const byCode = new Map(results.map((r) => [r.indicator, r]));
  const lastByCode = new Map(lastYear.map((r) => [r.indicator, r.value]));
  // Every indicator, the rates included (entered as their percentage).
  const shown = indicators;
  const original = (code: string) => {
    const r = byCode.get(code);
    return r ? formatNumber(r.value, "vi", 6) : "";
  };
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const [problem, setProblem] = useState("");
  const value = (code: string) => typed[code] ?? original(code);
  const dirty = () => shown.some((i) => typed[i.code] !== undefined && typed[i.code] !== original(i.code));
  useEffect(() => {
    setLeaveGuard(dirty);
    return () => setLeaveGuard(null);
  });
  const bad = (code: string) => value(code).trim() !== "" && parseVietnameseNumber(value(code)) === null;

  // Saves what was typed and changed; false when a cell is wrong or a save failed.
  const saveTyped = async (): Promise<number | null> => {
    if (shown.some((i) => bad(i.code))) {
      setProblem(t().fixErrors);
      return null;
    }
    setProblem("");
    let saved = 0;
    for (const i of shown) {
      const text = value(i.code);
      const v = parseVietnameseNumber(text);
      if (v === null || text === original(i.code) || byCode.get(i.code)?.status === "approved") continue;
      await withProgress(ok(api.POST("/results", { body: { unit: unitId, indicator: i.code, period, value: v } })));
      saved++;
    }
    return saved;
  };
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await saveTyped();
      if (saved === null) return;
      setTyped({});
      setNotice(t().saved(saved));
      reload();
    } catch (x) {
      setError(x);
    }
  };
  const submit = async () => {
    try {
      if ((await saveTyped()) === null) return;
      setTyped({});
      const drafts = (await ok(api.GET("/results", { params: { query: { unit: unitId, period, status: "draft", page_size: 500 } } }))).items;
      for (const r of drafts) await withProgress(ok(api.POST("/results/{id}/submit", { params: { path: { id: r.id } } })));
      setNotice(t().submitted(drafts.length));
      reload();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <form class="card" id="entry" novalidate onSubmit={save}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t().indicator}</th>
            <th scope="col" class="num">{t().result}</th>
            <th scope="col">{t().figureStatus}</th>
            <th scope="col"><span class="sr-only">{t().actions}</span></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <EntryRow indicator={i} result={byCode.get(i.code)} last={lastByCode.get(i.code)} value={value(i.code)} bad={bad(i.code)} canApprove={canApprove}
                      onInput={(v) => setTyped({ ...typed, [i.code]: v })} onChanged={reload} onError={setError} />
          ))}
        </tbody>
      </table>
      <div id="entry-error">
        <p class="error" role="alert">{problem}</p>
        <ErrorBox error={error} />
      </div>
      <p id="entry-done" role="status">{notice}</p>
      <button type="submit" id="save">{t().saveDraft}</button> <button type="button" id="submit" onClick={submit}>{t().submit}</button>
    </form>
  );
}

type History = { versions: Schemas["ResultVersion"][]; events: Schemas["AuditEvent"][] };

function EntryRow(p: { indicator: Indicator; result?: Result; last?: number; value: string; bad: boolean; canApprove: boolean;
                       onInput: (v: string) => void; onChanged: () => void; onError: (e: unknown) => void }) {
  const { indicator: i, result: r } = p;
  const lang = getLang();
  const typedNumber = parseVietnameseNumber(p.value) ?? 0;
  const [history, setHistory] = useState<History | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const act = async (work: Promise<unknown>) => {
    try {
      await withProgress(work);
      inboxChanged();  // the count of figures waiting, beside "Chờ duyệt"
      p.onChanged();
    } catch (e) {
      p.onError(e);
    }
  };
  const toggleHistory = async () => {
    if (!showHistory && r) {
      try {
        setHistory(await ok(api.GET("/results/{id}/history", { params: { path: { id: r.id } } })));
      } catch (e) {
        p.onError(e);
        return;
      }
    }
    setShowHistory(!showHistory);
  };
  const badge = r ? (r.status === "approved" ? "met" : r.status === "submitted" ? "in_progress" : "no_data") : "";
  return (
    <>
      <tr data-code={i.code} data-id={r?.id ?? ""}>
        <td>
          <label for={`v-${i.code}`}>{i.name}</label> <span class="muted">({i.unit})</span>
        </td>
        <td class="num">
          <input id={`v-${i.code}`} inputmode="decimal" size={14} value={p.value} readOnly={r?.status === "approved"}
                 aria-invalid={p.bad ? "true" : "false"} aria-describedby={`e-${i.code}`} onInput={(e) => p.onInput(e.currentTarget.value)} />
          <div class="error" id={`e-${i.code}`} aria-live="polite">
            {p.bad ? t().notANumber : i.unit === "%" && typedNumber > 100 ? t().overHundred
              : p.last !== undefined && p.last > 0 && typedNumber > 3 * p.last ? t().overThreeTimes : ""}
          </div>
          {p.last !== undefined && <div class="muted last-year">{t().lastYear}: {formatNumber(p.last, lang, 6)}</div>}
        </td>
        <td>{r && <span class={`badge ${badge}`}>{t().resultStatus[r.status]}</span>}</td>
        <td>
          {r && p.canApprove && r.status === "submitted" && (
            <>
              <button type="button" class="approve" onClick={() => act(ok(api.POST("/results/{id}/approve", { params: { path: { id: r.id } }, body: { version: r.version } })))}>
                {t().approve}
              </button>{" "}
              <button type="button" class="link send-back" onClick={() => setReturning(!returning)}>{t().sendBack}</button>
            </>
          )}
          {r && <button type="button" class="link history" onClick={toggleHistory}>{t().history}</button>}
        </td>
      </tr>
      {returning && r && (
        <tr class="return-row">
          <td colSpan={4}>
            <label for={`why-${i.code}`}>{t().sendBackWhy}</label>
            <textarea id={`why-${i.code}`} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
            <button type="button" disabled={!comment.trim()}
                    onClick={() => act(ok(api.POST("/results/{id}/return", { params: { path: { id: r.id } }, body: { version: r.version, comment: comment.trim() } })))}>
              {t().sendBack}
            </button>
          </td>
        </tr>
      )}
      <tr class="history-row" hidden={!showHistory}>
        <td colSpan={4}>
          {history && (
            <ul>
              {history.events.map((e) => {
                const n = e.new as { value?: number; reason?: string } | null;
                return (
                  <li>
                    {formatDate(e.at)} {e.at.slice(11, 16)} — {e.actor}: {t().action(e.action)}
                    {n?.value !== undefined ? " " + formatNumber(n.value, lang, 6) : ""}
                    {n?.reason ? " — " + n.reason : ""}
                  </li>
                );
              })}
            </ul>
          )}
        </td>
      </tr>
    </>
  );
}
