// Working sessions (buổi làm việc) of a unit: the list, newest first, with the
// directives each issued; and a form to record a new one with its conclusions
// and directives (text, assignee, deadline), dates typed as dd/mm/yyyy.
import { api, ApiError, type Directive, type Unit } from "../api";
import { t } from "../i18n";
import { escapeHtml, formatDate, parseVietnameseDate } from "../format";
import { navigate, withProgress, type Session } from "../main";

interface Meeting {
  id: number;
  held_on: string;
  host: string;
  unit: number;
  chair: string;
  attendees: string[];
  conclusions: string;
}

function directiveRow(i: number): string {
  return `<fieldset class="directive-row" data-row="${i}"><legend>${t().directives} ${i + 1}</legend>
    <label for="d-text-${i}">${t().directiveText}</label><textarea id="d-text-${i}" rows="2"></textarea>
    <div class="toolbar">
      <div><label for="d-assignee-${i}">${t().assignee}</label><input id="d-assignee-${i}" size="30" /></div>
      <div><label for="d-deadline-${i}">${t().deadlineInput}</label><input id="d-deadline-${i}" size="12" inputmode="numeric" placeholder="dd/mm/yyyy" />
        <span class="error" id="d-deadline-${i}-error" role="alert"></span></div>
    </div></fieldset>`;
}

export async function renderMeetings(main: HTMLElement, params: URLSearchParams, session: Session): Promise<void> {
  const unitId = Number(params.get("unit") ?? sessionStorage.getItem("kd_unit") ?? session.home?.unit ?? 0);
  if (!unitId) {
    main.innerHTML = `<p>${t().chooseUnitFirst} <a href="#/dashboard">${t().dashboard}</a></p>`;
    return;
  }
  const [unit, list] = await withProgress(
    Promise.all([api<Unit>("GET", `/units/${unitId}`), api<{ items: Meeting[] }>("GET", `/meetings?unit=${unitId}&page_size=100`)]),
  );
  const meetings = [...list.items].sort((a, b) => b.held_on.localeCompare(a.held_on));
  main.innerHTML = `<section class="card"><h1>${t().meetings}: ${escapeHtml(unit.full_name)}</h1>
      ${meetings.length === 0 ? `<p>${t().noMeetings}</p>` : `<ul class="meetings">${meetings.map((m) => `
        <li><details data-id="${m.id}"><summary><strong>${formatDate(m.held_on)}</strong> — ${escapeHtml(m.host)}${m.chair ? `, ${escapeHtml(m.chair)}` : ""}</summary>
          <div class="meeting-body muted">${t().loading}</div></details></li>`).join("")}</ul>`}
    </section>
    <form class="card" id="new-meeting" novalidate>
      <h2>${t().newMeeting}</h2>
      <div class="toolbar">
        <div><label for="held-on">${t().heldOn}</label><input id="held-on" size="12" inputmode="numeric" placeholder="dd/mm/yyyy" required />
          <span class="error" id="held-on-error" role="alert"></span></div>
        <div><label for="host">${t().host}</label><input id="host" size="30" required /><span class="error" id="host-error" role="alert"></span></div>
        <div><label for="chair">${t().chair}</label><input id="chair" size="30" /></div>
      </div>
      <label for="attendees">${t().attendees}</label><textarea id="attendees" rows="3"></textarea>
      <label for="conclusions">${t().conclusions}</label><textarea id="conclusions" rows="4"></textarea>
      <div id="directive-rows">${directiveRow(0)}</div>
      <p><button type="button" class="link" id="add-directive">+ ${t().addDirective}</button></p>
      <p class="error" id="meeting-error" role="alert"></p><p id="meeting-done" role="status"></p>
      <button type="submit">${t().create}</button>
    </form>`;

  main.querySelectorAll<HTMLDetailsElement>("details[data-id]").forEach((el) => {
    el.ontoggle = async () => {
      if (!el.open || el.dataset.loaded) return;
      el.dataset.loaded = "1";
      const m = await api<Meeting & { directives: Directive[] }>("GET", `/meetings/${el.dataset.id}`);
      el.querySelector(".meeting-body")!.outerHTML = `<div class="meeting-body">
        ${m.attendees.length ? `<p class="muted">${escapeHtml(m.attendees.join("; "))}</p>` : ""}
        <p style="white-space:pre-line">${escapeHtml(m.conclusions)}</p>
        <p><strong>${t().directivesOf(m.directives.length)}</strong></p>
        <ul>${m.directives.map((d) => `<li><span class="badge ${d.state}">${escapeHtml(d.state_label)}</span> ${escapeHtml(d.text)}
          <span class="muted">— ${escapeHtml(d.assignee.name)}, ${t().deadline}: ${formatDate(d.deadline)}</span></li>`).join("")}</ul></div>`;
    };
  });

  let rows = 1;
  document.getElementById("add-directive")!.onclick = () => {
    document.getElementById("directive-rows")!.insertAdjacentHTML("beforeend", directiveRow(rows));
    (document.getElementById(`d-text-${rows}`) as HTMLTextAreaElement).focus();
    rows++;
  };
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement).value.trim();
  const say = (id: string, text: string) => {
    document.getElementById(id)!.textContent = text;
  };
  // Dates are checked as they are typed (once the field is left, or on submit).
  const form = document.getElementById("new-meeting") as HTMLFormElement;
  const checkDate = (el: HTMLInputElement) => {
    const bad = el.value.trim() !== "" && parseVietnameseDate(el.value) === null;
    say(`${el.id}-error`, bad ? t().badDate : "");
    el.setAttribute("aria-invalid", String(bad));
  };
  form.addEventListener("change", (e) => {
    const el = e.target as HTMLInputElement;
    if (el.id === "held-on" || el.id.startsWith("d-deadline-")) checkDate(el);
  });
  form.addEventListener("input", (e) => {
    const el = e.target as HTMLInputElement;
    if ((el.id === "held-on" || el.id.startsWith("d-deadline-")) && document.getElementById(`${el.id}-error`)!.textContent) checkDate(el);
  });
  form.onsubmit = async (e) => {
    e.preventDefault();
    const held = parseVietnameseDate(value("held-on"));
    say("held-on-error", held ? "" : t().badDate);
    say("host-error", value("host") ? "" : t().required);
    let ok = !!held && !!value("host");
    const directives = [];
    for (let i = 0; i < rows; i++) {
      const text = value(`d-text-${i}`);
      const deadlineText = value(`d-deadline-${i}`);
      const deadline = deadlineText ? parseVietnameseDate(deadlineText) : null;
      say(`d-deadline-${i}-error`, deadlineText && !deadline ? t().badDate : "");
      if (deadlineText && !deadline) ok = false;
      if (!text) continue;
      const assignee = value(`d-assignee-${i}`) || unit.full_name;
      directives.push({ text, assignee: { kind: "body", name: assignee }, deadline });
    }
    if (!ok) {
      say("meeting-error", t().fixErrors);
      return;
    }
    say("meeting-error", "");
    try {
      const saved = await withProgress(
        api<Meeting & { directives: Directive[] }>("POST", "/meetings", {
          unit: unitId,
          held_on: held,
          host: value("host"),
          chair: value("chair"),
          attendees: value("attendees").split("\n").map((s) => s.trim()).filter(Boolean),
          conclusions: value("conclusions"),
          directives,
        }),
      );
      sessionStorage.setItem("kd_notice", t().meetingSaved(saved.directives.length));
      navigate(`#/meetings?unit=${unitId}&saved=${saved.id}`);
    } catch (x) {
      say("meeting-error", x instanceof ApiError ? x.message : String(x));
    }
  };
  const notice = sessionStorage.getItem("kd_notice");
  if (notice && params.get("saved")) {
    say("meeting-done", notice);
    sessionStorage.removeItem("kd_notice");
  }
}
