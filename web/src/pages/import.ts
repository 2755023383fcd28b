// Import results from an Excel or CSV file: the server checks the whole file
// first and every problem is listed with its row and column; nothing is
// stored until the user confirms a file without problems.
import { ApiError, api } from "../api";
import { t } from "../i18n";
import { escapeHtml } from "../format";
import { withProgress } from "../main";

interface Outcome {
  file_name: string;
  rows: number;
  stored: number;
  problems: { sheet: string; row: number; column: string | null; message: string }[];
}

const MAX_BYTES = 6 * 1024 * 1024;  // 8 MB of JSON once in base64

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// The outcome comes with 422 when there are problems: read it from the error.
async function send(file_name: string, content_base64: string, check_only: boolean): Promise<Outcome> {
  try {
    return await api<Outcome>("POST", "/imports/results", { file_name, content_base64, check_only });
  } catch (e) {
    if (e instanceof ApiError && e.status === 422 && e.body) return e.body as Outcome;
    throw e;
  }
}

export async function renderImport(main: HTMLElement): Promise<void> {
  main.innerHTML = `<section class="card"><h1>${t().import}</h1>
      <p class="muted">${escapeHtml(t().importHelp)}</p>
      <label for="import-file">${t().importFile}</label>
      <input id="import-file" type="file" accept=".xlsx,.csv,text/csv" />
      <p><button type="button" id="check" disabled>${t().check}</button></p>
      <p class="error" id="import-error" role="alert"></p>
      <div id="import-result" aria-live="polite"></div></section>`;
  const input = document.getElementById("import-file") as HTMLInputElement;
  const check = document.getElementById("check") as HTMLButtonElement;
  const out = document.getElementById("import-result")!;
  const error = document.getElementById("import-error")!;
  input.onchange = () => {
    check.disabled = !input.files?.length;
    out.innerHTML = "";
    error.textContent = "";
  };
  check.onclick = async () => {
    const file = input.files?.[0];
    if (!file) return;
    error.textContent = "";
    out.innerHTML = "";
    if (file.size > MAX_BYTES) {
      error.textContent = t().tooLarge;
      return;
    }
    try {
      const content = toBase64(new Uint8Array(await file.arrayBuffer()));
      const preview = await withProgress(send(file.name, content, true));
      if (preview.problems.length > 0) {
        out.innerHTML = `<p class="error" id="import-summary">${escapeHtml(t().problemsFound(preview.problems.length, preview.rows))}</p>
          <table id="problems"><thead><tr><th scope="col">${t().sheet}</th><th scope="col" class="num">${t().row}</th>
            <th scope="col">${t().column}</th><th scope="col">${t().problem}</th></tr></thead><tbody>${preview.problems
            .map((p) => `<tr><td>${escapeHtml(p.sheet)}</td><td class="num">${p.row || ""}</td><td>${escapeHtml(p.column ?? "")}</td>
              <td>${escapeHtml(p.message)}</td></tr>`).join("")}</tbody></table>`;
        return;
      }
      out.innerHTML = `<p id="import-summary">${escapeHtml(t().readyToStore(preview.rows))}</p>
        <button type="button" id="store">${t().storeAll}</button>`;
      document.getElementById("store")!.onclick = async () => {
        const stored = await withProgress(send(file.name, content, false));
        out.innerHTML = stored.problems.length
          ? `<p class="error" id="import-summary">${escapeHtml(t().problemsFound(stored.problems.length, stored.rows))}</p>`
          : `<p id="import-summary" role="status">${escapeHtml(t().storedRows(stored.stored))}</p>`;
      };
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : String(e);
    }
  };
}
