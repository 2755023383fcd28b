// The units below a unit, side by side for a period: a table sortable by any
// column (result, % KH, % cùng kỳ, verdict coloured) with the units combined
// by the indicator's rule ("Tổng các phường, xã", "Tỷ lệ chung các xã"), a bar chart sorted with its values, a
// scorecard (units × indicators coloured by verdict) for review meetings, and
// the same table as Excel or CSV (GET /compare/table).
import { useEffect, useMemo, useState } from "preact/hooks";
import { api, ok, type Schemas, type Unit } from "../api/client";
import { formatAmount, formatFigure, formatPercent, formatPoints } from "../format";
import { t } from "../i18n";
import { withoutBaseText } from "../lib/without-base";
import { getLang } from "../lang";
import { sortRows } from "../lib/sort";
import { useLoad } from "../lib/use-load";
import { Chart } from "./chart";
import { Loaded } from "./loaded";

type Table = Schemas["CompareTable"];
type Cell = Schemas["CompareCell"];

export const STATUS_COLOR: Record<string, string> = {
  exceeded: "#0a6b2f", met: "#2f7d32", in_progress: "#8a5a00", not_met: "#b3261e", no_target: "#6b6f76", no_data: "#6b6f76",
};
// Worst first when sorting by verdict ascending.
const STATUS_RANK: Record<string, number> = { not_met: 0, in_progress: 1, met: 2, exceeded: 3, no_target: 4, no_data: 5 };

type SortKey = "unit" | "actual" | "target" | "plan" | "previous" | "status";
interface Sort { key: SortKey; up: boolean }

export function comparisonQuery(unit: number, period: string, unapproved: boolean): string {
  const q = new URLSearchParams({ unit: String(unit), period });
  if (unapproved) q.set("include_unapproved", "true");
  return q.toString();
}

// % of plan, or points from it for a rate.
function planText(c: Cell | null, lang: ReturnType<typeof getLang>): string {
  if (!c) return "—";
  if (c.points_from_plan !== null) return t().points(formatPoints(c.points_from_plan, lang));
  return formatPercent(c.percent_of_plan, lang);
}

function sortValue(unit: Unit, c: Cell | null, key: SortKey): number | string | null {
  switch (key) {
    case "unit": return unit.name;
    case "actual": return c?.actual ?? null;
    case "target": return c?.target ?? null;
    case "plan": return c ? (c.points_from_plan ?? c.percent_of_plan) : null;
    case "previous": return c?.percent_of_previous ?? null;
    case "status": return STATUS_RANK[c?.status ?? "no_data"] ?? 9;
  }
}

export function ComparisonCard({ unit, period, unapproved, indicator }: { unit: Unit; period: string; unapproved: boolean; indicator: string | null }) {
  // The JSON answer; the .xlsx and .csv ones are the download links below.
  const load = useLoad(async () => (await ok(api.GET("/compare/table", { params: { query: { unit: unit.id, period, include_unapproved: unapproved } } }))) as Table,
                       [unit.id, period, unapproved]);
  const query = comparisonQuery(unit.id, period, unapproved);
  return (
    <section class="card" id="comparison" aria-labelledby="compare-title">
      <h3 id="compare-title">{t().compare}</h3>
      <p class="toolbar">
        <a class="button" id="download-xlsx" href={`/api/v1/compare/table?${query}&format=xlsx`} download>{t().downloadExcel}</a>
        <a class="button" id="download-csv" href={`/api/v1/compare/table?${query}&format=csv`} download>{t().downloadCsv}</a>
      </p>
      <Loaded load={load}>{(table) => <ComparisonBody table={table} indicator={indicator} />}</Loaded>
    </section>
  );
}

function ComparisonBody({ table, indicator }: { table: Table; indicator: string | null }) {
  const lang = getLang();
  const codes = table.indicators.map((i) => i.indicator.code);
  const [chosen, setChosen] = useState<string | null>(null);
  const [view, setView] = useState<"table" | "scorecard">("table");
  const [sort, setSort] = useState<Sort>({ key: "actual", up: false });
  const code = chosen ?? (indicator && codes.includes(indicator) ? indicator : codes[0] ?? null);
  const col = code === null ? -1 : codes.indexOf(code);
  const ind = col >= 0 ? table.indicators[col] : null;
  const rows = useMemo(() => {
    if (col < 0) return [];
    const all = table.units.map((u) => ({ unit: u.unit, cell: u.cells[col] ?? null }));
    return sortRows(all, (r) => sortValue(r.unit, r.cell, sort.key), sort.up);
  }, [table, col, sort]);
  if (table.units.length === 0 || !ind) return <p class="muted">{t().noRows}</p>;
  const header = (key: SortKey, label: string, num = true) => (
    <th scope="col" class={num ? "num sortable" : "sortable"} data-sort={key}
        aria-sort={sort.key === key ? (sort.up ? "ascending" : "descending") : "none"}>
      <button type="button" class="link" onClick={() => setSort({ key, up: sort.key === key ? !sort.up : key === "unit" || key === "status" })}>
        {label}{sort.key === key ? (sort.up ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );
  const reported = rows.filter((r) => r.cell?.actual !== null && r.cell?.actual !== undefined).length;
  return (
    <>
      <div class="toolbar">
        <div>
          <label for="compare-indicator">{t().indicator}</label>
          <select id="compare-indicator" value={code ?? ""} onChange={(e) => setChosen(e.currentTarget.value)}>
            {table.indicators.map((i) => <option value={i.indicator.code}>{i.indicator.name}</option>)}
          </select>
        </div>
        <div role="group" aria-label={t().compareView}>
          <button type="button" id="view-table" aria-pressed={view === "table" ? "true" : "false"} onClick={() => setView("table")}>{t().compareTable}</button>{" "}
          <button type="button" id="view-scorecard" aria-pressed={view === "scorecard" ? "true" : "false"} onClick={() => setView("scorecard")}>{t().scorecard}</button>
        </div>
      </div>
      <p class="muted" id="compare-reported">{t().unitsReported(reported, rows.length)}</p>
      {view === "table" ? (
        <>
          <div class="scroll">
            <table id="compare-table" aria-labelledby="compare-title">
              <thead>
                <tr>
                  {header("unit", t().unit, false)}
                  {header("actual", t().result)}
                  {header("target", t().target)}
                  {header("plan", t().pctPlan)}
                  {header("previous", t().pctPrev)}
                  {header("status", t().status, false)}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-unit={r.unit.id}>
                    <td>{r.unit.name}</td>
                    <td class="num" data-value={r.cell?.actual ?? ""}>
                      {formatFigure(r.cell?.actual ?? r.cell?.unapproved_value, ind.indicator, lang)}
                      {r.cell && r.cell.actual !== null && !r.cell.approved && <> <span class="muted">({t().counted})</span></>}
                      {r.cell && r.cell.actual === null && r.cell.unapproved_value !== null && <> <span class="muted">({t().notCounted})</span></>}
                    </td>
                    <td class="num">{formatAmount(r.cell?.target, ind.indicator.unit, lang)}</td>
                    <td class="num">{planText(r.cell, lang)}</td>
                    <td class="num">{formatPercent(r.cell?.percent_of_previous, lang)}</td>
                    <td><span class={`badge ${r.cell?.status ?? "no_data"}`}>{r.cell?.status_label ?? t().noData}</span></td>
                  </tr>
                ))}
              </tbody>
              {ind.sum && (
                <tfoot>
                  <tr id="compare-sum">
                    <th scope="row">{ind.sum.label}</th>
                    <td class="num">{formatAmount(ind.sum.value, ind.indicator.unit, lang)}</td>
                    <td colSpan={4} class="muted">
                      {ind.sum.reporting}/{ind.sum.expected} {t().reporting}
                      {ind.sum.without_base.length > 0 && <div class="bare-rate">{withoutBaseText(ind.indicator, ind.sum.without_base.length)}</div>}
                    </td>
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          <BarChart rows={rows} unitName={ind.indicator.unit} />
        </>
      ) : (
        <Scorecard table={table} />
      )}
    </>
  );
}

// Bars sorted from the largest result, each with its value.
function BarChart({ rows, unitName }: { rows: { unit: Unit; cell: Cell | null }[]; unitName: string }) {
  const lang = getLang();
  const [draw, setDraw] = useState<((el: HTMLElement) => void) | null>(null);
  const bars = sortRows(rows.filter((r) => r.cell?.actual !== null && r.cell?.actual !== undefined), (r) => r.cell?.actual ?? null, false);
  const key = bars.map((b) => `${b.unit.id}:${b.cell?.actual}`).join(",");
  useEffect(() => {
    let live = true;
    void import("../charts").then(({ compareChart }) => {
      if (!live) return;
      setDraw(() => (el: HTMLElement) => {
        const names = bars.map((b) => b.unit.name), values = bars.map((b) => b.cell?.actual ?? null);
        // What is drawn, top to bottom, for checks and for readers without the picture.
        el.dataset.bars = JSON.stringify(names.map((n, i) => [n, values[i]]));
        compareChart(el, names, values, bars.map((b) => STATUS_COLOR[b.cell?.status ?? "no_data"] ?? "#6b6f76"),
                     (v) => formatAmount(v, unitName, lang), lang);
      });
    });
    return () => void (live = false);
  }, [key, lang]);
  if (bars.length === 0) return null;
  return (
    <div style={`height:${Math.max(160, bars.length * 22 + 40)}px`} class="chart-box">
      <Chart id="compare" labelledBy="compare-title" draw={draw} />
    </div>
  );
}

// Units × indicators, each cell coloured by its verdict with its % KH (or result).
function Scorecard({ table }: { table: Table }) {
  const lang = getLang();
  return (
    <div class="scroll">
      <table id="scorecard" class="scorecard" aria-label={t().scorecard}>
        <thead>
          <tr>
            <th scope="col">{t().unit}</th>
            {table.indicators.map((i) => <th scope="col" class="num" title={i.indicator.name}>{i.indicator.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.units.map((u) => (
            <tr data-unit={u.unit.id}>
              <th scope="row">{u.unit.name}</th>
              {u.cells.map((c, i) => (
                <td class={`num verdict ${c?.status ?? "no_data"}`} title={c?.status_label ?? t().noData}>
                  {c && (c.percent_of_plan !== null || c.points_from_plan !== null)
                    ? planText(c, lang)
                    : table.indicators[i] ? formatFigure(c?.actual, table.indicators[i].indicator, lang) : "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
