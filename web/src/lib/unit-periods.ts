// Periods against a unit's valid dates, as the server judges them (a unit has
// a month when it exists on the month's last day): which periods a unit that
// ended or was formed in the 2025 reorganisation has figures for, and the
// month its entry form opens on. No DOM, no language: unit-tested.

// The first and last month ("YYYY-MM") a period key covers.
export function periodMonths(key: string): [string, string] {
  const y = key.slice(0, 4);
  const range = /^(\d{4}-\d{2})\/(\d{4}-\d{2})$/.exec(key);
  if (range) return [range[1], range[2]];
  if (/^\d{4}-\d{2}$/.test(key)) return [key, key];
  const half = /^\d{4}-H([12])$/.exec(key);
  if (half) return half[1] === "1" ? [`${y}-01`, `${y}-06`] : [`${y}-07`, `${y}-12`];
  const quarter = /^\d{4}-Q([1-4])$/.exec(key);
  if (quarter) {
    const q = Number(quarter[1]);
    return [`${y}-${String(q * 3 - 2).padStart(2, "0")}`, `${y}-${String(q * 3).padStart(2, "0")}`];
  }
  return [`${y}-01`, `${y}-12`];
}

// How many months a period key covers: 12 for a year, 10 for "2018-01/2018-10".
export function monthCount(key: string): number {
  const [first, last] = periodMonths(key);
  const at = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return at(last) - at(first) + 1;
}

// The last day ("YYYY-MM-DD") of a month "YYYY-MM".
function endOfMonth(m: string): string {
  const d = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}

function monthOf(day: string): string {
  return day.slice(0, 7);
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - 86400000).toISOString().slice(0, 10);
}

function prevMonth(m: string): string {
  const y = Number(m.slice(0, 4)), mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, "0")}`;
}

// Whether a unit valid from `from` until before `to` (ISO days, either null:
// open) has month `m`: as the server judges it, it exists on the month's last day.
function hasMonth(m: string, from: string | null, to: string | null): boolean {
  const last = endOfMonth(m);
  return (!from || from <= last) && (!to || last < to);
}

// Where a period stands against a unit's valid dates: "ok" when the unit has
// every month of it, "before" when it starts before the unit was formed,
// "after" when it ends after the unit ended (the server refuses both).
export function periodAgainstUnit(key: string, from: string | null, to: string | null): "ok" | "before" | "after" {
  const [first, last] = periodMonths(key);
  if (!hasMonth(first, from, to) && from && endOfMonth(first) < from) return "before";
  if (!hasMonth(last, from, to)) return "after";
  return "ok";
}

// The month a unit's entry form opens on: `wanted` when the unit had it,
// else the unit's last month (it has ended) or its first (formed later).
export function monthWithinUnit(wanted: string, from: string | null, to: string | null): string {
  const where = periodAgainstUnit(wanted, from, to);
  if (where === "before" && from) return monthOf(from);
  if (where === "after" && to) {
    const m = monthOf(dayBefore(to));
    return hasMonth(m, from, to) ? m : prevMonth(m);
  }
  return wanted;
}
