// A target as the plans page writes it: "≥ 45 doanh nghiệp", "tăng 10,5%
// so với năm 2025" (the server's words for a change), "10–12%" for a band.
import type { components } from "../api/schema";
import { formatAmount, formatNumber } from "../format";
import { t } from "../i18n";
import { getLang } from "../lang";

type Target = components["schemas"]["Plan"]["targets"][number];

export function targetText(target: Target, unit: string): string {
  const lang = getLang();
  if (target.form_text) return target.form_text;
  if (target.comparator === "∈" && target.value_high !== null) {
    return `${formatNumber(target.value, lang, 2)}–${formatAmount(target.value_high, unit, lang)}`;
  }
  const first = `${target.comparator} ${formatAmount(target.value, unit, lang)}`;
  if (target.adjusted === null) return first;
  // Adjusted during the year: judged on the adjusted level, the first one kept beside it.
  const by = target.adjusted_by ? ` (${target.adjusted_by})` : "";
  return `${t().adjustedTo} ${formatAmount(target.adjusted, unit, lang)}${by}; ${t().firstSet} ${first}`;
}
