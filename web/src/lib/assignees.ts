// The assignees a board offers as suggestions: one name per assignee as the
// server's matching sees it (its key, core/assignee.h), in its most written form.
import type { Directive } from "../api/client";

export function assigneeNames(directives: Pick<Directive, "assignee">[]): string[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const d of directives) {
    const forms = byKey.get(d.assignee.key) ?? new Map<string, number>();
    forms.set(d.assignee.name, (forms.get(d.assignee.name) ?? 0) + 1);
    byKey.set(d.assignee.key, forms);
  }
  // The most frequent form; on a tie, the first in Vietnamese order.
  const names = [...byKey.values()].map((forms) =>
    [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "vi"))[0][0]);
  return names.sort((a, b) => a.localeCompare(b, "vi"));
}
