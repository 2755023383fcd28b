// Data entry for a unit and period: one row per indicator (the rates
// included) with the year's target and the same period last year beside the
// cell, Vietnamese numbers or amounts in tỷ / triệu checked as you type, a
// figure that looks wrong questioned (not refused; a negative count is, as
// the server refuses it), each figure's state
// (sent back: with the approver's comment); save as draft, submit (saving
// what was typed first), a warning before leaving with unsaved values;
// approvers approve or send back with a comment; the history of each figure.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ok, type Evaluation, type EvaluationRow, type Indicator, type Result, type Schemas } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { formatAmount, formatDate, formatNumber, parseAmountInput, todayInVietnam } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { doubtOf, refusedAsNegative } from "../lib/plausibility";
import { periodOptions, periodYear } from "../lib/periods";
import { monthWithinUnit, periodAgainstUnit } from "../lib/unit-periods";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import { navigate, setLeaveGuard } from "../router";
import type { PageProps } from "../routes";
import { defaultUnit, hasRole, isAdmin } from "../session";
import { inboxChanged, Returned } from "./inbox";
import { Reminders } from "../components/reminders";

export function Entry({ params, session }: PageProps) {
  const unitId = Number(params.get("unit") ?? 0) || defaultUnit(session);
  const period = params.get("period") ?? todayInVietnam().slice(0, 7);
  const load = useLoad(async () => {
    const [unit, indicators, results, context] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId } } })),
      ok(api.GET("/indicators")),
      ok(api.GET("/results", { params: { query: { unit: unitId, period, page_size: 500 } } })),
      // The target and the same period last year, as the dashboard judges them (the plan of
      // record: the Council's, else the Party committee's, else the Committee's; last year
      // rebuilt from the units it was formed of when it did not exist yet), counting figures
      // not yet approved. Context only: the form works without it.
      ok(api.GET("/evaluation", { params: { query: { unit: unitId, period, include_unapproved: true } } }))
        .then((e) => (e as Evaluation).rows).catch(() => [] as EvaluationRow[]),
    ]);
    return { unit, indicators: indicators.items, results: results.items, context };
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
          <EntryForm unitId={unitId} period={period} indicators={d.indicators} results={d.results} context={d.context} reload={load.reload}
                     canEnter={hasRole(session, "reporter")} approver={hasRole(session, "approver")}
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
  context: EvaluationRow[];  // the target and the same period last year, per indicator
  canEnter: boolean;  // holds the reporter role; else the figures are shown, read-only, with why
  approver: boolean;
  canApprove: boolean;
  reload: () => void;
}

// A figure's state on its row: a draft sent back is "Bị trả lại", not a plain draft.
type FigureState = "draft" | "submitted" | "approved" | "returned";
function stateOf(r: Result): FigureState {
  return r.status === "draft" && r.returned ? "returned" : r.status;
}
const stateBadge: Record<FigureState, string> = { draft: "no_data", submitted: "in_progress", approved: "met", returned: "not_met" };

const groupOrder = ["kinh-te", "van-hoa-xa-hoi", "cai-cach-hanh-chinh", "quoc-phong-an-ninh", "xay-dung-dang"];

function EntryForm({ unitId, period, indicators, results, context, canEnter, approver, canApprove, reload }: FormProps) {
  const byCode = new Map(results.map((r) => [r.indicator, r]));
  const contextByCode = new Map(context.map((r) => [r.indicator.code, r]));
  // Every indicator, the rates included (entered as their percentage), by field in the order
  // reports go: the economy, culture and society, administrative reform, defence and security,
  // Party building.
  const rank = (i: Indicator) => {
    const n = groupOrder.indexOf(i.group);
    return n < 0 ? groupOrder.length : n;
  };
  const shown = [...indicators].sort((a, b) => rank(a) - rank(b));
  const original = (code: string) => {
    const r = byCode.get(code);
    return r ? formatNumber(r.value, "vi", 6) : "";
  };
  const [typed, setTypedState] = useState<Record<string, string>>({});
  // What is typed as of the last keystroke, not the last render: the leave guard
  // and the next keystroke read it before React has re-rendered.
  const typedNow = useRef<Record<string, string>>({});
  const setTyped = (next: Record<string, string>) => {
    typedNow.current = next;
    setTypedState(next);
  };
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const [problem, setProblem] = useState("");
  const value = (code: string) => typed[code] ?? original(code);
  const dirty = () =>
    shown.some((i) => typedNow.current[i.code] !== undefined && typedNow.current[i.code] !== original(i.code));
  useEffect(() => {
    setLeaveGuard(dirty);
    return () => setLeaveGuard(null);
  });
  // Not a number, or a negative count (which the server refuses too).
  const bad = (i: Indicator) => {
    if (value(i.code).trim() === "") return false;
    const v = parseAmountInput(value(i.code), i.unit).value;
    return v === null || refusedAsNegative(v, i);
  };

  // Saves what was typed and changed; null when a cell is wrong (a failed save throws).
  const saveTyped = async (): Promise<number | null> => {
    if (shown.some(bad)) {
      setProblem(t().fixErrors);
      return null;
    }
    setProblem("");
    let saved = 0;
    for (const i of shown) {
      const text = value(i.code);
      const v = parseAmountInput(text, i.unit).value;
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
  const counts = new Map<FigureState, number>();
  for (const r of results) counts.set(stateOf(r), (counts.get(stateOf(r)) ?? 0) + 1);
  const states: FigureState[] = ["returned", "draft", "submitted", "approved"];
  return (
    <form class="card" id="entry" novalidate onSubmit={save} data-readonly={canEnter ? undefined : "true"}>
      {!canEnter && <p class="warning" role="status" id="entry-no-right">{approver ? t().viewOnlyApprover : t().viewOnlyViewer}</p>}
      <p class="muted" id="entry-states">
        {results.length === 0
          ? t().noFigures
          : t().stateCounts(states.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${t().figureState[s].toLowerCase()}`).join(", "))}
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t().indicator}</th>
              <th scope="col" class="num">{t().result}</th>
              <th scope="col" class="num">{t().targetOfYear(periodYear(period))}</th>
              <th scope="col" class="num">{t().lastYear}</th>
              <th scope="col">{t().figureStatus}</th>
              <th scope="col"><span class="sr-only">{t().actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <EntryRow indicator={i} result={byCode.get(i.code)} context={contextByCode.get(i.code)} value={value(i.code)} bad={bad(i)}
                        canEnter={canEnter} canApprove={canApprove} onInput={(v) => setTyped({ ...typedNow.current, [i.code]: v })} onChanged={reload} onError={setError} />
            ))}
          </tbody>
        </table>
      </div>
      <div class="entry-actions">
        <div id="entry-error">
          <p class="error" role="alert">{problem}</p>
          <ErrorBox error={error} />
        </div>
        <p id="entry-done" role="status">{notice}</p>
        {canEnter && <><button type="submit" id="save">{t().saveDraft}</button> <button type="button" id="submit" onClick={submit}>{t().submit}</button></>}
      </div>
    </form>
  );
}

type History = { versions: Schemas["ResultVersion"][]; events: Schemas["AuditEvent"][] };

// The target as the dashboard writes it ("≥ 50,5 tỷ đồng"; a change from last year in words
// beside it) and the body whose plan it is.
function TargetCell({ row, unit }: { row?: EvaluationRow; unit: string }) {
  const target = row?.target;
  if (!target) return <td class="num target">—</td>;
  const body = row.targets.find((o) => o.body_kind === target.body_kind)?.body_name;
  return (
    <td class="num target">
      {target.worked_out && <span class="target-value">{`${target.comparator} ${formatAmount(target.value, unit, getLang())}`}</span>}
      {target.form !== "level" && <div class="muted target-form">{target.form_text}</div>}
      {body && <div class="muted target-body">{body}</div>}
    </td>
  );
}

function EntryRow(p: { indicator: Indicator; result?: Result; context?: EvaluationRow; value: string; bad: boolean; canEnter: boolean; canApprove: boolean;
                       onInput: (v: string) => void; onChanged: () => void; onError: (e: unknown) => void }) {
  const { indicator: i, result: r } = p;
  const lang = getLang();
  const last = p.context?.previous ?? null;
  const read = parseAmountInput(p.value, i.unit);
  const doubt = read.value === null || p.bad ? null : doubtOf(read.value, i, last);
  const state = r ? stateOf(r) : null;
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
  const message = !p.bad ? (doubt ? t()[doubt] : "")
    : read.value !== null ? t().negative
    : read.why === "scale" ? t().noScale(i.unit) : t().notAnAmount;
  return (
    <>
      <tr data-code={i.code} data-id={r?.id ?? ""} data-state={state ?? ""}>
        <td>
          <label for={`v-${i.code}`}>{i.name}</label> <span class="muted">({i.unit})</span>
        </td>
        <td class="num">
          {i.value_kind === "yes_no" ? (
            // Reached or not: a choice, never a number typed.
            <select id={`v-${i.code}`} value={p.value} disabled={!p.canEnter || r?.status === "approved"}
                    aria-describedby={`e-${i.code}`} onChange={(e) => p.onInput(e.currentTarget.value)}>
              <option value="">—</option>
              <option value="1">{t().yesNo.yes}</option>
              <option value="0">{t().yesNo.no}</option>
            </select>
          ) : (
            <input id={`v-${i.code}`} inputmode="decimal" size={14} value={p.value} readOnly={!p.canEnter || r?.status === "approved"}
                   aria-invalid={p.bad ? "true" : "false"} aria-describedby={`e-${i.code}`} onInput={(e) => p.onInput(e.currentTarget.value)} />
          )}
          <div class={p.bad ? "error" : "warning"} id={`e-${i.code}`} aria-live="polite">{message}</div>
          {read.value !== null && read.scaled && (
            <div class="muted scaled" id={`s-${i.code}`}>{t().scaledAs(`${formatNumber(read.value, lang, 6)} ${i.unit}`)}</div>
          )}
        </td>
        <TargetCell row={p.context} unit={i.unit} />
        <td class="num last-year">{last === null ? "—" : formatNumber(last, lang, 6)}</td>
        <td class="state">
          {r && state && <span class={`badge ${stateBadge[state]}`}>{t().figureState[state]}</span>}
          {r?.returned && state === "returned" && (
            <div class="returned-note">
              <span class="muted">{t().returnedBy(r.returned.by, formatDate(r.returned.at))}</span> {r.returned.comment}
            </div>
          )}
        </td>
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
          <td colSpan={6}>
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
        <td colSpan={6}>
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
