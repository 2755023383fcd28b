// "Thêm vào lịch": the iCalendar feed of a unit's directive deadlines
// (GET /api/v1/units/{code}/deadlines.ics). A calendar app sends no cookie, so
// the address carries a new API token of the user's own: the control makes
// one on request, shows the address to copy with how to subscribe, warns that
// it works like a password, and can revoke it.
import { useState } from "preact/hooks";
import { api, ok, type Unit } from "../api/client";
import { ErrorBox } from "./error-box";
import { formatDate, todayInVietnam } from "../format";
import { t } from "../i18n";
import { withProgress } from "../lib/progress";
import type { Session } from "../session";

// At most this many units are looked up for the choice.
const MAX_UNITS = 20;

// The units a feed can be made for: the user's own units (for an administrator,
// the units the board's directives came from), each as it is today: a unit
// that has ended stands for the units it became. The feed needs a code in use today.
async function feedUnits(session: Session, sources: number[]): Promise<Unit[]> {
  const own = session.user.roles.map((r) => r.unit).filter((u): u is number => u !== null);
  const ids = [...new Set(own.length > 0 ? own : sources)].slice(0, MAX_UNITS);
  const today = todayInVietnam();
  const alive = (u: { valid_to: string | null }) => u.valid_to === null || u.valid_to >= today;
  const units = await Promise.all(ids.map((id) => ok(api.GET("/units/{id}", { params: { path: { id } } }))));
  const out = new Map<string, Unit>();
  for (const u of units) {
    const now = alive(u) ? [u] : (u.successors ?? []).map((s) => s.unit).filter(alive);
    for (const x of now) if (!out.has(x.code)) out.set(x.code, x as Unit);
  }
  return [...out.values()];
}

interface Feed {
  url: string;
  id: string;
  expires: string;
}

export function CalendarFeed({ session, sources }: { session: Session; sources: number[] }) {
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [code, setCode] = useState("");
  const [feed, setFeed] = useState<Feed | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const opened = async (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || units) return;
    try {
      const list = await withProgress(feedUnits(session, sources));
      setUnits(list);
      setCode(list[0]?.code ?? "");
    } catch (x) {
      setError(x);
    }
  };
  const make = async () => {
    setError(null);
    setNote("");
    try {
      const made = await withProgress(ok(api.POST("/auth/tokens", { body: { label: t().calendarTokenLabel(code) } })));
      const url = `${location.origin}/api/v1/units/${encodeURIComponent(code)}/deadlines.ics?token=${encodeURIComponent(made.token)}`;
      setFeed({ url, id: made.id, expires: made.expires_at });
    } catch (x) {
      setError(x);
    }
  };
  const copy = async () => {
    if (!feed) return;
    const box = document.getElementById("calendar-url") as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(feed.url);
      setNote(t().copied);
    } catch {
      // No clipboard (a page served over plain http): select the address for Ctrl+C.
      box?.select();
      setNote(document.execCommand("copy") ? t().copied : t().copyByHand);
    }
  };
  const revoke = async () => {
    if (!feed) return;
    try {
      await withProgress(ok(api.DELETE("/auth/tokens/{id}", { params: { path: { id: feed.id } } })));
      setFeed(null);
      setNote(t().calendarRevoked);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <details class="card calendar no-print" id="calendar" onToggle={opened}>
      <summary>{t().addToCalendar}</summary>
      <p>{t().calendarAbout}</p>
      {units && units.length === 0 && <p class="error">{t().noCalendarUnit}</p>}
      {units && units.length > 0 && (
        <div class="toolbar">
          <div>
            <label for="calendar-unit">{t().calendarUnit}</label>
            <select id="calendar-unit" value={code} onChange={(e) => { setCode(e.currentTarget.value); setFeed(null); }}>
              {units.map((u) => <option value={u.code}>{u.full_name}</option>)}
            </select>
          </div>
          {/* One address at a time: each press makes a token, and a user holds at most 20. */}
          <button type="button" id="make-calendar" disabled={feed !== null} onClick={make}>{t().makeCalendarLink}</button>
        </div>
      )}
      {feed && (
        <div class="calendar-link">
          <label for="calendar-url">{t().calendarLink}</label>
          <input id="calendar-url" readOnly value={feed.url} onFocus={(e) => e.currentTarget.select()} />
          <div class="actions">
            <button type="button" id="copy-calendar" onClick={copy}>{t().copy}</button>
            <button type="button" class="secondary" id="revoke-calendar" onClick={revoke}>{t().revokeCalendar}</button>
          </div>
          <p class="warning" id="calendar-warning" role="note">{t().calendarWarning(formatDate(feed.expires))}</p>
        </div>
      )}
      <p role="status" id="calendar-note">{note}</p>
      <ErrorBox error={error} />
      <h3>{t().howToSubscribe}</h3>
      <ul class="calendar-help">
        <li>{t().subscribeGoogle}</li>
        <li>{t().subscribeOutlook}</li>
      </ul>
    </details>
  );
}
