import type { EChartsInitOpts, EChartsType } from 'echarts/core';
import { Timeline } from '../core/api-types';
import { BuiltChart, buildTimelineOption } from './timeline-chart-options';

type Init = (dom: null, theme: null, options: EChartsInitOpts) => EChartsType;

const ECHARTS_META = / ecmeta_[a-z_]+="[^"]*"/g;

/**
 * The chart as SVG markup at the given width, drawn by ECharts' server-side renderer from the same option
 * the page draws. On screen it keeps its zoom slider, so that it looks as the interactive chart will;
 * printed, it has no slider and no tooltip.
 */
export function drawPicture(init: Init, chart: BuiltChart, width: number, forPrint = false): string {
  const height = forPrint ? chart.height - 40 : chart.height;
  const instance = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const option = forPrint ? { ...chart.option, dataZoom: [], tooltip: { show: false } } : chart.option;
    instance.setOption(option, { notMerge: true });
    // Without the attributes ECharts adds for a chart it would take over in a page (`ecmeta_…` on every
    // element, a third of the markup): a picture is only looked at.
    return instance.renderToSVGString().replace(ECHARTS_META, '');
  } finally {
    instance.dispose();
  }
}

/**
 * The stay's chart as the admission page draws it, as SVG markup: what the server sends the page to show
 * while ECharts loads (chart-renderer.ts). "Now", for a current stay, is the timeline's generatedAt.
 */
export function stayPicture(
  init: Init,
  timeline: Timeline,
  options: { timeZone: string; width: number; compact: boolean },
): string {
  const chart = buildTimelineOption(timeline, {
    timeZone: options.timeZone,
    now: Date.parse(timeline.generatedAt),
    compact: options.compact,
  });
  return drawPicture(init, chart, options.width);
}

/** Narrow screens (phones) get the compact chart. */
export function compactScreen(): boolean {
  return typeof window !== 'undefined' && window.innerWidth < 600;
}

/**
 * The server, which renders the admission page with no screen to measure (ADR 13), draws the chart for a
 * screen 1184 px or wider (most ward computers): the page's column at its widest, 72rem.
 */
export const SERVER_CHART_WIDTH = 1152;

/**
 * The width the stay's chart will have on the admission page, before the page is there to measure: the
 * page's column (styles.scss `.page`: 1rem padding each side, content at most 72rem wide), which the chart
 * fills. Only a guess to ask for the picture early: the chart asks again when it has another width. On the
 * server, SERVER_CHART_WIDTH.
 */
export function estimatedChartWidth(): number {
  if (typeof document === 'undefined') return SERVER_CHART_WIDTH;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.max(0, Math.min(document.documentElement.clientWidth - 2 * rem, 72 * rem));
}
