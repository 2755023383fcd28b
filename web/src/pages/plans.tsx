// A unit's targets (chỉ tiêu kế hoạch) for a year: which body set each, by
// which resolution, and whether the level above assigned it; a form to enter
// a plan's targets (the plan already kept for the same body and years opens
// in it, since saving replaces it whole); the targets as .xlsx and a file of
// the same columns imported back, checked whole first.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, ok, type Indicator, type Schemas, type Unit } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { SheetImport } from "../components/sheet-import";
import { UnitButtons, UnitSearchError, landingUnit, nameWithProvince, useUnitSearch } from "../components/unit-picker";
import { formatDate, formatNumber, parseVietnameseDate, parseVietnameseNumber, todayInVietnam } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { withProgress } from "../lib/progress";
import { targetText } from "../lib/targets";
import { useLoad } from "../lib/use-load";
import { navigate } from "../router";
import type { PageProps } from "../routes";
import { defaultUnit, hasRole, rememberUnit } from "../session";

type Plan = Schemas["Plan"];
type Target = Plan["targets"][number];

export const BODY_KINDS = ["peoples_council", "party_committee", "party_standing_committee", "peoples_committee",
                           "fatherland_front", "mass_organisation", "department", "other"] as const;

// Why a plan was refused, naming the role that is missing.
export function planRefusal(e: unknown): string | null {
  if (!(e instanceof ApiError) || e.status !== 403 || e.message.includes("CSRF")) return null;
  return e.field === "assigned_by_superior" ? t().needAssign : t().needManage;
}

export function Plans({ params, session }: PageProps) {
  const unitId = Number(params.get("unit") ?? 0) || defaultUnit(session);
  const year = Number(params.get("year") ?? 0) || Number(todayInVietnam().slice(0, 4));
  const search = useUnitSearch(`31/12/${year}`);
  const go = (unit: number, y: number) => navigate("/plans", { unit, year: y });
  const load = useLoad(async () => {
    if (!unitId) return null;
    rememberUnit(unitId);
    const [unit, plans, indicators] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId }, query: { on: `31/12/${year}` } } })),
      ok(api.GET("/plans", { params: { query: { unit: unitId, page_size: 200 } } })),
      ok(api.GET("/indicators")),
    ]);
    return { unit, plans: plans.items, indicators: indicators.items };
  }, [unitId, year]);
  const mayEnter = hasRole(session, "approver");
  return (
    <>
      <section class="card" aria-labelledby="plans-title">
        <h1 id="plans-title">
          {t().plans}
          {load.data && `: ${nameWithProvince(load.data.unit)}`}
        </h1>
        <div class="toolbar">
          <div>
            <label for="plans-unit-search">{t().searchUnit}</label>
            <input id="plans-unit-search" type="search" size={32} value={search.query} onInput={(e) => search.setQuery(e.currentTarget.value)} />
          </div>
          <div>
            <label for="plans-year">{t().year}</label>
            <input id="plans-year" type="number" min={1990} max={2100} value={year} style="width:6em"
                   onChange={(e) => {
                     const y = Number(e.currentTarget.value);
                     if (y >= 1990 && y <= 2100) go(unitId, y);
                   }} />
          </div>
        </div>
        <UnitSearchError error={search.error} />
        {search.found && (
          <div class="units" id="plans-unit-list" aria-live="polite">
            <UnitButtons units={search.found} onPick={(u) => go(landingUnit(u), year)} />
          </div>
        )}
      </section>
      {!unitId ? (
        <p>{t().chooseUnitFirst}</p>
      ) : (
        <Loaded load={load}>
          {(d) => d && (
            <>
              <YearTargets unit={d.unit} year={year} plans={d.plans} indicators={d.indicators} />
              {mayEnter ? (
                <>
                  <PlanForm key={`${d.unit.id}-${year}`} unit={d.unit} year={year} plans={d.plans} indicators={d.indicators} onSaved={load.reload} />
                  <section class="card" aria-labelledby="plans-import-title">
                    <h2 id="plans-import-title">{t().importPlans}</h2>
                    <p class="muted">{t().importPlansHelp}</p>
                    <SheetImport send={(body) => ok(api.POST("/imports/plans", { body }))} storedText={t().storedTargets}
                                 onStored={load.reload} describeError={planRefusal} />
                  </section>
                </>
              ) : (
                <p class="muted" id="plans-no-right">{t().needManage}</p>
              )}
            </>
          )}
        </Loaded>
      )}
    </>
  );
}

function YearTargets({ unit, year, plans, indicators }: { unit: Unit; year: number; plans: Plan[]; indicators: Indicator[] }) {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const rows = plans.flatMap((p) => p.targets.filter((x) => x.year === year).map((target) => ({ plan: p, target })));
  rows.sort((a, b) => (byCode.get(a.target.indicator)?.name ?? a.target.indicator).localeCompare(byCode.get(b.target.indicator)?.name ?? b.target.indicator, "vi")
                      || a.plan.body_name.localeCompare(b.plan.body_name, "vi"));
  return (
    <section class="card" aria-labelledby="targets-title">
      <h2 id="targets-title">{t().targetsOfYear(year)}</h2>
      <p class="toolbar">
        <a class="button" id="plans-download" href={`/api/v1/plans/export?unit=${unit.id}`} download>{t().downloadExcel}</a>
        <a class="button" id="plans-download-csv" href={`/api/v1/plans/export?unit=${unit.id}&format=csv`} download>{t().downloadCsv}</a>
      </p>
      {rows.length === 0 ? (
        <p class="muted" id="targets-empty">{t().noTargets}</p>
      ) : (
        <div class="scroll">
          <table id="targets" aria-labelledby="targets-title">
            <thead>
              <tr>
                <th scope="col">{t().indicator}</th>
                <th scope="col" class="num">{t().target}</th>
                <th scope="col">{t().setBy}</th>
                <th scope="col">{t().resolution}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ plan, target }) => {
                const ind = byCode.get(target.indicator);
                return (
                  <tr data-indicator={target.indicator} data-body={plan.body_kind}>
                    <td>{ind?.name ?? target.indicator}</td>
                    <td class="num">{targetText(target, ind?.unit ?? "")}</td>
                    <td>
                      {plan.body_name}
                      {plan.first_year !== plan.last_year && <span class="muted"> ({plan.first_year}–{plan.last_year})</span>}
                      {plan.assigned_by_superior && <> <span class="badge assigned">{t().assignedFromAbove}</span></>}
                    </td>
                    <td>
                      {plan.resolution || "—"}
                      {plan.resolution_date && <span class="muted"> {t().issuedOn(formatDate(plan.resolution_date))}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface Row {
  indicator: string;
  year: string;
  comparator: string;
  value: string;
  valueHigh: number | null;
  form: Target["form"];
  adjusted: string;  // the level after an adjustment during the year; "" none
  adjustedBy: string;
}

function rowsOf(plan: Plan | undefined, year: number): Row[] {
  const lang = getLang();
  if (!plan || plan.targets.length === 0) return [{ indicator: "", year: String(year), comparator: "≥", value: "", valueHigh: null, form: "level", adjusted: "", adjustedBy: "" }];
  return plan.targets.map((x) => ({
    indicator: x.indicator, year: String(x.year), comparator: x.comparator,
    value: formatNumber(x.value, lang, 6).replace(/\u00a0/g, " "), valueHigh: x.value_high, form: x.form,
    adjusted: x.adjusted === null ? "" : formatNumber(x.adjusted, lang, 6).replace(/\u00a0/g, " "), adjustedBy: x.adjusted_by,
  }));
}

function PlanForm({ unit, year, plans, indicators, onSaved }: { unit: Unit; year: number; plans: Plan[]; indicators: Indicator[]; onSaved: () => void }) {
  const [body, setBody] = useState<string>("peoples_council");
  const [first, setFirst] = useState(String(year));
  const [last, setLast] = useState(String(year));
  const held = plans.find((p) => p.body_kind === body && String(p.first_year) === first && String(p.last_year) === last);
  const [resolution, setResolution] = useState("");
  const [issued, setIssued] = useState("");
  const [assigned, setAssigned] = useState(false);
  const [rows, setRows] = useState<Row[]>(rowsOf(undefined, year));
  const [problem, setProblem] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  // The plan kept for this body and these years opens in the form: saving replaces it whole.
  useEffect(() => {
    setRows(rowsOf(held, year));
    setResolution(held?.resolution ?? "");
    setIssued(held?.resolution_date ? formatDate(held.resolution_date) : "");
    setAssigned(held?.assigned_by_superior ?? false);
  }, [body, first, last, held?.id]);
  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async (e: Event) => {
    e.preventDefault();
    setProblem("");
    setError(null);
    setNotice("");
    const f = Number(first), l = Number(last || first);
    if (!(f >= 1945 && f <= 2200) || !(l >= f && l <= 2200)) return setProblem(t().badYears);
    const date = issued.trim() ? parseVietnameseDate(issued) : null;
    if (issued.trim() && !date) return setProblem(t().badDate);
    const targets = [];
    for (const r of rows) {
      if (!r.indicator && !r.value.trim()) continue;
      const value = parseVietnameseNumber(r.value);
      const y = Number(r.year);
      if (!r.indicator) return setProblem(t().chooseIndicator);
      if (value === null) return setProblem(`${r.value}: ${t().notANumber}`);
      if (!(y >= f && y <= l)) return setProblem(t().yearOutsidePlan(f, l));
      const adjusted = r.adjusted.trim() ? parseVietnameseNumber(r.adjusted) : null;
      if (r.adjusted.trim() && adjusted === null) return setProblem(`${r.adjusted}: ${t().notANumber}`);
      targets.push({ indicator: r.indicator, year: y, comparator: r.comparator, value, value_high: r.valueHigh, form: r.form,
                     adjusted, adjusted_by: adjusted === null ? "" : r.adjustedBy.trim() });
    }
    if (targets.length === 0) return setProblem(t().chooseIndicator);
    try {
      await withProgress(ok(api.POST("/plans", { body: {
        unit: unit.id, body_kind: body, first_year: f, last_year: l, assigned_by_superior: assigned,
        resolution: resolution.trim(), ...(date ? { resolution_date: date } : {}), targets,
      } })));
      setNotice(t().planSaved(targets.length));
      onSaved();
    } catch (x) {
      setError(x);
    }
  };
  const refusal = planRefusal(error);
  return (
    <section class="card" aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{t().enterTargets}</h2>
      <form id="plan-form" onSubmit={save} noValidate>
        <div class="toolbar">
          <div>
            <label for="plan-body">{t().setBy}</label>
            <select id="plan-body" value={body} onChange={(e) => setBody(e.currentTarget.value)}>
              {BODY_KINDS.map((k) => <option value={k}>{t().bodies[k]}</option>)}
            </select>
          </div>
          <div>
            <label for="plan-first">{t().planFirstYear}</label>
            <input id="plan-first" type="number" min={1945} max={2200} style="width:6em" value={first} onChange={(e) => setFirst(e.currentTarget.value)} />
          </div>
          <div>
            <label for="plan-last">{t().planLastYear}</label>
            <input id="plan-last" type="number" min={1945} max={2200} style="width:6em" value={last} onChange={(e) => setLast(e.currentTarget.value)} />
          </div>
          <div>
            <label for="plan-resolution">{t().resolutionCode}</label>
            <input id="plan-resolution" size={16} value={resolution} placeholder="15/NQ-HĐND" onInput={(e) => setResolution(e.currentTarget.value)} />
          </div>
          <div>
            <label for="plan-issued">{t().issuedInput}</label>
            <input id="plan-issued" size={11} value={issued} placeholder="dd/mm/yyyy" onInput={(e) => setIssued(e.currentTarget.value)} />
          </div>
          <div>
            <label>
              <input id="plan-assigned" type="checkbox" checked={assigned} onChange={(e) => setAssigned(e.currentTarget.checked)} /> {t().assignedPlan}
            </label>
          </div>
        </div>
        {held && <p class="muted" id="plan-held">{t().planReplaces(held.targets.length)}</p>}
        <div class="scroll">
          <table id="plan-rows" class="stack">
            <thead>
              <tr>
                <th scope="col">{t().indicator}</th>
                <th scope="col">{t().year}</th>
                <th scope="col">{t().comparator}</th>
                <th scope="col">{t().targetValue}</th>
                <th scope="col">{t().adjustedValue}</th>
                <th scope="col"><span class="sr-only">{t().actions}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr>
                  <td class="wide" data-label={t().indicator}>
                    <select class="plan-indicator" aria-label={t().indicator} value={r.indicator} onChange={(e) => setRow(i, { indicator: e.currentTarget.value })}>
                      <option value="">—</option>
                      {indicators.map((ind) => <option value={ind.code}>{ind.name} ({ind.unit})</option>)}
                    </select>
                  </td>
                  <td data-label={t().year}>
                    <input class="plan-year" aria-label={t().year} type="number" style="width:6em" value={r.year} onChange={(e) => setRow(i, { year: e.currentTarget.value })} />
                  </td>
                  <td data-label={t().comparator}>
                    <select class="plan-comparator" aria-label={t().comparator} value={r.comparator} onChange={(e) => setRow(i, { comparator: e.currentTarget.value })}>
                      {["≥", "≤", "="].map((c) => <option value={c}>{c}</option>)}
                      {r.comparator === "∈" && <option value="∈">∈</option>}
                    </select>
                  </td>
                  <td data-label={t().targetValue}>
                    <input class="plan-value" aria-label={t().targetValue} size={14} inputMode="decimal" value={r.value} onInput={(e) => setRow(i, { value: e.currentTarget.value })} />
                    {r.form !== "level" && <span class="muted"> {r.form === "growth_percent" ? t().growthPercent : r.form === "change_points" ? t().changePoints : t().aboveAssigned}</span>}
                  </td>
                  <td data-label={t().adjustedValue}>
                    <input class="plan-adjusted" aria-label={t().adjustedValue} size={14} inputMode="decimal" value={r.adjusted} onInput={(e) => setRow(i, { adjusted: e.currentTarget.value })} />{" "}
                    <input class="plan-adjusted-by" aria-label={t().adjustedBy} size={12} placeholder={t().adjustedBy} value={r.adjustedBy} onInput={(e) => setRow(i, { adjustedBy: e.currentTarget.value })} />
                  </td>
                  <td>
                    <button type="button" class="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t().removeTarget}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button type="button" class="secondary" id="plan-add" onClick={() => setRows([...rows, ...rowsOf(undefined, Number(first) || year)])}>{t().addTarget}</button>
          <button type="submit" id="plan-save">{t().savePlan}</button>
        </div>
        {problem && <p class="error" role="alert" id="plan-problem">{problem}</p>}
        {refusal && <p class="error" role="alert" id="plan-refused">{refusal}</p>}
        {!refusal && <ErrorBox error={error} id="plan-error" />}
        <p role="status" id="plan-saved">{notice}</p>
      </form>
    </section>
  );
}
