// How a directive's deadlines read on a card: a standing duty, no deadline,
// the next milestone beside the final deadline, or the one deadline.
import type { Directive } from "../api/client";
import { formatDate } from "../format";
import { t } from "../i18n";

type Deadlines = Pick<Directive, "standing" | "deadline" | "next_deadline" | "next_due" | "milestones" | "completed_on">;

export function deadlineText(d: Deadlines): string {
  if (d.standing) return t().standing;
  if (!d.deadline && d.milestones.length === 0) return t().noDeadline;
  const final = d.deadline ? `${t().finalDeadline}: ${formatDate(d.deadline)}` : "";
  if (!d.completed_on && d.next_deadline && d.next_due) {
    const next = t().nextDeadline(formatDate(d.next_deadline), d.next_due);
    return final ? `${next}; ${final}` : next;
  }
  return d.milestones.length > 0 ? final : `${t().deadline}: ${formatDate(d.deadline)}`;
}
