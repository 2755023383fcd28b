// Import results from an Excel or CSV file: the server checks the whole file
// first and every problem is listed with its row and column; nothing is
// stored until the user confirms a file without problems.
import { api, ok } from "../api/client";
import { SheetImport } from "../components/sheet-import";
import { t } from "../i18n";

export function Import() {
  return (
    <section class="card">
      <h1>{t().import}</h1>
      <p class="muted">{t().importHelp}</p>
      <SheetImport send={(body) => ok(api.POST("/imports/results", { body }))} storedText={t().storedRows} />
    </section>
  );
}
