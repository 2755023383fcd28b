// Choosing a unit: a search box (with or without diacritics) whose results,
// or else the given units, show as buttons.
import { useEffect, useState } from "preact/hooks";
import { api, ok, type Unit } from "../api/client";
import { ErrorBox } from "./error-box";

export function UnitButtons({ units, onPick }: { units: Unit[]; onPick: (u: Unit) => void }) {
  return (
    <>
      {units.map((u) => (
        <button type="button" data-unit={u.id} onClick={() => onPick(u)}>
          {u.full_name} <span class="muted">{u.code}</span>
        </button>
      ))}
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

