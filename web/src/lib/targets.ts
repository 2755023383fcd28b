// A target as the plans page writes it: "≥ 45 doanh nghiệp", "tăng 10,5%
// so với năm 2025" (the server's words for a change), "10–12%" for a band.
import type { components } from "../api/schema";
import { formatAmount, formatNumber } from "../format";
import { getLang } from "../lang";

type Target = components["schemas"]["Plan"]["targets"][number];

export function targetText(target: Target, unit: string): string {
  const lang = getLang();
  if (target.form_text) return target.form_text;
  if (target.comparator === "∈" && target.value_high !== null) {
    return `${formatNumber(target.value, lang, 2)}–${formatAmount(target.value_high, unit, lang)}`;
  }
  return `${target.comparator} ${formatAmount(target.value, unit, lang)}`;
}
