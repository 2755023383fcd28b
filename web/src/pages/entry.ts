// Data entry for a unit and period: one form for its indicators, Vietnamese
// number input checked as you type, save as draft, submit; approvers approve
// or send back with a comment; the history of each figure.
import { api, ApiError, getLang, type Indicator, type Page, type Unit } from "../api";
import { t } from "../i18n";
import { escapeHtml, formatDate, formatNumber, parseVietnameseNumber } from "../format";
import { navigate, withProgress, type Session } from "../main";

interface Result {
  id: number;
  indicator: string;
  period: string;
  value: number;
  status: "draft" | "submitted" | "approved";
  updated_by: string;
  updated_at: string;
}

export async function renderEntry(main: HTMLElement, params: URLSearchParams, session: Session): Promise<void> {
  const lang = getLang();
  const unitId = Number(params.get("unit") ?? sessionStorage.getItem("kd_unit") ?? session.user.roles.find((r) => r.unit !== null)?.unit ?? 0);
  const period = params.get("period") ?? `${new Date().getFullYear()}-${String(new Date().getMonth() + 1).padStart(2, "0")}`;
  if (!unitId) {
    main.innerHTML = `<p>${t().chooseUnitFirst} <a href="#/dashboard">${t().dashboard}</a></p>`;
    return;
  }
  const [unit, indicators, results] = await withProgress(
    Promise.all([
      api<Unit>("GET", `/units/${unitId}`),
      api<{ items: Indicator[] }>("GET", "/indicators"),
      api<Page<Result>>("GET", `/results?unit=${unitId}&period=${encodeURIComponent(period)}&page_size=500`),
    ]),
  );
  const byCode = new Map(results.items.map((r) => [r.indicator, r]));
  const canApprove = session.user.roles.some((r) => r.role === "admin" || (r.role === "approver" && r.unit !== unitId));
  const rows = indicators.items
    .filter((i) => i.value_kind !== "fraction")
    .map((i) => {
      const r = byCode.get(i.code);
      const locked = r?.status === "approved";
      return `<tr data-code="${i.code}" data-id="${r?.id ?? ""}">
        <td><label for="v-${i.code}">${escapeHtml(i.name)}</label> <span class="muted">(${escapeHtml(i.unit)})</span></td>
        <td class="num"><input id="v-${i.code}" inputmode="decimal" size="14" value="${r ? formatNumber(r.value, "vi", 6) : ""}"
             data-original="${r ? formatNumber(r.value, "vi", 6) : ""}" ${locked ? "readonly" : ""} aria-describedby="e-${i.code}" />
          <div class="error" id="e-${i.code}" aria-live="polite"></div></td>
        <td>${r ? `<span class="badge ${r.status === "approved" ? "met" : r.status === "submitted" ? "in_progress" : "no_data"}">${t().resultStatus[r.status]}</span>` : ""}</td>
        <td>${r && canApprove && r.status === "submitted" ? `<button type="button" class="approve">${t().approve}</button>
              <button type="button" class="link send-back">${t().sendBack}</button>` : ""}
            ${r ? `<button type="button" class="link history">${t().history}</button>` : ""}</td>
      </tr><tr class="history-row" hidden><td colspan="4"></td></tr>`;
    })
    .join("");
  main.innerHTML = `<section class="card"><h1>${t().entry}: ${escapeHtml(unit.full_name)}</h1>
      <div class="toolbar"><div><label for="entry-period">${t().period}</label>
        <input id="entry-period" value="${escapeHtml(period)}" size="18" aria-describedby="period-help" /></div>
        <p class="muted" id="period-help">${t().periodHelp}</p></div></section>
    <form class="card" id="entry" novalidate>
      <table><thead><tr><th scope="col">${t().indicator}</th><th scope="col" class="num">${t().result}</th><th scope="col">${t().status}</th><th scope="col"></th></tr></thead>
      <tbody>${rows}</tbody></table>
      <p class="error" id="entry-error" role="alert"></p><p id="entry-done" role="status"></p>
      <button type="submit" id="save">${t().saveDraft}</button> <button type="button" id="submit">${t().submit}</button>
    </form>`;
  (document.getElementById("entry-period") as HTMLInputElement).onchange = (e) =>
    navigate(`#/entry?unit=${unitId}&period=${encodeURIComponent((e.target as HTMLInputElement).value.trim())}`);
  const form = document.getElementById("entry") as HTMLFormElement;
  const check = (input: HTMLInputElement): number | null | undefined => {
    const err = document.getElementById("e-" + input.id.slice(2))!;
    const v = parseVietnameseNumber(input.value);
    const bad = input.value.trim() !== "" && v === null;
    err.textContent = bad ? t().notANumber : "";
    input.setAttribute("aria-invalid", bad ? "true" : "false");
    return bad ? undefined : v;
  };
  form.querySelectorAll<HTMLInputElement>("input[id^=v-]").forEach((input) => (input.oninput = () => check(input)));
  const reload = () => navigate(`#/entry?unit=${unitId}&period=${encodeURIComponent(period)}&r=${Date.now()}`);
  const fail = (e: unknown) => {
    document.getElementById("entry-error")!.textContent = e instanceof ApiError ? e.message : String(e);
  };
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const inputs = [...form.querySelectorAll<HTMLInputElement>("input[id^=v-]")];
    const values = inputs.map((i) => [i, check(i)] as const);
    if (values.some(([, v]) => v === undefined)) {
      document.getElementById("entry-error")!.textContent = t().fixErrors;
      return;
    }
    try {
      let saved = 0;
      for (const [input, v] of values) {
        if (v === null || v === undefined || input.value === input.dataset.original || input.readOnly) continue;
        await withProgress(api("POST", "/results", { unit: unitId, indicator: input.id.slice(2), period, value: v }));
        saved++;
      }
      document.getElementById("entry-done")!.textContent = t().saved(saved);
      reload();
    } catch (e) {
      fail(e);
    }
  };
  document.getElementById("submit")!.onclick = async () => {
    try {
      for (const r of results.items.filter((x) => x.status === "draft")) await api("POST", `/results/${r.id}/submit`);
      reload();
    } catch (e) {
      fail(e);
    }
  };
  form.querySelector("tbody")!.addEventListener("click", async (ev) => {
    const target = ev.target as HTMLElement;
    const tr = target.closest("tr[data-code]") as HTMLTableRowElement | null;
    if (!tr) return;
    const id = tr.dataset.id;
    try {
      if (target.classList.contains("approve")) {
        await api("POST", `/results/${id}/approve`);
        reload();
      } else if (target.classList.contains("send-back")) {
        const comment = window.prompt(t().sendBackWhy) ?? "";
        if (comment.trim()) {
          await api("POST", `/results/${id}/return`, { comment });
          reload();
        }
      } else if (target.classList.contains("history")) {
        const h = await api<{ events: { at: string; actor: string; action: string; new: { value?: number; reason?: string } | null }[] }>(
          "GET", `/results/${id}/history`);
        const row = tr.nextElementSibling as HTMLTableRowElement;
        row.hidden = !row.hidden;
        row.cells[0].innerHTML = `<ul>${h.events.map((e) => `<li>${formatDate(e.at)} ${escapeHtml(e.at.slice(11, 16))} — ${escapeHtml(e.actor)}: ${escapeHtml(t().action(e.action))}${
          e.new?.value !== undefined ? " " + formatNumber(e.new.value, lang, 6) : ""}${e.new?.reason ? " — " + escapeHtml(e.new.reason) : ""}</li>`).join("")}</ul>`;
      }
    } catch (e) {
      fail(e);
    }
  });
}
