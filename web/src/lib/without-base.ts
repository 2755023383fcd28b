// What a roll-up says of the units it left out for want of a base: a rate
// reported without numerator and denominator, or a weighted mean's unit
// without its weight (income per head without the population).
import { t } from "../i18n";

export function withoutBaseText(indicator: { weight_by: string }, units: number): string {
  return indicator.weight_by ? t().withoutWeight(units, indicator.weight_by) : t().bareRates(units);
}
