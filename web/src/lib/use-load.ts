// Loading a page's data: the answer, the error (shown with a retry by
// <Loaded>), and reload(). An answer that arrives after the page moved on
// is dropped; a 401 sends the user to sign in again.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { withProgress } from "./progress";

export interface Load<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(f: () => void): void {
  onUnauthenticated = f;
}

export function handleUnauthenticated(e: unknown): boolean {
  if (e instanceof ApiError && e.status === 401) {
    onUnauthenticated();
    return true;
  }
  return false;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Load<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    withProgress(load()).then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error) => {
        if (mine !== generation.current) return;
        if (handleUnauthenticated(error)) return;
        setState({ error, loading: false });
      },
    );
  }, [...deps, tick]);  // eslint-disable-line react-hooks/exhaustive-deps
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
