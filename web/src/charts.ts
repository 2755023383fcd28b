// ECharts, loaded only with the dashboard: a trend line and a comparison bar chart.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
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

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

function chartIn(el: HTMLElement): echarts.ECharts {
  const existing = echarts.getInstanceByDom(el);
  if (existing) existing.dispose();
  const chart = echarts.init(el, undefined, { renderer: "canvas" });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

export function trendChart(el: HTMLElement, labels: string[], values: number[], lang: Lang): void {
  chartIn(el).setOption({
    animation: false,
    grid: { left: 70, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => formatNumber(Number(v), lang, 1) },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => axisLabel(v, lang) } },
    series: [{ type: "line", data: values, smooth: false, symbolSize: 6, color: "#0b5cad" }],
  });
}

export function compareChart(el: HTMLElement, labels: string[], values: (number | null)[], colors: string[], lang: Lang): void {
  chartIn(el).setOption({
    animation: false,
    grid: { left: 70, right: 16, top: 16, bottom: 90 },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => formatNumber(Number(v), lang, 1) },
    xAxis: { type: "category", data: labels, axisLabel: { rotate: 45, interval: 0, fontSize: 11 } },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => axisLabel(v, lang) } },
    series: [{ type: "bar", data: values.map((v, i) => ({ value: v, itemStyle: { color: colors[i] } })) }],
  });
}
