// The board of directives by state, overdue ones first and nearest deadline
// first; filters by assignee and by issuing body; progress updates.
import { useState } from "preact/hooks";
import { api, ok, type Directive } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { deadlineText } from "../lib/deadlines";
import { formatDate } from "../format";
import { t } from "../i18n";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import { navigate } from "../router";
import type { PageProps } from "../routes";

const COLUMNS: Directive["state"][] = ["overdue", "in_progress", "standing", "no_deadline", "done_late", "done_on_time"];
// Shown only when they hold a directive: most boards have neither.
const OPTIONAL: Directive["state"][] = ["standing", "no_deadline"];
// A column shows its first cards (nearest deadlines); the rest on request.
const SHOWN = 12;

export function Directives({ params }: PageProps) {
  const assignee = params.get("assignee") ?? "";
  const issuer = params.get("issuer") ?? "";
  const on = params.get("on") ?? "";
  const load = useLoad(async () => {
    const [list, all] = await Promise.all([
      ok(api.GET("/directives", { params: { query: { page_size: 500, assignee: assignee || undefined, issuer: issuer || undefined, on: on || undefined } } })),
      ok(api.GET("/directives", { params: { query: { page_size: 500, on: on || undefined } } })),
    ]);
    return { list, all: all.items };
  }, [assignee, issuer, on]);
  const [chosen, setChosen] = useState({ assignee, issuer });
  const options = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, "vi"));
  return (
    <Loaded load={load}>
      {({ list, all }) => {
        const label = (s: Directive["state"]) => list.items.find((d) => d.state === s)?.state_label ?? t().states[s] ?? s;
        return (
          <>
            <section class="card">
              <h1>{t().directives}</h1>
              <form class="toolbar" id="filters"
                    onSubmit={(e) => {
                      e.preventDefault();
                      navigate("/directives", { assignee: chosen.assignee, issuer: chosen.issuer, on });
                    }}>
                <div>
                  <label for="assignee">{t().assignee}</label>
                  <select id="assignee" value={chosen.assignee} onChange={(e) => setChosen({ ...chosen, assignee: e.currentTarget.value })}>
                    <option value="">{t().all}</option>
                    {options(all.map((d) => d.assignee.name)).map((v) => <option value={v}>{v}</option>)}
                  </select>
                </div>
                <div>
                  <label for="issuer">{t().issuer}</label>
                  <select id="issuer" value={chosen.issuer} onChange={(e) => setChosen({ ...chosen, issuer: e.currentTarget.value })}>
                    <option value="">{t().all}</option>
                    {options(all.map((d) => d.issuer)).map((v) => <option value={v}>{v}</option>)}
                  </select>
                </div>
                <button type="submit">{t().filter}</button>
              </form>
            </section>
            {list.items.length === 0 ? (
              <p>{t().empty}</p>
            ) : (
              <div class="board">
                {COLUMNS.filter((s) => !OPTIONAL.includes(s) || (list.counts[s] ?? 0) > 0).map((s) => (
                  <section aria-label={label(s)}>
                    <h2>
                      <span class={`badge ${s}`}>{label(s)}</span> {list.counts[s] ?? 0}
                    </h2>
                    <Column items={list.items.filter((d) => d.state === s)} on={on} onChanged={load.reload} />
                  </section>
                ))}
              </div>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function Column({ items, on, onChanged }: { items: Directive[]; on: string; onChanged: () => void }) {
  const [all, setAll] = useState(false);
  return (
    <>
      {(all ? items : items.slice(0, SHOWN)).map((d) => <Card directive={d} on={on} onChanged={onChanged} />)}
      {!all && items.length > SHOWN && (
        <button type="button" class="link show-all" onClick={() => setAll(true)}>{t().showAll(items.length)}</button>
      )}
    </>
  );
}

function Card({ directive: d, on, onChanged }: { directive: Directive; on: string; onChanged: () => void }) {
  const last = d.progress[d.progress.length - 1];
  const [note, setNote] = useState("");
  const [completes, setCompletes] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await withProgress(ok(api.POST("/directives/{id}/progress", { params: { path: { id: d.id } }, body: { note: note.trim(), completes } })));
      onChanged();
    } catch (x) {
      setError(x);
    }
  };
  // The unit reports a milestone delivered today; its day and words stay the issuer's.
  const deliver = async (i: number) => {
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
    const milestones = d.milestones.map((m, k) => ({ on: m.on, what: m.what, done_on: k === i ? iso : m.done_on }));
    try {
      await withProgress(ok(api.PATCH("/directives/{id}", { params: { path: { id: d.id } }, body: { text: d.text, milestones } })));
      onChanged();
    } catch (x) {
      setError(x);
    }
  };
  void on;
  return (
    <article class={`card directive ${d.state}`} aria-label={d.text}>
      <p>
        <strong>{d.text}</strong>
      </p>
      <p class="muted">
        {t().assignee}: {d.assignee.name}
        <br />
        {t().issuer}: {d.issuer}
        <br />
        {deadlineText(d)}
        {d.days_left !== undefined && ` (${t().daysLeft(d.days_left)})`}
      </p>
      {d.milestones.length > 0 && (
        <ul class="milestones">
          {d.milestones.map((m, i) => (
            <li data-milestone={i}>
              {formatDate(m.on)}: {m.what}
              {m.done_on ? ` — ${t().delivered(formatDate(m.done_on))}` : !d.completed_on && (
                <> <button type="button" class="link deliver" onClick={() => deliver(i)}>{t().markDelivered}</button></>
              )}
            </li>
          ))}
        </ul>
      )}
      {last && (
        <p class="muted">
          {formatDate(last.on)}: {last.note}
        </p>
      )}
      {!d.completed_on && (
        <details>
          <summary>{t().progress}</summary>
          <form class="progress" data-id={d.id} onSubmit={save}>
            <label for={`note-${d.id}`}>{t().note}</label>
            <textarea id={`note-${d.id}`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            <label>
              <input type="checkbox" id={`done-${d.id}`} checked={completes} onChange={(e) => setCompletes(e.currentTarget.checked)} /> {t().completes}
            </label>
            <ErrorBox error={error} />
            <button type="submit">{t().save}</button>
          </form>
        </details>
      )}
    </article>
  );
}
