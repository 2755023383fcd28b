// Shows a Load: its error with a retry, nothing while the first answer is on
// its way (the progress toast says so), then the content. While reloading,
// the previous content stays and is marked busy.
import type { ComponentChildren } from "preact";
import type { Load } from "../lib/use-load";
import { ErrorBox } from "./error-box";

export function Loaded<T>({ load, children }: { load: Load<T>; children: (data: T) => ComponentChildren }) {
  if (load.error) return <ErrorBox error={load.error} retry={load.reload} />;
  if (load.data === undefined) return null;
  return <div aria-busy={load.loading ? "true" : "false"}>{children(load.data)}</div>;
}
