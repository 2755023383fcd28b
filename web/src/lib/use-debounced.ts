// A value that follows another once it has stopped changing for `ms`
// milliseconds: a filter typed letter by letter asks the server once.
import { useEffect, useState } from "preact/hooks";

export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
