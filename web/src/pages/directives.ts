// The board of directives by state, overdue ones first and nearest deadline
// first; filters by assignee and by issuing body; progress updates.
import { api, ApiError, type Directive } from "../api";
import { t } from "../i18n";
import { escapeHtml, formatDate } from "../format";
import { navigate, withProgress } from "../main";

const COLUMNS: Directive["state"][] = ["overdue", "in_progress", "done_late", "done_on_time"];

export async function renderDirectives(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const assignee = params.get("assignee") ?? "";
  const issuer = params.get("issuer") ?? "";
  const on = params.get("on") ?? "";
  const query = new URLSearchParams({ page_size: "500" });
  if (assignee) query.set("assignee", assignee);
  if (issuer) query.set("issuer", issuer);
  if (on) query.set("on", on);
  const [list, all] = await withProgress(
    Promise.all([
      api<{ items: Directive[]; counts: Record<string, number>; today: string }>("GET", `/directives?${query}`),
      api<{ items: Directive[] }>("GET", `/directives?page_size=500${on ? "&on=" + on : ""}`),
    ]),
  );
  const options = (values: string[], chosen: string) =>
    `<option value="">${t().all}</option>` +
    [...new Set(values)].sort().map((v) => `<option ${v === chosen ? "selected" : ""}>${escapeHtml(v)}</option>`).join("");
  const label = (s: Directive["state"]) => list.items.find((d) => d.state === s)?.state_label ?? t().states[s] ?? s;
  main.innerHTML = `<section class="card"><h1>${t().directives}</h1>
      <form class="toolbar" id="filters">
        <div><label for="assignee">${t().assignee}</label><select id="assignee">${options(all.items.map((d) => d.assignee.name), assignee)}</select></div>
        <div><label for="issuer">${t().issuer}</label><select id="issuer">${options(all.items.map((d) => d.issuer), issuer)}</select></div>
        <button type="submit">${t().filter}</button>
      </form></section>
    ${list.items.length === 0 ? `<p>${t().empty}</p>` : `<div class="board">${COLUMNS.map((s) => `
      <section aria-label="${escapeHtml(label(s))}"><h2><span class="badge ${s}">${escapeHtml(label(s))}</span> ${list.counts[s] ?? 0}</h2>
      ${column(list.items.filter((d) => d.state === s))}</section>`).join("")}</div>`}`;
  main.querySelectorAll<HTMLButtonElement>("button.show-all").forEach((b) => {
    b.onclick = () => {
      b.parentElement!.querySelectorAll<HTMLElement>(".directive[hidden]").forEach((d) => (d.hidden = false));
      b.remove();
    };
  });
  (document.getElementById("filters") as HTMLFormElement).onsubmit = (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    const a = (document.getElementById("assignee") as HTMLSelectElement).value;
    const i = (document.getElementById("issuer") as HTMLSelectElement).value;
    if (a) q.set("assignee", a);
    if (i) q.set("issuer", i);
    if (on) q.set("on", on);
    navigate(`#/directives?${q}`);
  };
  main.querySelectorAll<HTMLFormElement>("form.progress").forEach((form) => {
    form.onsubmit = async (e) => {
      e.preventDefault();
      const note = (form.querySelector("textarea") as HTMLTextAreaElement).value.trim();
      const completes = (form.querySelector("input[type=checkbox]") as HTMLInputElement).checked;
      const err = form.querySelector(".error")!;
      try {
        await api("POST", `/directives/${form.dataset.id}/progress`, { note, completes });
        navigate(location.hash.includes("?") ? location.hash + "&r=" + Date.now() : location.hash + "?r=" + Date.now());
      } catch (x) {
        err.textContent = x instanceof ApiError ? x.message : String(x);
      }
    };
  });
}

// A column shows its first cards (nearest deadlines); the rest on request.
const SHOWN = 12;
function column(items: Directive[]): string {
  const cards = items.map((d, i) => card(d, i >= SHOWN)).join("");
  return items.length > SHOWN ? `${cards}<button type="button" class="link show-all">${t().showAll(items.length)}</button>` : cards;
}

function card(d: Directive, hidden = false): string {
  const last = d.progress[d.progress.length - 1];
  return `<article class="card directive ${d.state}" aria-label="${escapeHtml(d.text)}" ${hidden ? "hidden" : ""}>
    <p><strong>${escapeHtml(d.text)}</strong></p>
    <p class="muted">${t().assignee}: ${escapeHtml(d.assignee.name)}<br>${t().issuer}: ${escapeHtml(d.issuer)}<br>
      ${t().deadline}: ${formatDate(d.deadline)}${d.days_left !== undefined ? ` (${t().daysLeft(d.days_left)})` : ""}</p>
    ${last ? `<p class="muted">${formatDate(last.on)}: ${escapeHtml(last.note)}</p>` : ""}
    ${d.completed_on ? "" : `<details><summary>${t().progress}</summary>
      <form class="progress" data-id="${d.id}">
        <label for="note-${d.id}">${t().note}</label><textarea id="note-${d.id}" rows="2"></textarea>
        <label><input type="checkbox" id="done-${d.id}" /> ${t().completes}</label>
        <p class="error" role="alert"></p><button type="submit">${t().save}</button>
      </form></details>`}
  </article>`;
}
