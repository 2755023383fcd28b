// One directive on the board: what, who, which unit and working session it
// came from (links to the unit's dashboard and to the session), its
// deadlines and milestones, the last progress note and the form for a new one.
import { useState } from "preact/hooks";
import { api, ok, type Directive } from "../api/client";
import { ErrorBox } from "./error-box";
import { deadlineText } from "../lib/deadlines";
import { formatDate, todayInVietnam } from "../format";
import { t } from "../i18n";
import { withProgress } from "../lib/progress";
import { href } from "../router";

// A column shows its first cards (nearest deadlines); the rest on request.
const SHOWN = 12;

export function DirectiveColumn({ items, onChanged }: { items: Directive[]; onChanged: () => void }) {
  const [all, setAll] = useState(false);
  return (
    <>
      {(all ? items : items.slice(0, SHOWN)).map((d) => <DirectiveCard directive={d} onChanged={onChanged} />)}
      {!all && items.length > SHOWN && (
        <button type="button" class="link show-all" onClick={() => setAll(true)}>{t().showAll(items.length)}</button>
      )}
    </>
  );
}

// Where a directive came from: its unit (to the dashboard) and its session (opened on the sessions page).
export function DirectiveSource({ source }: { source: Directive["source"] | undefined }) {
  const unit = source?.unit;
  const meeting = source?.meeting;
  if (!unit) return null;
  return (
    <p class="muted source">
      {t().unit}: <a class="source-unit" href={href("/dashboard", { unit: unit.id })}>{unit.full_name}</a>
      <br />
      {meeting ? (
        <a class="source-meeting" href={href("/meetings", { unit: unit.id, meeting: meeting.id })}>
          {t().fromMeeting(formatDate(meeting.held_on), meeting.host)}
        </a>
      ) : (
        t().noMeetingSource
      )}
    </p>
  );
}

function DirectiveCard({ directive: d, onChanged }: { directive: Directive; onChanged: () => void }) {
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
    const iso = todayInVietnam();
    const milestones = d.milestones.map((m, k) => ({ on: m.on, what: m.what, done_on: k === i ? iso : m.done_on }));
    try {
      await withProgress(ok(api.PATCH("/directives/{id}", { params: { path: { id: d.id } }, body: { text: d.text, milestones } })));
      onChanged();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <article class={`card directive ${d.state}`} aria-label={d.text} data-id={d.id}>
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
      <DirectiveSource source={d.source} />
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
