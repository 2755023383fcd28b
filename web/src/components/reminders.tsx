// Reminders from the completeness board: the approver's button that reminds
// the units below late or due with a period's report (and says what e-mail
// went, when the server has a relay), and the banner in
// which a reporter sees those still open for their units.
import { useState } from "preact/hooks";
import { api, ok } from "../api/client";
import { formatDate, formatMoment } from "../format";
import { t } from "../i18n";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import { href } from "../router";
import { ErrorBox } from "./error-box";

export function RemindButton({ unit, period, waiting }: { unit: number; period: string; waiting: number }) {
  const [sent, setSent] = useState<{ count: number; mailed: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setError(null);
    setBusy(true);
    try {
      const r = await withProgress(ok(api.POST("/completeness/reminders", { body: { unit, period } })));
      const error = r.items.find((i) => i.email_error)?.email_error ?? null;
      const mailed = r.email.relay && r.count > 0
        ? t().remindersMailed(r.email.sent, r.email.failed, r.email.without_address, error) : "";
      setSent({ count: r.count, mailed });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="actions" id="remind">
      <button type="button" id="send-reminders" disabled={busy} onClick={send}>
        {t().sendReminders(waiting)}
      </button>
      {sent !== null && <p role="status" id="reminders-sent">{t().remindersSent(sent.count)}</p>}
      {sent?.mailed && <p role="status" id="reminders-mailed">{sent.mailed}</p>}
      <ErrorBox error={error} />
    </div>
  );
}

// The open reminders to the user's units; nothing when there are none.
export function Reminders() {
  const load = useLoad(() => ok(api.GET("/reminders", { params: { query: { page_size: 50 } } })), []);
  if (load.error) return <ErrorBox error={load.error} retry={load.reload} />;
  const open = (load.data?.items ?? []).filter((r) => r.open);
  if (open.length === 0) return null;
  return (
    <section class="card" id="report-reminders" aria-labelledby="report-reminders-title">
      <h2 id="report-reminders-title">{t().reportReminders(open.length)}</h2>
      <ul>
        {open.map((r) => (
          <li data-id={r.id} data-period={r.period.key} class={r.late ? "late" : "due"}>
            <a href={href("/entry", { unit: r.unit.id, period: r.period.key })}>
              {t().reminderLine(r.from_unit.full_name, r.unit.full_name, r.period.label, formatDate(r.send_by))}
            </a>{" "}
            <strong class={r.late ? "late-text" : "due-text"}>{r.late ? t().late : t().due}</strong>{" "}
            <span class="muted">
              {r.state_label} · {t().remindedOn(r.sent_by, formatMoment(r.sent_at))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
