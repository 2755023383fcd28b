// A unit's dashboard for a period: every indicator with target, result (draft
// or approved marked), % of the YEAR's plan, % (or points) against the same
// period last year, the verdict (the year's; "chưa đạt" inside it) and the
// pace with its basis, as separate columns; the summary line of the period;
// a trend chart for the chosen indicator; the units below compared, ranked
// and as a scorecard, downloadable (components/comparison.tsx); the roll-up from the subtree with how many units reported.
import { useEffect, useState } from "preact/hooks";
import { api, ok, type Evaluation, type EvaluationRow, type Schemas, type Unit } from "../api/client";
import { Chart } from "../components/chart";
import { ComparisonCard } from "../components/comparison";
import { Loaded } from "../components/loaded";
import { UnitButtons, UnitSearchError, landingUnit, lastDay, nameWithProvince, useUnitSearch } from "../components/unit-picker";
import { formatAmount, formatDate, formatFigure, formatPercent, formatPoints, todayInVietnam } from "../format";
import { t } from "../i18n";
import { withoutBaseText } from "../lib/without-base";
import { getLang } from "../lang";
import { periodOptions, periodYear } from "../lib/periods";
import { monthCount } from "../lib/unit-periods";
import { useLoad } from "../lib/use-load";
import { href, navigate } from "../router";
import type { PageProps } from "../routes";
import { rememberUnit } from "../session";

// % of the year's plan; for a rate, the points above or below it.
function planCell(r: EvaluationRow, lang: ReturnType<typeof getLang>): string {
  if (r.points_from_plan !== null) return t().points(formatPoints(r.points_from_plan, lang));
  return formatPercent(r.percent_of_plan, lang);
}

function previousCell(r: EvaluationRow, lang: ReturnType<typeof getLang>): string {
  if (r.points_from_previous !== null) return t().points(formatPoints(r.points_from_previous, lang));
  return formatPercent(r.percent_of_previous, lang);
}

export function Dashboard({ params, session }: PageProps) {
  const remembered = sessionStorage.getItem("kd_unit");
  const unitId = Number(params.get("unit") ?? remembered ?? session.home?.unit ?? 0);
  const homePeriod = session.home && session.home.unit === unitId ? session.home.period : null;
  const period = params.get("period") ?? homePeriod ?? todayInVietnam().slice(0, 4);
  const year = periodYear(period);
  const on = params.get("on") ?? "";
  // Only approved figures count unless the user asks for drafts and submitted ones too.
  const unapproved = params.get("unapproved") === "1";
  const onDate = `31/12/${year}`;
  const [periodChoice, setPeriodChoice] = useState(period);
  // `from`: the former unit the user chose, which went into `unit`.
  const from = Number(params.get("from") ?? 0);
  // The reference plan the reviewing body chose ("" = the default order of bodies).
  const plan = params.get("plan") ?? "";
  const go = (unit: number, p: string, withUnapproved = unapproved, former = 0, choice = plan) =>
    navigate("/dashboard", { unit, period: p, on, unapproved: withUnapproved ? 1 : "", from: former || "", plan: choice });
  const search = useUnitSearch(onDate);
  // The units below start open on a wide screen and folded on a narrow one.
  const [belowOpen, setBelowOpen] = useState(() => window.matchMedia("(min-width: 48em)").matches);

  const load = useLoad(async () => {
    if (!unitId) {
      const roots = (await ok(api.GET("/units", { params: { query: { on: onDate, page_size: 100 } } }))).items;
      return { roots, unit: null, evaluation: null, children: [] as Unit[] };
    }
    rememberUnit(unitId);
    const [unit, evaluation] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId }, query: { on: onDate } } })),
      ok(api.GET("/evaluation", { params: { query: { unit: unitId, period, include_unapproved: unapproved, plan: plan || undefined } } })) as Promise<Evaluation>,
    ]);
    const children = unit.has_children
      ? (await ok(api.GET("/units", { params: { query: { parent: unitId, on: onDate, page_size: 500 } } }))).items
      : [];
    return { roots: null, unit, evaluation, children };
  }, [unitId, period, unapproved, plan]);

  const below = load.data?.children ?? null;
  const shown = search.found ?? load.data?.roots ?? below?.slice(0, 60) ?? [];
  const unit = load.data?.unit;
  const pick = (u: Unit) => {
    const to = landingUnit(u);
    go(to, periodChoice, unapproved, to === u.id ? 0 : u.id);
  };
  return (
    <>
      <section class="card" aria-labelledby="pick-title">
        <h1 id="pick-title" class="crumbs">
          {unit
            ? [...(unit.path ?? []), unit].map((u, i) => (
                <>
                  {i > 0 && " › "}
                  <a href={href("/dashboard", { unit: u.id, period })}>{u.full_name}</a>
                </>
              ))
            : t().unit}
        </h1>
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
                     if (y >= 1990 && y <= 2100) go(unitId, String(y));
                   }} />
          </div>
          <div>
            <label for="period">{t().period}</label>
            <select id="period" value={periodChoice} onChange={(e) => { setPeriodChoice(e.currentTarget.value); go(unitId, e.currentTarget.value); }}>
              {periodOptions(year).map((p) => <option value={p.key}>{p.label}</option>)}
            </select>
          </div>
          <div>
            <label>
              <input id="unapproved" type="checkbox" checked={unapproved} onChange={(e) => go(unitId, period, e.currentTarget.checked)} />{" "}
              {t().includeUnapproved}
            </label>
          </div>
        </div>
        <UnitSearchError error={search.error} />
        <div id="unit-list" aria-live="polite">
          {!search.found && below && below.length > 0 ? (
            // Folded on a phone, so the unit's own figures and the comparison come first.
            <details id="units-below" open={belowOpen} onToggle={(e) => setBelowOpen(e.currentTarget.open)}>
              <summary>{t().belowCount(below.length)}</summary>
              <div class="units">
                <UnitButtons units={shown} onPick={pick} />
              </div>
            </details>
          ) : (
            <div class="units">
              <UnitButtons units={shown} onPick={pick} />
            </div>
          )}
        </div>
      </section>
      <section id="evaluation">
        <Loaded load={load}>
          {(d) =>
            d.unit && d.evaluation ? (
              <>
                <Lineage unit={d.unit} period={period} from={from} />
                <EvaluationView evaluation={d.evaluation} unit={d.unit} period={period} unapproved={unapproved}
                                onPlan={(choice) => go(unitId, period, unapproved, from, choice)} />
              </>
            ) : null
          }
        </Loaded>
      </section>
    </>
  );
}

// The unit's table as a spreadsheet: the same unit, period, plan and figures counted as on screen.
function evaluationDownload(unit: Unit, period: string, unapproved: boolean, plan: string, format: "xlsx" | "csv"): string {
  const q = new URLSearchParams({ unit: String(unit.id), period, format });
  if (unapproved) q.set("include_unapproved", "true");
  if (plan !== "default") q.set("plan", plan);
  return `/api/v1/evaluation?${q}`;
}

function EvaluationView({ evaluation: e, unit, period, unapproved, onPlan }: { evaluation: Evaluation; unit: Unit; period: string; unapproved: boolean; onPlan: (choice: string) => void }) {
  const lang = getLang();
  const [selected, setSelected] = useState(e.rows.length > 0 ? 0 : -1);
  const row = selected >= 0 ? e.rows[selected] : null;
  // On a narrow screen the roll-up's list goes after the comparison (style.css, .dash-body).
  return (
    <div class="dash-body">
      <div class="card">
        <h2>{unit.full_name}{unit.province && <span class="muted">, {unit.province}</span>} — {e.period.label}</h2>
        <p>
          <a href={href("/entry", { unit: unit.id, period })}>{t().entry}</a> · <a href={href("/read", { unit: unit.id })}>{t().readReport}</a>
          {" · "}
          <a id="download-report" download
             href={`/api/v1/reports/unit/${encodeURIComponent(unit.code)}?${new URLSearchParams({ period, ...(unapproved ? { include_unapproved: "true" } : {}) })}`}>
            {t().downloadReport}
          </a>
          {" · "}
          <a id="download-report-pdf" download
             href={`/api/v1/reports/unit/${encodeURIComponent(unit.code)}?${new URLSearchParams({ period, format: "pdf", ...(unapproved ? { include_unapproved: "true" } : {}) })}`}>
            {t().downloadReportPdf}
          </a>
          {" · "}
          <a id="download-evaluation-xlsx" download href={evaluationDownload(unit, period, unapproved, e.plan.key, "xlsx")}>
            {t().downloadExcel}
          </a>
          {" · "}
          <a id="download-evaluation-csv" download href={evaluationDownload(unit, period, unapproved, e.plan.key, "csv")}>
            {t().downloadCsv}
          </a>
        </p>
        <p class="summary" id="summary">{e.summary.text}</p>
        {e.summary_plan && <p class="muted" id="summary-plan">{t().countedOn} {e.summary_plan}</p>}
        {e.plans.length > 1 && <PlanChoice evaluation={e} onPlan={onPlan} />}
        <p class="muted" id="counted">{e.include_unapproved ? t().countsUnapproved : t().countsApproved}</p>
        {e.rows.length === 0 ? (
          <p>{t().noRows}</p>
        ) : (
          <table aria-label={t().indicator}>
            <thead>
              <tr>
                <th scope="col">{t().indicator}</th>
                <th scope="col" class="num">{t().target}</th>
                <th scope="col" class="num">{t().result}</th>
                <th scope="col" class="num">{e.summary.part_year ? t().pctYearPlan : t().pctPlan}</th>
                <th scope="col" class="num hide-narrow">{t().pctPrev}</th>
                <th scope="col">{t().status}</th>
                <th scope="col" class="hide-narrow">{t().pace}</th>
              </tr>
            </thead>
            <tbody>
              {e.rows.map((r, i) => (
                <tr data-row={i} data-code={r.indicator.code} tabindex={0} aria-selected={i === selected ? "true" : "false"} onClick={() => setSelected(i)}
                    onKeyDown={(ev) => {
                      if (ev.key === "Enter" || ev.key === " ") {
                        ev.preventDefault();
                        setSelected(i);
                      }
                    }}>
                  <td>{r.indicator.name}</td>
                  <td class="num">
                    {!r.target ? "—" : r.target.worked_out ? `${r.target.comparator} ${formatAmount(r.target.value, r.indicator.unit, lang)}` : ""}
                    {r.target && r.target.form !== "level" && <div class="muted target-form">{r.target.form_text}</div>}
                    {r.target?.first_set_value != null && (
                      <div class="muted target-adjusted">
                        {t().adjustedTo}{r.target.adjusted_by && ` (${r.target.adjusted_by})`}; {t().firstSet}{" "}
                        {formatAmount(r.target.first_set_value, r.indicator.unit, lang)}
                      </div>
                    )}
                  </td>
                  <td class="num result">
                    {formatFigure(r.actual ?? r.unapproved_value, r.indicator, lang)}
                    {r.estimated && <> <span class="muted">({t().estimated})</span></>}
                    {r.months_reported > 0 && r.months_reported < monthCount(e.period.key) && (
                      <> <span class="muted months-behind">({t().monthsBehind(r.months_reported, monthCount(e.period.key))})</span></>
                    )}
                    {r.result_status && (
                      <>
                        <br />
                        <span class={`muted figure-state ${r.result_status}`}>
                          {t().resultStatus[r.result_status] ?? r.result_status}
                          {r.unapproved_value !== null && ` · ${t().notCounted}`}
                          {r.counts_unapproved && ` · ${t().counted}`}
                        </span>
                      </>
                    )}
                  </td>
                  <td class="num">
                    {planCell(r, lang)}
                    {r.percent_inverse && r.percent_of_plan !== null && <><br /><span class="muted">{t().inverse}</span></>}
                    {(r.percent_of_first_set !== null || r.points_from_first_set !== null) && (
                      <div class="muted first-set">
                        {r.points_from_first_set !== null
                          ? t().points(formatPoints(r.points_from_first_set, lang))
                          : formatPercent(r.percent_of_first_set, lang)}{" "}
                        {t().ofFirstSet}
                      </div>
                    )}
                  </td>
                  <td class="num hide-narrow">{previousCell(r, lang)}</td>
                  <td><span class={`badge ${r.status}`}>{r.status_label}</span></td>
                  <td class="hide-narrow pace">
                    {r.pace ? (
                      <>
                        <span class={`pace ${r.pace.key}`}>{r.pace.label}</span>
                        <br />
                        <span class="muted">{r.pace.basis}</span>
                      </>
                    ) : r.term_path ? (
                      <span class="term-path">
                        {r.term_path.on_path !== null && (
                          <span class={`pace ${r.term_path.on_path ? "on_pace" : "behind"}`}>
                            {r.term_path.on_path ? t().onTermPath : t().behindTermPath}
                          </span>
                        )}
                        <br />
                        <span class="muted">
                          {t().termOf(r.term_path.first_year, r.term_path.last_year)}: {r.term_path.basis}
                        </span>
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div class="grid">
        <TrendCard row={row} unit={unit} period={period} />
        <div class="card" id="rollup-card">
          <h3 id="rollup-title">{t().rollup}</h3>
          {unit.has_children ? <Rollup unit={unit} period={period} unapproved={unapproved} /> : <p class="muted">—</p>}
        </div>
      </div>
      {unit.has_children && <ComparisonCard unit={unit} period={period} unapproved={unapproved} indicator={row?.indicator.code ?? null} />}
    </div>
  );
}

// The last period a former unit reported for: "2025-H1" for one that ended on 30/06/2025.
function lastPeriod(validTo: string): string {
  const end = new Date(`${validTo}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  const y = end.getUTCFullYear();
  const whole = new Date(Date.UTC(y, end.getUTCMonth() + 1, 0)).getUTCDate() === end.getUTCDate();
  const m = end.getUTCMonth() + (whole ? 1 : 0);  // months fully lived in the year
  if (m === 0) return String(y - 1);
  if (m === 12) return String(y);
  if (m === 6) return `${y}-H1`;
  return `${y}-01/${y}-${String(m).padStart(2, "0")}`;
}

type Link = NonNullable<Unit["predecessors"]>[number];

function coverageText(l: Link, lang: ReturnType<typeof getLang>): string {
  if (l.coverage === "full") return t().whole;
  return l.share !== null ? t().partShare(formatPercent(l.share * 100, lang)) : t().partNoShare;
}

// The units this one was formed from and those it went into, with the day,
// whether wholly or in part, and the share of a split unit counted.
function Lineage({ unit, period, from }: { unit: Unit; period: string; from: number }) {
  const lang = getLang();
  const before = unit.predecessors ?? [];
  const after = unit.successors ?? [];
  if (before.length === 0 && after.length === 0) return null;
  const landed = before.find((l) => l.unit.id === from);
  const linkTo = (l: Link, old: boolean) =>
    href("/dashboard", { unit: l.unit.id, period: old && l.unit.valid_to ? lastPeriod(l.unit.valid_to) : period });
  const list = (links: Link[], old: boolean) => (
    <ul>
      {links.map((l) => (
        <li data-unit={l.unit.id} data-coverage={l.coverage}>
          <a href={linkTo(l, old)}>{nameWithProvince(l.unit)}</a> <span class="muted">{l.unit.code}</span>
          {old && lastDay(l.unit) && ` (${t().until(lastDay(l.unit) ?? "")})`} — <span class={`coverage ${l.coverage}`}>{coverageText(l, lang)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section class="card" id="lineage" aria-labelledby="lineage-title">
      <h3 id="lineage-title">{t().lineage}</h3>
      {landed && <p id="landed-from" role="status">{t().landedFrom(landed.unit.full_name, lastDay(landed.unit) ?? "", unit.full_name)}</p>}
      {before.length > 0 && (
        <div id="predecessors">
          <p>{t().formedFrom(formatDate(before[0].effective))}</p>
          {list(before, true)}
        </div>
      )}
      {after.length > 0 && (
        <div id="successors">
          <p>{t().wentInto(formatDate(after[0].effective))}</p>
          {list(after, false)}
        </div>
      )}
    </section>
  );
}

function TrendCard({ row, unit, period }: { row: EvaluationRow | null; unit: Unit; period: string }) {
  const lang = getLang();
  const [draw, setDraw] = useState<((el: HTMLElement) => void) | null>(null);
  const [boundary, setBoundary] = useState<{ day: string; rebuilt: number } | null>(null);
  useEffect(() => {
    if (!row) return;
    let live = true;
    const year = periodYear(period);
    void Promise.all([
      import("../charts"),
      ok(api.GET("/trend", { params: { query: { unit: unit.id, indicator: row.indicator.code, from: year - 4, to: year } } })),
    ]).then(([{ trendChart }, trend]) => {
      if (!live) return;
      // The same period over the years ("10 tháng" of each year), else the months, else all.
      const suffix = period.slice(4);
      const same = trend.items.filter((p) => p.period.slice(4) === suffix);
      const months = trend.items.filter((p) => p.months === 1);
      const points = same.length >= 2 ? same : months.length >= 3 ? months : trend.items;
      const own = (p: (typeof points)[number]) => p.basis === "reported";
      // The boundary is marked at the first point that ends after the day the unit was formed.
      const at = trend.boundary ? points.find((p) => periodEnd(p.period) > (trend.boundary ?? "")) : undefined;
      const day = trend.boundary ? formatDate(trend.boundary) : "";
      setBoundary(trend.boundary ? { day, rebuilt: points.filter((p) => !own(p)).length } : null);
      setDraw(() => (el: HTMLElement) =>
        trendChart(el, {
          labels: points.map((p) => p.label),
          reported: points.map((p) => (own(p) ? p.value : null)),
          rebuilt: points.map((p) => (own(p) ? null : p.value)),
          names: { reported: t().reportedFigures, rebuilt: t().rebuiltFigures },
          boundary: at ? { at: at.label, text: day } : null,
        }, lang));
    });
    return () => void (live = false);
  }, [row, unit.id, period]);
  return (
    <div class="card">
      <h3 id="trend-title">{row ? `${t().trend}: ${row.indicator.name}` : t().trend}</h3>
      {!row && <p class="muted" id="trend-hint">{t().chooseRow}</p>}
      {boundary && (
        <p class="muted" id="trend-boundary" data-boundary={boundary.day}>
          {t().trendBoundary(boundary.day, boundary.rebuilt)}
        </p>
      )}
      <Chart id="trend" labelledBy="trend-title" draw={draw} />
    </div>
  );
}

// The ISO day after a period's last month ("2025-H1" -> "2025-07-01"), to compare with a boundary.
function periodEnd(key: string): string {
  const y = Number(key.slice(0, 4));
  const rest = key.slice(5);
  let last = 12;
  if (key.includes("/")) last = Number(key.slice(-2));
  else if (/^\d{2}$/.test(rest)) last = Number(rest);
  else if (/^Q\d$/.test(rest)) last = Number(rest[1]) * 3;
  else if (rest === "H1") last = 6;
  return last === 12 ? `${y + 1}-01-01` : `${y}-${String(last + 1).padStart(2, "0")}-01`;
}

function Rollup({ unit, period, unapproved }: { unit: Unit; period: string; unapproved: boolean }) {
  const lang = getLang();
  const load = useLoad(async () => (await ok(api.GET("/rollup", { params: { query: { unit: unit.id, period, include_unapproved: unapproved } } }))) as Schemas["Rollup"],
                       [unit.id, period, unapproved]);
  const q = new URLSearchParams({ unit: String(unit.id), period });
  if (unapproved) q.set("include_unapproved", "true");
  return (
    <div id="rollup">
      <p class="toolbar">
        <a class="button" id="download-rollup-xlsx" download href={`/api/v1/rollup?${q}&format=xlsx`}>{t().downloadExcel}</a>
        <a class="button" id="download-rollup-csv" download href={`/api/v1/rollup?${q}&format=csv`}>{t().downloadCsv}</a>
      </p>
      <Loaded load={load}>
        {(r) =>
          r.items.length === 0 ? (
            <p class="muted">—</p>
          ) : (
            <table>
              <tbody>
                {r.items.map((i) => (
                  <tr>
                    <td>
                      {i.indicator.name}
                      <div class="muted rollup-label">{i.label}</div>
                    </td>
                    <td class="num">{formatAmount(i.value, i.indicator.unit, lang)}</td>
                    <td class="num muted">
                      {i.reporting}/{i.expected} {t().reporting}
                      {i.without_base.length > 0 && <div class="bare-rate">{withoutBaseText(i.indicator, i.without_base.length)}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </div>
  );
}

// Which plan judges the unit, chosen by the reviewing body, with every plan's own x/y beside it.
function PlanChoice({ evaluation: e, onPlan }: { evaluation: Evaluation; onPlan: (choice: string) => void }) {
  const planKey = (p: Evaluation["plans"][number]) => (p.assigned_by_superior ? "assigned" : p.body_kind);
  const label = (p: Evaluation["plans"][number]) =>
    `${p.assigned_by_superior ? t().assignedPlan : p.body_name}${p.resolution ? ` (${p.resolution})` : ""}`;
  return (
    <div class="plan-choice">
      <label for="plan">{t().referencePlan}</label>{" "}
      <select id="plan" value={e.plan.key} onChange={(ev) => onPlan(ev.currentTarget.value === "default" ? "" : ev.currentTarget.value)}>
        <option value="default">{t().defaultPlan}</option>
        {e.plans.map((p) => <option value={planKey(p)}>{label(p)}</option>)}
      </select>
      <p class="muted" id="plan-basis">{t().judgedOn}: {e.plan.label}</p>
      <ul class="muted" id="plan-summaries">
        {e.plans.map((p) => (
          <li data-plan={planKey(p)} class={p.chosen || p.counted ? "chosen" : ""}>{label(p)}: {p.summary.text}</li>
        ))}
      </ul>
    </div>
  );
}
