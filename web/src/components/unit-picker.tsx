// Choosing a unit: a search box (with or without diacritics) whose results,
// or else the given units, show as buttons. A unit is named with its
// province (two wards are called Phường Quảng Phú), and a former one with
// its last day and what it became: "Phường Quảng Hưng (đến 30/06/2025) →
// Phường Quảng Phú"; choosing it opens what it became.
import { useEffect, useState } from "preact/hooks";
import { api, ok, type Unit } from "../api/client";
import { formatDate } from "../format";
import { t } from "../i18n";
import { ErrorBox } from "./error-box";

type Named = Pick<Unit, "full_name" | "province">;

// "Phường Quảng Phú, Tỉnh Thanh Hóa".
export function nameWithProvince(u: Named): string {
  return u.province ? `${u.full_name}, ${u.province}` : u.full_name;
}

// The last day of a unit that has ended ("30/06/2025"), or null.
export function lastDay(u: Pick<Unit, "valid_to">): string | null {
  if (!u.valid_to) return null;
  const d = new Date(`${u.valid_to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return formatDate(d.toISOString());
}

// Where choosing a unit leads: a former unit opens the unit it went into
// (the one it went into wholly, else the first).
export function landingUnit(u: Unit): number {
  const next = u.valid_to ? (u.successors ?? []) : [];
  if (next.length === 0) return u.id;
  return (next.find((l) => l.coverage === "full") ?? next[0]).unit.id;
}

export function UnitButtons({ units, onPick }: { units: Unit[]; onPick: (u: Unit) => void }) {
  return (
    <>
      {units.map((u) => {
        const until = lastDay(u);
        const next = until ? (u.successors ?? []) : [];
        return (
          <button type="button" data-unit={u.id} onClick={() => onPick(u)}>
            {u.full_name}
            {until && ` (${t().until(until)})`}
            {next.length > 0 && ` → ${next.map((l) => l.unit.full_name).join(", ")}`}
            {u.province && <span class="muted">, {u.province}</span>} <span class="muted">{u.code}</span>
          </button>
        );
      })}
    </>
  );
}

// `on`: the date units are named as of (dd/mm/yyyy).
export function useUnitSearch(on: string): { query: string; setQuery: (q: string) => void; found: Unit[] | null; error: unknown } {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Unit[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      ok(api.GET("/units", { params: { query: { q, on, page_size: 20 } } })).then(
        (r) => live && (setFound(r.items), setError(null)),
        (e) => live && setError(e),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, on]);
  return { query, setQuery, found, error };
}

export function UnitSearchError({ error }: { error: unknown }) {
  return error ? <ErrorBox error={error} /> : null;
}

