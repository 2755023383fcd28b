// Working sessions (buổi làm việc) of a unit: the list, newest first, with the
// directives each issued; and a form to record a new one with its conclusions
// and directives (text, assignee, deadline), dates typed as dd/mm/yyyy.
// ?meeting=ID opens that session (a directive's card links here).
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ok, type Meeting, type Schemas, type Unit } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { deadlineText } from "../lib/deadlines";
import { formatDate, parseVietnameseDate } from "../format";
import { t } from "../i18n";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import type { PageProps } from "../routes";
import { defaultUnit } from "../session";

export function Meetings({ params, session }: PageProps) {
  const unitId = Number(params.get("unit") ?? 0) || defaultUnit(session);
  const opened = Number(params.get("meeting") ?? 0);
  const [notice, setNotice] = useState("");
  const load = useLoad(async () => {
    const [unit, list] = await Promise.all([
      ok(api.GET("/units/{id}", { params: { path: { id: unitId } } })),
      ok(api.GET("/meetings", { params: { query: { unit: unitId, page_size: 100 } } })),
    ]);
    const meetings: Meeting[] = [...list.items];
    // A session older than the first page is fetched on its own.
    if (opened && !meetings.some((m) => m.id === opened)) {
      meetings.push(await ok(api.GET("/meetings/{id}", { params: { path: { id: opened } } })));
    }
    return { unit, meetings: meetings.sort((a, b) => b.held_on.localeCompare(a.held_on)) };
  }, [unitId, opened]);
  if (!unitId) {
    return (
      <p>
        {t().chooseUnitFirst} <a href="#/dashboard">{t().dashboard}</a>
      </p>
    );
  }
  return (
    <Loaded load={load}>
      {(d) => (
        <>
          <section class="card">
            <h1>{t().meetings}: {d.unit.full_name}</h1>
            <p id="meeting-done" role="status">{notice}</p>
            {d.meetings.length === 0 ? (
              <p>{t().noMeetings}</p>
            ) : (
              <ul class="meetings">
                {d.meetings.map((m) => <MeetingItem meeting={m} opened={m.id === opened} />)}
              </ul>
            )}
          </section>
          <NewMeeting unit={d.unit} onSaved={(n) => { setNotice(t().meetingSaved(n)); load.reload(); }} />
        </>
      )}
    </Loaded>
  );
}

// `opened`: the session the address names, open and scrolled to on arrival.
function MeetingItem({ meeting: m, opened }: { meeting: Meeting; opened: boolean }) {
  const [detail, setDetail] = useState<Schemas["MeetingWithDirectives"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(false);
  const item = useRef<HTMLLIElement>(null);
  const fetchDetail = async () => {
    if (asked.current) return;
    asked.current = true;
    try {
      setDetail(await ok(api.GET("/meetings/{id}", { params: { path: { id: m.id } } })));
    } catch (x) {
      asked.current = false;
      setError(x);
    }
  };
  useEffect(() => {
    if (!opened) return;
    void fetchDetail();
    item.current?.scrollIntoView({ block: "start" });
  }, [opened]);  // eslint-disable-line react-hooks/exhaustive-deps
  const open = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open) void fetchDetail();
  };
  return (
    <li ref={item} class={opened ? "opened" : undefined}>
      <details data-id={m.id} open={opened} onToggle={open}>
        <summary>
          <strong>{formatDate(m.held_on)}</strong> — {m.host}
          {m.chair ? `, ${m.chair}` : ""}
        </summary>
        <ErrorBox error={error} />
        {detail ? (
          <div class="meeting-body">
            {detail.attendees.length > 0 && <p class="muted">{detail.attendees.join("; ")}</p>}
            <p style="white-space:pre-line">{detail.conclusions}</p>
            <p>
              <a class="download-notice" download href={`/api/v1/meetings/${m.id}/notice.docx`}>{t().downloadNotice}</a>
            </p>
            <p>
              <strong>{t().directivesOf(detail.directives.length)}</strong>
            </p>
            <ul>
              {detail.directives.map((d) => (
                <li>
                  <span class={`badge ${d.state}`}>{d.state_label}</span> {d.text}{" "}
                  <span class="muted">— {d.assignee.name}, {deadlineText(d)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          !error && <div class="meeting-body muted">{t().loading}</div>
        )}
      </details>
    </li>
  );
}

// What a report deadline asks for when the form leaves it empty (stored in Vietnamese, as the data is).
const REPORT_DEFAULT = "báo cáo kết quả";

interface DirectiveDraft {
  text: string;
  assignee: string;
  deadline: string;
  standing: boolean; // "thường xuyên": no final deadline
  reportBy: string; // a deadline before the final one ("báo cáo trước 25/11"), dd/mm/yyyy
  reportWhat: string; // what is due by then
}

function dateProblem(text: string): string {
  return text.trim() !== "" && parseVietnameseDate(text) === null ? t().badDate : "";
}

function NewMeeting({ unit, onSaved }: { unit: Unit; onSaved: (directives: number) => void }) {
  const empty = { heldOn: "", host: "", chair: "", attendees: "", conclusions: "" };
  const [f, setF] = useState(empty);
  const [rows, setRows] = useState<DirectiveDraft[]>([{ text: "", assignee: "", deadline: "", standing: false, reportBy: "", reportWhat: "" }]);
  // Date messages show once a field is left or the form submitted, and go as soon as the date is right.
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState("");
  const [error, setError] = useState<unknown>(null);
  const setRow = (i: number, r: Partial<DirectiveDraft>) => setRows(rows.map((x, k) => (k === i ? { ...x, ...r } : x)));
  const seen = (id: string) => setChecked({ ...checked, [id]: true });
  const heldError = checked["held-on"] ? (f.heldOn.trim() ? dateProblem(f.heldOn) : t().badDate) : "";
  const submit = async (e: Event) => {
    e.preventDefault();
    const all: Record<string, boolean> = { "held-on": true, host: true };
    rows.forEach((_, i) => {
      all[`d-deadline-${i}`] = true;
      all[`d-report-by-${i}`] = true;
    });
    setChecked(all);
    const held = parseVietnameseDate(f.heldOn);
    const okRows = rows.every((r) => (r.standing || !dateProblem(r.deadline)) && !dateProblem(r.reportBy));
    if (!held || !f.host.trim() || !okRows) {
      setProblem(t().fixErrors);
      return;
    }
    setProblem("");
    const directives = rows
      .filter((r) => r.text.trim())
      .map((r) => ({
        text: r.text.trim(),
        assignee: { kind: "body" as const, name: r.assignee.trim() || unit.full_name },
        deadline: !r.standing && r.deadline.trim() ? parseVietnameseDate(r.deadline) : null,
        standing: r.standing,
        milestones: r.reportBy.trim()
          ? [{ on: parseVietnameseDate(r.reportBy) ?? "", what: r.reportWhat.trim() || REPORT_DEFAULT }]
          : [],
      }));
    try {
      const saved = await withProgress(ok(api.POST("/meetings", {
        body: {
          unit: unit.id,
          held_on: held,
          host: f.host.trim(),
          chair: f.chair.trim(),
          attendees: f.attendees.split("\n").map((s) => s.trim()).filter(Boolean),
          conclusions: f.conclusions.trim(),
          directives,
        },
      })));
      setF(empty);
      setRows([{ text: "", assignee: "", deadline: "", standing: false, reportBy: "", reportWhat: "" }]);
      setChecked({});
      setError(null);
      onSaved(saved.directives.length);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <form class="card" id="new-meeting" novalidate onSubmit={submit}>
      <h2>{t().newMeeting}</h2>
      <div class="toolbar">
        <div>
          <label for="held-on">{t().heldOn}</label>
          <input id="held-on" size={12} inputmode="numeric" placeholder="dd/mm/yyyy" required value={f.heldOn}
                 aria-invalid={heldError ? "true" : "false"} onInput={(e) => setF({ ...f, heldOn: e.currentTarget.value })} onChange={() => seen("held-on")} />
          <span class="error" id="held-on-error" role="alert">{heldError}</span>
        </div>
        <div>
          <label for="host">{t().host}</label>
          <input id="host" size={30} required value={f.host} onInput={(e) => setF({ ...f, host: e.currentTarget.value })} />
          <span class="error" id="host-error" role="alert">{checked.host && !f.host.trim() ? t().required : ""}</span>
        </div>
        <div>
          <label for="chair">{t().chair}</label>
          <input id="chair" size={30} value={f.chair} onInput={(e) => setF({ ...f, chair: e.currentTarget.value })} />
        </div>
      </div>
      <label for="attendees">{t().attendees}</label>
      <textarea id="attendees" rows={3} value={f.attendees} onInput={(e) => setF({ ...f, attendees: e.currentTarget.value })} />
      <label for="conclusions">{t().conclusions}</label>
      <textarea id="conclusions" rows={4} value={f.conclusions} onInput={(e) => setF({ ...f, conclusions: e.currentTarget.value })} />
      <div id="directive-rows">
        {rows.map((r, i) => {
          const id = `d-deadline-${i}`;
          const bad = checked[id] ? dateProblem(r.deadline) : "";
          return (
            <fieldset class="directive-row" data-row={i}>
              <legend>{t().directives} {i + 1}</legend>
              <label for={`d-text-${i}`}>{t().directiveText}</label>
              <textarea id={`d-text-${i}`} rows={2} value={r.text} onInput={(e) => setRow(i, { text: e.currentTarget.value })} />
              <div class="toolbar">
                <div>
                  <label for={`d-assignee-${i}`}>{t().assignee}</label>
                  <input id={`d-assignee-${i}`} size={30} value={r.assignee} onInput={(e) => setRow(i, { assignee: e.currentTarget.value })} />
                </div>
                <div>
                  <label for={id}>{t().deadlineInput}</label>
                  <input id={id} size={12} inputmode="numeric" placeholder="dd/mm/yyyy" value={r.standing ? "" : r.deadline}
                         disabled={r.standing} aria-invalid={bad && !r.standing ? "true" : "false"}
                         onInput={(e) => setRow(i, { deadline: e.currentTarget.value })} onChange={() => seen(id)} />
                  <span class="error" id={`${id}-error`} role="alert">{r.standing ? "" : bad}</span>
                </div>
                <div>
                  <label>
                    <input type="checkbox" id={`d-standing-${i}`} checked={r.standing}
                           onChange={(e) => setRow(i, { standing: e.currentTarget.checked })} /> {t().standing}
                  </label>
                </div>
                <div>
                  <label for={`d-report-by-${i}`}>{t().reportByInput}</label>
                  <input id={`d-report-by-${i}`} size={12} inputmode="numeric" placeholder="dd/mm/yyyy" value={r.reportBy}
                         aria-invalid={checked[`d-report-by-${i}`] && dateProblem(r.reportBy) ? "true" : "false"}
                         onInput={(e) => setRow(i, { reportBy: e.currentTarget.value })} onChange={() => seen(`d-report-by-${i}`)} />
                  <span class="error" id={`d-report-by-${i}-error`} role="alert">{checked[`d-report-by-${i}`] ? dateProblem(r.reportBy) : ""}</span>
                </div>
                <div>
                  <label for={`d-report-what-${i}`}>{t().reportWhatInput}</label>
                  <input id={`d-report-what-${i}`} size={24} value={r.reportWhat} placeholder={t().reportDefault}
                         onInput={(e) => setRow(i, { reportWhat: e.currentTarget.value })} />
                </div>
              </div>
            </fieldset>
          );
        })}
      </div>
      <p>
        <button type="button" class="link" id="add-directive"
                onClick={() => {
                  setRows([...rows, { text: "", assignee: "", deadline: "", standing: false, reportBy: "", reportWhat: "" }]);
                  setTimeout(() => document.getElementById(`d-text-${rows.length}`)?.focus());
                }}>
          + {t().addDirective}
        </button>
      </p>
      <div id="meeting-error">
        <p class="error" role="alert">{problem}</p>
        <ErrorBox error={error} />
      </div>
      <button type="submit">{t().create}</button>
    </form>
  );
}
