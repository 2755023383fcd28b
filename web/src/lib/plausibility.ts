// Whether a figure typed in the entry form looks wrong enough to question
// (never to refuse: the official may know better): a rate over 100%, or a
// figure more than 3× or less than a third of the same period last year. A
// negative count is refused instead, as the server refuses it
// (src/core/observation.cc). Tested in plausibility.test.ts.
import type { Indicator } from "../api/client";

export type Doubt = "overHundred" | "overThreeTimes" | "underThird";

type Kind = Pick<Indicator, "value_kind" | "unit" | "allow_negative">;

export function doubtOf(value: number, indicator: Kind, lastYear: number | null | undefined): Doubt | null {
  const rate = indicator.value_kind !== "number" || indicator.unit === "%";
  if (rate && value > 100) return "overHundred";
  // A rate that may be negative (a growth rate) can change sign from one year to
  // the next: "3×" means nothing there. A negative count is refused, not compared.
  if (lastYear === null || lastYear === undefined || !(lastYear > 0) || indicator.allow_negative || value < 0) return null;
  if (value > 3 * lastYear) return "overThreeTimes";
  if (value < lastYear / 3) return "underThird";
  return null;
}

// A negative value of an indicator that cannot be negative (a count, an amount, a share).
export function refusedAsNegative(value: number, indicator: Pick<Indicator, "allow_negative">): boolean {
  return value < 0 && !indicator.allow_negative;
}
