// A chart box: ECharts (loaded on first use) draws into it whenever `draw` changes.
import { useEffect, useRef } from "preact/hooks";

export function Chart({ id, labelledBy, draw }: { id: string; labelledBy: string; draw: ((el: HTMLElement) => void) | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current && draw) draw(box.current);
  }, [draw]);
  return <div class="chart" id={id} ref={box} role="img" aria-labelledby={labelledBy} />;
}
