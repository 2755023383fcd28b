// The board of directives by state, overdue ones first and nearest deadline
// first, each with the unit and session it came from; above it what is
// overdue and what falls due in the next 7 days, and the calendar feed.
// Filters: the assignee as typed (short or full forms, with or without
// diacritics, matched by the server; kept in the address) and the issuing body.
import { useEffect, useState } from "preact/hooks";
import { api, ok, type Directive } from "../api/client";
import { CalendarFeed } from "../components/calendar-feed";
import { DeadlineReminders } from "../components/deadline-reminders";
import { DirectiveColumn } from "../components/directive-card";
import { Loaded } from "../components/loaded";
import { t } from "../i18n";
import { assigneeNames } from "../lib/assignees";
import { useDebounced } from "../lib/use-debounced";
import { useLoad } from "../lib/use-load";
import { navigate, replace } from "../router";
import type { PageProps } from "../routes";

const COLUMNS: Directive["state"][] = ["overdue", "in_progress", "standing", "no_deadline", "done_late", "done_on_time"];
// Shown only when they hold a directive: most boards have neither.
const OPTIONAL: Directive["state"][] = ["standing", "no_deadline"];
// Typing pauses this long before the board is asked again.
const TYPING_MS = 350;
const PAGE = 500;

export function Directives({ params, session }: PageProps) {
  const issuer = params.get("issuer") ?? "";
  const on = params.get("on") ?? "";
  const [typed, setTyped] = useState(params.get("assignee") ?? "");
  const [chosenIssuer, setChosenIssuer] = useState(issuer);
  const assignee = useDebounced(typed.trim(), TYPING_MS);
  const address = (who: string) => ({ assignee: who, issuer, on });
  // The address follows what was typed, so the filtered board can be shared.
  useEffect(() => replace("/directives", address(assignee)), [assignee]);  // eslint-disable-line react-hooks/exhaustive-deps

  const options = useLoad(async () => (await ok(api.GET("/directives", { params: { query: { page_size: PAGE, on: on || undefined } } }))).items, [on]);
  const load = useLoad(async () => {
    const query = { page_size: PAGE, assignee: assignee || undefined, issuer: issuer || undefined, on: on || undefined };
    const [list, due, overdue] = await Promise.all([
      ok(api.GET("/directives", { params: { query } })),
      ok(api.GET("/directives", { params: { query: { ...query, due_within: 7, open: "true" } } })),
      ok(api.GET("/directives", { params: { query: { ...query, overdue: "1", open: "true" } } })),
    ]);
    return { list, due: due.items, overdue: overdue.items, assignee };
  }, [assignee, issuer, on]);
  const all = options.data ?? [];
  const sources = [...new Set(all.map((d) => d.source?.unit?.id).filter((u): u is number => u !== undefined))];
  const issuers = [...new Set(all.map((d) => d.issuer))].sort((a, b) => a.localeCompare(b, "vi"));
  return (
    <>
      <section class="card">
        <h1>{t().directives}</h1>
        <form class="toolbar" id="filters" role="search"
              onSubmit={(e) => {
                e.preventDefault();
                navigate("/directives", { assignee: typed.trim(), issuer: chosenIssuer, on });
              }}>
          <div class="assignee-filter">
            <label for="assignee">{t().assigneeSearch}</label>
            <input id="assignee" type="search" list="assignee-names" autocomplete="off" placeholder={t().assigneeExample}
                   value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
            <datalist id="assignee-names">
              {assigneeNames(all).map((v) => <option value={v} />)}
            </datalist>
          </div>
          <div>
            <label for="issuer">{t().issuer}</label>
            <select id="issuer" value={chosenIssuer} onChange={(e) => setChosenIssuer(e.currentTarget.value)}>
              <option value="">{t().all}</option>
              {issuers.map((v) => <option value={v}>{v}</option>)}
            </select>
          </div>
          <button type="submit">{t().filter}</button>
        </form>
      </section>
      <CalendarFeed session={session} sources={sources} />
      <Loaded load={load}>
        {({ list, due, overdue, assignee: applied }) => {
          const label = (s: Directive["state"]) => list.items.find((d) => d.state === s)?.state_label ?? t().states[s] ?? s;
          return (
            <div id="board-results" data-assignee={applied}>
              <DeadlineReminders today={list.today} due={due} overdue={overdue} />
              <p id="board-total" role="status">{t().directivesFound(list.total)}</p>
              {list.items.length === 0 ? (
                <p>{t().empty}</p>
              ) : (
                <div class="board">
                  {COLUMNS.filter((s) => !OPTIONAL.includes(s) || (list.counts[s] ?? 0) > 0).map((s) => (
                    <section aria-label={label(s)}>
                      <h2>
                        <span class={`badge ${s}`}>{label(s)}</span> {list.counts[s] ?? 0}
                      </h2>
                      <DirectiveColumn items={list.items.filter((d) => d.state === s)} onChanged={load.reload} />
                    </section>
                  ))}
                </div>
              )}
            </div>
          );
        }}
      </Loaded>
    </>
  );
}
