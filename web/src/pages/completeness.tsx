// "Tình hình báo cáo": for a unit and a period, where each unit directly
// below it stands with its report (not reported, sent back, being entered,
// submitted, approved) against the period's Decree 09 deadline, the late and
// due ones marked, the counts, and the list as Excel, or as CSV to send by SMS or Zalo.
import { useState } from "preact/hooks";
import { api, ok, type Schemas } from "../api/client";
import { Loaded } from "../components/loaded";
import { RemindButton } from "../components/reminders";
import { UnitButtons, UnitSearchError, landingUnit, useUnitSearch } from "../components/unit-picker";
import { formatDate, formatMoment, todayInVietnam } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { periodOptions, periodYear } from "../lib/periods";
import { periodMonths } from "../lib/unit-periods";
import { useLoad } from "../lib/use-load";
import { href, navigate } from "../router";
import type { PageProps } from "../routes";
import { defaultUnit, hasRole, rememberUnit } from "../session";

type Board = Schemas["Completeness"];
type State = Schemas["CompletenessRow"]["state"];
const STATES: State[] = ["none", "returned", "draft", "submitted", "approved"];

// The address of the board's download (.xlsx or CSV), in the page's language.
export function boardDownload(unit: number, period: string, format: "xlsx" | "csv"): string {
  const q = new URLSearchParams({ unit: String(unit), period, format, lang: getLang() });
  return `/api/v1/completeness?${q.toString()}`;
}

export function Completeness({ params, session }: PageProps) {
  const unitId = Number(params.get("unit") ?? 0) || defaultUnit(session);
  const period = params.get("period") ?? todayInVietnam().slice(0, 7);
  const year = periodYear(period);
  // Units are named as of the period's last month (the board lists those of its last day).
  const last = periodMonths(period)[1];
  const onDate = `28/${last.slice(5, 7)}/${last.slice(0, 4)}`;
  const [periodChoice, setPeriodChoice] = useState(period);
  const go = (unit: number, p: string) => navigate("/completeness", { unit, period: p });
  const search = useUnitSearch(onDate);
  const load = useLoad(async () => {
    if (!unitId) return null;
    rememberUnit(unitId);
    const [unit, board] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId }, query: { on: onDate } } })),
      ok(api.GET("/completeness", { params: { query: { unit: unitId, period } } })),
    ]);
    // The JSON answer; the CSV one is the download link.
    return { unit, board: board as Board };
  }, [unitId, period]);
  const unit = load.data?.unit;
  return (
    <>
      <section class="card" aria-labelledby="board-title">
        <h1 id="board-title">{t().completeness}</h1>
        {unit && (
          <p class="crumbs">
            {[...(unit.path ?? []), unit].map((u, i) => (
              <>
                {i > 0 && " › "}
                <a href={href("/completeness", { unit: u.id, period })}>{u.full_name}</a>
              </>
            ))}
          </p>
        )}
        <div class="toolbar">
          <div>
            <label for="unit-search">{t().searchUnit}</label>
            <input id="unit-search" type="search" size={32} value={search.query} onInput={(e) => search.setQuery(e.currentTarget.value)} />
          </div>
          <div>
            <label for="year">{t().year}</label>
            <input id="year" type="number" min={1990} max={2100} value={year} style="width:6em"
                   onChange={(e) => {
                     const y = Number(e.currentTarget.value);
                     if (y >= 1990 && y <= 2100) go(unitId, period.replace(/\d{4}/g, String(y)));
                   }} />
          </div>
          <div>
            <label for="period">{t().period}</label>
            <select id="period" value={periodChoice} onChange={(e) => { setPeriodChoice(e.currentTarget.value); go(unitId, e.currentTarget.value); }}>
              {periodOptions(year).map((p) => <option value={p.key}>{p.label}</option>)}
            </select>
          </div>
        </div>
        <UnitSearchError error={search.error} />
        {search.found && (
          <div class="units" id="unit-list" aria-live="polite">
            <UnitButtons units={search.found} onPick={(u) => go(landingUnit(u), periodChoice)} />
          </div>
        )}
      </section>
      <Loaded load={load}>
        {(d) =>
          d ? (
            <BoardCard board={d.board} unitId={unitId} period={period} remind={hasRole(session, "approver")} />
          ) : (
            <p>{t().chooseUnitFirst}</p>
          )
        }
      </Loaded>
    </>
  );
}

function BoardCard({ board: b, unitId, period, remind }: { board: Board; unitId: number; period: string; remind: boolean }) {
  return (
    <section class="card" id="completeness" aria-labelledby="board-period">
      <h2 id="board-period">
        {b.unit.full_name}: {b.period.label}
      </h2>
      <p id="board-deadline">
        {t().sendBy(formatDate(b.deadline.send_by))} <span class="muted">{t().dataCutoff(formatDate(b.deadline.cutoff))}</span>
      </p>
      <p id="board-counts" class="toolbar">
        {STATES.map((s) => (
          <span data-state={s}>
            <span class={`badge state-${s}`}>{t().reportStates[s]}</span> {b.counts[s]}
          </span>
        ))}
        <span class="late-count" data-late={b.counts.late}>{t().lateCount(b.counts.late)}</span>
        <span class="due-count" data-due={b.counts.due}>{t().dueCount(b.counts.due)}</span>
      </p>
      <p class="toolbar">
        <a class="button" id="download-board-xlsx" href={boardDownload(unitId, period, "xlsx")} download>{t().downloadExcel}</a>
        <a class="button" id="download-board-csv" href={boardDownload(unitId, period, "csv")} download>{t().downloadCsv}</a>
      </p>
      {remind && b.counts.late + b.counts.due > 0 && <RemindButton unit={unitId} period={period} waiting={b.counts.late + b.counts.due} />}
      {b.items.length === 0 ? (
        <p class="muted" id="board-empty">{t().noUnitsBelow}</p>
      ) : (
        <div class="scroll">
          <table id="board">
            <thead>
              <tr>
                <th scope="col">{t().unit}</th>
                <th scope="col">{t().figureStatus}</th>
                <th scope="col" class="num">{t().figuresEntered}</th>
                <th scope="col">{t().deadline}</th>
                <th scope="col" class="hide-narrow">{t().lastChange}</th>
              </tr>
            </thead>
            <tbody>
              {b.items.map((row) => (
                <tr data-code={row.unit.code} data-state={row.state} class={row.late ? "late" : row.due ? "due" : ""}>
                  <td>
                    <a href={href("/entry", { unit: row.unit.id, period })}>{row.unit.full_name}</a> <span class="muted">{row.unit.code}</span>
                  </td>
                  <td>
                    <span class={`badge state-${row.state}`}>{row.state_label}</span>
                  </td>
                  <td class="num">
                    {row.present}/{row.expected}
                  </td>
                  <td>
                    {row.late ? <strong class="late-text">{t().late}</strong> : row.due ? <strong class="due-text">{t().due}</strong> : row.state === "submitted" || row.state === "approved" ? t().inTime : ""}
                  </td>
                  <td class="hide-narrow">{row.last_change ? formatMoment(row.last_change) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t().boardNote}</p>
    </section>
  );
}
