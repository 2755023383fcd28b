// Sorting table rows by one column: numbers or Vietnamese text, empty values
// always last whichever the direction.
export function sortRows<T>(rows: T[], value: (r: T) => number | string | null, up: boolean): T[] {
  return [...rows].sort((a, b) => {
    const x = value(a), y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const d = typeof x === "string" ? x.localeCompare(String(y), "vi") : x - Number(y);
    return up ? d : -d;
  });
}
