// Importing a spreadsheet (results, plans): the server checks the whole file
// first and every problem is listed with its row and column; nothing is
// stored until the user confirms a file without problems, and then it is
// stored whole or not at all. `send` posts the file to the page's import.
import { useState } from "preact/hooks";
import { ApiError, type Schemas } from "../api/client";
import { t } from "../i18n";
import { toBase64 } from "../lib/base64";
import { withProgress } from "../lib/progress";
import { ErrorBox } from "./error-box";

export type Outcome = Schemas["ImportOutcome"];
export type ImportBody = { file_name: string; content_base64: string; check_only: boolean };

const MAX_BYTES = 6 * 1024 * 1024;  // 8 MB of JSON once in base64

// The outcome comes with 422 when there are problems: read it from the error.
async function post(send: (body: ImportBody) => Promise<Outcome>, body: ImportBody): Promise<Outcome> {
  try {
    return await withProgress(send(body));
  } catch (e) {
    if (e instanceof ApiError && e.status === 422 && e.body) return e.body as Outcome;
    throw e;
  }
}

export function SheetImport({ send, storedText, onStored, describeError }: {
  send: (body: ImportBody) => Promise<Outcome>;
  storedText: (n: number) => string;
  onStored?: () => void;
  // What to say for a refusal (a 403 naming the role missing), else the error's own message.
  describeError?: (e: unknown) => string | null;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState("");
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [stored, setStored] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const reset = () => {
    setPreview(null);
    setStored(null);
    setError(null);
    setTooLarge(false);
  };
  const check = async () => {
    if (!file) return;
    reset();
    if (file.size > MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    try {
      const c = toBase64(new Uint8Array(await file.arrayBuffer()));
      setContent(c);
      setPreview(await post(send, { file_name: file.name, content_base64: c, check_only: true }));
    } catch (e) {
      setError(e);
    }
  };
  const store = async () => {
    if (!file) return;
    try {
      const done = await post(send, { file_name: file.name, content_base64: content, check_only: false });
      setStored(done);
      if (done.problems.length === 0) onStored?.();
    } catch (e) {
      setError(e);
    }
  };
  const refusal = error && describeError ? describeError(error) : null;
  return (
    <>
      <label for="import-file">{t().importFile}</label>
      <input id="import-file" type="file" accept=".xlsx,.csv,text/csv" onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); reset(); }} />
      <p>
        <button type="button" id="check" disabled={!file} onClick={check}>{t().check}</button>
      </p>
      <div id="import-error">
        {tooLarge && <p class="error" role="alert">{t().tooLarge}</p>}
        {refusal && <p class="error" role="alert" id="import-refused">{refusal}</p>}
        {!refusal && <ErrorBox error={error} retry={check} />}
      </div>
      <div id="import-result" aria-live="polite">
        {stored ? (
          stored.problems.length ? (
            <p class="error" id="import-summary">{t().problemsFound(stored.problems.length, stored.rows)}</p>
          ) : (
            <p id="import-summary" role="status">{storedText(stored.stored)}</p>
          )
        ) : preview && preview.problems.length > 0 ? (
          <>
            <p class="error" id="import-summary">{t().problemsFound(preview.problems.length, preview.rows)}</p>
            <div class="scroll">
              <table id="problems">
                <thead>
                  <tr>
                    <th scope="col">{t().sheet}</th>
                    <th scope="col" class="num">{t().row}</th>
                    <th scope="col">{t().column}</th>
                    <th scope="col">{t().problem}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((p) => (
                    <tr>
                      <td>{p.sheet}</td>
                      <td class="num">{p.row || ""}</td>
                      <td>{p.column ?? ""}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : preview ? (
          <>
            <p id="import-summary">{t().readyToStore(preview.rows)}</p>
            <button type="button" id="store" onClick={store}>{t().storeAll}</button>
          </>
        ) : null}
      </div>
    </>
  );
}
