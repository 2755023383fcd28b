// The approval inbox: what waits for the approver by unit and period (never
// their own figures), one period opened with its figures beside target and
// last year, and "Duyệt tất cả" / "Trả lại" for the whole period at once,
// pinned to the versions shown (the server refuses if any changed since).
import { useState } from "preact/hooks";
import { api, ok, type Schemas } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { formatDate, formatNumber } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import { href, navigate } from "../router";
import type { PageProps } from "../routes";

type InboxFigure = Schemas["InboxFigure"];

// The count of figures waiting, for the navigation; 0 when it cannot be read.
export async function inboxCount(): Promise<number> {
  try {
    return (await ok(api.GET("/inbox", { params: { query: { page_size: 1 } } }))).figures;
  } catch {
    return 0;
  }
}

// Tells the navigation to read the count again.
export function inboxChanged(): void {
  window.dispatchEvent(new Event("kd-inbox-changed"));
}

export function Inbox({ params }: PageProps) {
  const code = params.get("unit_code") ?? "";
  const period = params.get("period") ?? "";
  return code && period ? <InboxPeriod code={code} period={period} /> : <InboxList />;
}

function InboxList() {
  const load = useLoad(() => ok(api.GET("/inbox", { params: { query: { page_size: 500 } } })), []);
  return (
    <section class="card" id="inbox">
      <h1>{t().inbox}</h1>
      <Loaded load={load}>
        {(d) =>
          d.items.length === 0 ? (
            <p id="inbox-empty">{t().inboxEmpty}</p>
          ) : (
            <>
              <p class="muted" id="inbox-summary">{t().inboxSummary(d.figures, d.total)}</p>
              <table id="inbox-list">
                <thead>
                  <tr>
                    <th scope="col">{t().unit}</th>
                    <th scope="col">{t().period}</th>
                    <th scope="col" class="num">{t().waitingFigures}</th>
                    <th scope="col" class="hide-narrow">{t().submittedOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((g) => (
                    <tr data-code={g.unit.code} data-period={g.period.key}>
                      <td>
                        <a href={href("/inbox", { unit_code: g.unit.code, period: g.period.key })}>{g.unit.full_name}</a>
                        {g.unit.province && <div class="muted">{g.unit.province}</div>}
                      </td>
                      <td>{g.period.label}</td>
                      <td class="num">{g.count}</td>
                      <td class="hide-narrow">{formatDate(g.oldest_submitted_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function InboxPeriod({ code, period }: { code: string; period: string }) {
  const load = useLoad(
    () => ok(api.GET("/inbox/{unit_code}/{period}", { params: { path: { unit_code: code, period } } })),
    [code, period],
  );
  return (
    <Loaded load={load}>
      {(d) => (
        <section class="card" id="inbox-period">
          <p>
            <a href={href("/inbox")}>← {t().inbox}</a>
          </p>
          <h1>
            {d.unit.full_name}: {d.period.label}
          </h1>
          {d.unit.province && <p class="muted">{d.unit.province}</p>}
          {d.items.length === 0 ? (
            <p id="inbox-empty">{t().inboxPeriodEmpty}</p>
          ) : (
            <Review code={code} period={period} items={d.items} reload={load.reload} />
          )}
        </section>
      )}
    </Loaded>
  );
}

function Review({ code, period, items, reload }: { code: string; period: string; items: InboxFigure[]; reload: () => void }) {
  const lang = getLang();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (action: "approve" | "return") => {
    setError(null);
    setBusy(true);
    try {
      await withProgress(
        ok(
          api.POST("/inbox/{unit_code}/{period}", {
            params: { path: { unit_code: code, period } },
            body: { action, items: items.map((f) => ({ id: f.id, version: f.version })), comment: action === "return" ? comment.trim() : "" },
          }),
        ),
      );
      inboxChanged();
      navigate("/inbox");
    } catch (e) {
      setError(e);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <table id="inbox-figures">
        <thead>
          <tr>
            <th scope="col">{t().indicator}</th>
            <th scope="col" class="num">{t().result}</th>
            <th scope="col" class="num">{t().target}</th>
            <th scope="col" class="num">{t().lastYear}</th>
            <th scope="col" class="hide-narrow">{t().submittedBy}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr data-id={f.id} data-version={f.version}>
              <td>
                {f.indicator_info.name} <span class="muted">({f.indicator_info.unit})</span>
              </td>
              <td class="num">{formatNumber(f.value, lang, 6)}</td>
              <td class="num">{f.target === null ? "—" : formatNumber(f.target, lang, 6)}</td>
              <td class="num">{f.last_year === null ? "—" : formatNumber(f.last_year, lang, 6)}</td>
              <td class="hide-narrow">
                {f.submitted_by} <span class="muted">{formatDate(f.submitted_at)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBox error={error} id="inbox-error" />
      <div class="actions">
        <button type="button" id="approve-all" disabled={busy} onClick={() => decide("approve")}>
          {t().approveAll(items.length)}
        </button>{" "}
        <button type="button" id="return-all" class="secondary" disabled={busy} aria-expanded={returning ? "true" : "false"}
                onClick={() => setReturning(!returning)}>
          {t().sendBack}
        </button>
      </div>
      {returning && (
        <div id="return-form">
          <label for="return-comment">{t().sendBackWhy}</label>
          <textarea id="return-comment" rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <button type="button" id="return-confirm" disabled={busy || !comment.trim()} onClick={() => decide("return")}>
            {t().sendBackAll(items.length)}
          </button>
        </div>
      )}
    </>
  );
}

// The reporter's figures sent back, with the approver's comment: shown on the entry page.
export function Returned() {
  const load = useLoad(() => ok(api.GET("/returned", { params: { query: { page_size: 100 } } })), []);
  if (!load.data || load.data.items.length === 0) return load.error ? <ErrorBox error={load.error} retry={load.reload} /> : null;
  return (
    <section class="card" id="returned">
      <h2>{t().returned}</h2>
      <ul>
        {load.data.items.map((f) => (
          <li data-id={f.id}>
            <a href={href("/entry", { unit: f.unit, period: f.period })}>
              {f.indicator_info.name} — {f.unit_info.full_name}, {f.period_label}
            </a>
            <div>
              <span class="muted">{t().returnedBy(f.returned_by, formatDate(f.returned_at))}</span> {f.comment}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
