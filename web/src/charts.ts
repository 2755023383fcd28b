// ECharts, loaded only with the dashboard: a trend line and a comparison bar chart.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { formatNumber } from "./format";
import type { Lang } from "./lang";

// Axis labels short enough to fit: "1,5 tỷ", "250 tr" for large amounts.
function axisLabel(v: number, lang: Lang): string {
  const vi = lang === "vi";
  if (Math.abs(v) >= 1e9) return `${formatNumber(v / 1e9, lang, 1)} ${vi ? "tỷ" : "bn"}`;
  if (Math.abs(v) >= 1e6) return `${formatNumber(v / 1e6, lang, 1)} ${vi ? "tr" : "m"}`;
  return formatNumber(v, lang, 1);
}

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

function chartIn(el: HTMLElement): echarts.ECharts {
  const existing = echarts.getInstanceByDom(el);
  if (existing) existing.dispose();
  const chart = echarts.init(el, undefined, { renderer: "canvas" });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

// The trend of a unit's figures: its own ("số liệu báo cáo", solid) and, for
// the periods before it was formed, those rebuilt from the units it was formed
// from ("tính theo địa giới mới", dashed), with the boundary marked at the
// label `boundary.at`.
export interface TrendSeries {
  labels: string[];
  reported: (number | null)[];
  rebuilt: (number | null)[];
  names: { reported: string; rebuilt: string };
  boundary: { at: string; text: string } | null;
}

export function trendChart(el: HTMLElement, t: TrendSeries, lang: Lang): void {
  const withRebuilt = t.rebuilt.some((v) => v !== null);
  const series: object[] = [
    {
      name: t.names.reported, type: "line", data: t.reported, smooth: false, symbolSize: 6, color: "#0b5cad",
      markLine: t.boundary ? {
        symbol: "none", silent: true, lineStyle: { color: "#8a5a00", type: "solid", width: 2 },
        label: { formatter: t.boundary.text, position: "insideEndTop", color: "#8a5a00" },
        data: [{ xAxis: t.boundary.at }],
      } : undefined,
    },
  ];
  if (withRebuilt) {
    series.push({ name: t.names.rebuilt, type: "line", data: t.rebuilt, smooth: false, symbol: "emptyCircle", symbolSize: 7,
                  color: "#6b6f76", lineStyle: { type: "dashed" } });
  }
  chartIn(el).setOption({
    animation: false,
    grid: { left: 70, right: 16, top: withRebuilt ? 40 : 24, bottom: 40 },
    legend: withRebuilt ? { top: 0, data: [t.names.reported, t.names.rebuilt] } : undefined,
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v === null || v === undefined ? "—" : formatNumber(Number(v), lang, 1)) },
    xAxis: { type: "category", data: t.labels },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => axisLabel(v, lang) } },
    series,
  });
}

// The units' results as horizontal bars in the order given (sorted by the
// caller), coloured by verdict, each labelled with its value.
export function compareChart(el: HTMLElement, labels: string[], values: (number | null)[], colors: string[],
                             label: (v: number) => string, lang: Lang): void {
  chartIn(el).setOption({
    animation: false,
    grid: { left: 8, right: 110, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: unknown) => label(Number(v)) },
    yAxis: { type: "category", data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
    xAxis: { type: "value", axisLabel: { formatter: (v: number) => axisLabel(v, lang) } },
    series: [{
      type: "bar", data: values.map((v, i) => ({ value: v, itemStyle: { color: colors[i] } })),
      label: { show: true, position: "right", fontSize: 11, formatter: (p: { value: unknown }) => label(Number(p.value)) },
    }],
  });
}
