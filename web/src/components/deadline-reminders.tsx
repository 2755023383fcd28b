// The reminder lists above the board: what is overdue, then what falls due in
// the next 7 days, each by its next deadline (the nearest first), with the
// unit it came from.
import { useState } from "preact/hooks";
import type { Directive } from "../api/client";
import { formatDate } from "../format";
import { t } from "../i18n";
import { href } from "../router";

// A list shows its first items; the rest on request.
const SHOWN = 8;

function byNextDeadline(items: Directive[]): Directive[] {
  return [...items].sort((a, b) => (a.next_deadline ?? "9999").localeCompare(b.next_deadline ?? "9999"));
}

// "2026-12-03" and 7 → "10/12/2026".
function daysAfter(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return formatDate(new Date(Date.UTC(y, m - 1, d + days)).toISOString());
}

// `today`: the server's day (Việt Nam time, or the board's ?on=), which the lists were read on.
export function DeadlineReminders({ today, due, overdue }: { today: string; due: Directive[]; overdue: Directive[] }) {
  return (
    <section class="card reminders" aria-label={t().reminders}>
      <div class="reminder-blocks">
        <ReminderList id="overdue-list" title={t().overdueBlock} empty={t().noOverdue} items={byNextDeadline(overdue)} />
        <ReminderList id="due-soon" title={t().dueSoon} range={t().fromTo(formatDate(today), daysAfter(today, 7))} empty={t().noDueSoon} items={byNextDeadline(due)} />
      </div>
    </section>
  );
}

function ReminderList({ id, title, range, empty, items }: { id: string; title: string; range?: string; empty: string; items: Directive[] }) {
  const [all, setAll] = useState(false);
  return (
    <div id={id}>
      <h2>
        {title} <span class="count">{items.length}</span>
      </h2>
      {range && <p class="muted">{range}</p>}
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="reminder-list">
          {(all ? items : items.slice(0, SHOWN)).map((d) => (
            <li data-id={d.id} data-deadline={d.next_deadline ?? ""}>
              <time datetime={d.next_deadline ?? ""}>{formatDate(d.next_deadline)}</time>
              {d.days_left !== undefined && <span class="muted"> ({t().daysLeft(d.days_left)})</span>}
              <span class="muted"> — {d.next_due || t().finalDeadline}</span>
              <br />
              {d.text}
              <br />
              <span class="muted">
                {d.assignee.name}
                {d.source?.unit && (
                  <>
                    {" · "}
                    <a class="source-unit" href={href("/dashboard", { unit: d.source.unit.id })}>{d.source.unit.full_name}</a>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!all && items.length > SHOWN && (
        <button type="button" class="link show-all" onClick={() => setAll(true)}>{t().showAll(items.length)}</button>
      )}
    </div>
  );
}
