import type { EChartsCoreOption } from 'echarts/core';
import { SIDE_EFFECT_LABELS } from '../ward/observation-labels';
import { SideEffect, Timeline, TimelineOrder } from '../core/api-types';
import { drugName, routeShort, valueWithUnit } from '../shared/order-words';
import {
  GRADE_MARKS,
  NEWS2_MARKS,
  POSS_AXIS_LABELS,
  axisTime,
  followUpPlot,
  isCurrentStay,
  itemPoints,
  news2Marks,
  notStartedSpan,
  pauseSpans,
  rateSteps,
  sedationPoints,
  sideEffectLanes,
  stayRange,
} from './timeline-series';
import { plottedColumns, sideEffectMarks } from './timeline-observations';
import { wardTickLabel, wardTicks } from './ward-ticks';

/*
 * ECharts options for the timeline: one chart, one lane (grid) per kind of value, all on one time axis
 * that zooms and pans together. Pure functions of the timeline, so they are tested without a browser.
 */

export interface ChartContext {
  timeZone: string;
  now: number;
  /** Narrow screens get shorter lanes and fewer labels. */
  compact?: boolean;
}

export interface BuiltChart {
  option: EChartsCoreOption;
  height: number;
  /** The time axis's ticks for the span shown (after a zoom or pan), on the ward's clock. */
  ticksFor?: (from: number, to: number) => number[];
}

/** Diagonal hatching for pauses, as an SVG image the SVG renderer repeats as a pattern. */
const HATCH =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">' +
      '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#8a6d00" stroke-width="1.5"/></svg>',
  );

const COLOURS = {
  rate: '#1f4e9c',
  pain: '#7b3294',
  sedation: '#008080',
  systolic: '#b3261e',
  diastolic: '#e07b6a',
  pulse: '#1b7837',
  respiration: '#2166ac',
  spo2: '#4d9221',
  temperature: '#8c510a',
};

/**
 * Above this many sets the lines are drawn without a marker per point (thousands of SVG shapes are slow
 * to draw); line patterns (solid, dashed, dotted) then tell the lines apart besides colour, and every
 * value stays in the flowsheet and in the tooltip.
 */
export const DENSE_SETS = 120;

interface Lane {
  title: string;
  height: number;
  yAxes: Record<string, unknown>[];
  series: Record<string, unknown>[];
  /** Names down the left of the lane (its category axis), which the left margin holds. */
  rowNames?: string[];
}

/**
 * The left margin, which holds every lane's axis labels: on a wide chart, wide enough for the longest row
 * name (side effects), up to a limit; row names are cut short with an ellipsis beyond it, never clipped
 * at the chart's edge. Estimated from the number of characters at the axes' 10 px font rather than
 * measured (see the grids below).
 */
function leftMargin(lanes: Lane[], compact: boolean): number {
  if (compact) return 44;
  const names = lanes.flatMap((lane) => lane.rowNames ?? []);
  const widest = Math.max(0, ...names.map((name) => Math.ceil(name.length * 5.6)));
  return Math.min(150, Math.max(64, widest + 12));
}

/** "Ketamine 2 mg/mL at 0.1 mg/kg/h IV, written by Dr A Smith: Starting rate": the order as written. */
export function orderWords(order: TimelineOrder, timeZone: string): string {
  const state =
    order.state === 'superseded'
      ? ' (superseded)'
      : order.state === 'entered-in-error'
        ? ' (entered in error)'
        : '';
  return (
    `${drugName(order.drug)} ${valueWithUnit(order.concentration)} at ${valueWithUnit(order.rate)} ` +
    `${routeShort(order.route)} from ${axisTime(Date.parse(order.effectiveFrom), timeZone)}${state}. ` +
    `Written by ${order.enteredByName}. Reason: ${order.reason}` +
    (order.endPoints ? `. Stop criteria: ${order.endPoints}` : '')
  );
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function rateLanes(timeline: Timeline, context: ChartContext): Lane[] {
  const pauses = pauseSpans(timeline.series.pauses, context.now);
  const notStarted = notStartedSpan(timeline, context.now);
  const halted = [
    ...(notStarted
      ? [
          [
            {
              xAxis: notStarted[0],
              itemStyle: { color: '#eceff1', opacity: 1 },
              label: { formatter: 'Not started', color: '#37474f' },
            },
            { xAxis: notStarted[1] },
          ],
        ]
      : []),
    ...pauses.map(([from, to]) => [{ xAxis: from }, { xAxis: to }]),
  ];
  const marks: Record<string, unknown>[] = [];
  for (const event of timeline.events) {
    if (event.type === 'start' || event.type === 'stop') {
      marks.push({
        xAxis: Date.parse(event.occurredAt),
        name: event.type === 'start' ? 'Start' : 'Stop',
        label: {
          formatter: event.type === 'start' ? '▶ Start' : '■ Stop',
          position: 'insideStartTop',
          fontSize: 10,
        },
        lineStyle: { color: '#202124', type: 'solid', width: 2 },
      });
    }
  }
  const lines = timeline.series.rate.length
    ? timeline.series.rate
    : [{ unit: 'no order' as const, segments: [] }];
  return lines.map((line, index) => ({
    title: context.compact
      ? `Ordered rate, ${line.unit} as written`
      : `Ordered rate (${line.unit}, as written)`,
    height: context.compact ? 70 : 90,
    yAxes: [{ type: 'value', min: 0, boundaryGap: [0, '30%'], splitNumber: 3 }],
    series: [
      {
        type: 'line',
        name: `Ordered rate ${line.unit}`,
        data: rateSteps(line as Timeline['series']['rate'][number], context.now),
        connectNulls: false,
        showSymbol: true,
        symbolSize: 4,
        lineStyle: { width: 2.5, color: COLOURS.rate },
        itemStyle: { color: COLOURS.rate },
        tooltip: { valueFormatter: (value: number) => `${value} ${line.unit}` },
        markArea:
          index === 0 && halted.length
            ? {
                silent: false,
                // The pattern's size is given, so that no image is loaded to learn it: pictures are drawn
                // where there is no Image (timeline-picture.ts), and the drawing never waits for one.
                itemStyle: {
                  color: { image: HATCH, imageWidth: 8, imageHeight: 8, repeat: 'repeat' },
                  opacity: 0.9,
                },
                label: {
                  show: true,
                  position: 'insideTop',
                  formatter: 'Paused',
                  color: '#3d3000',
                  fontSize: 10,
                },
                data: halted,
              }
            : undefined,
        markLine: index === 0 && marks.length ? { symbol: 'none', silent: true, data: marks } : undefined,
      },
    ],
  }));
}

function painLane(timeline: Timeline, context: ChartContext): Lane {
  const columns = plottedColumns(timeline.observations);
  return {
    title: context.compact
      ? 'Pain NRS ● and POSS ◆ (right)'
      : 'Pain NRS 0-10 (● solid) and POSS sedation (◆ dashed steps, right axis; S = asleep, easy to rouse)',
    height: context.compact ? 80 : 100,
    yAxes: [
      { type: 'value', min: 0, max: 10, interval: 5 },
      {
        type: 'value',
        min: 0,
        max: 4,
        interval: 1,
        position: 'right',
        axisLabel: { formatter: (value: number) => POSS_AXIS_LABELS[value] ?? '' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'line',
        name: 'Pain NRS',
        data: itemPoints(columns, 'painScore'),
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: columns.takenAt.length <= DENSE_SETS,
        lineStyle: { color: COLOURS.pain, width: 2 },
        itemStyle: { color: COLOURS.pain },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              yAxis: timeline.admission.baselinePain,
              name: 'Baseline',
              label: {
                formatter: `Baseline ${timeline.admission.baselinePain}`,
                position: baselineLabelAt(timeline.admission.baselinePain, 'insideStartTop'),
              },
              lineStyle: { type: 'dashed', color: COLOURS.pain },
            },
          ],
        },
      },
      {
        type: 'line',
        step: 'end',
        name: 'POSS sedation',
        yAxisIndexOffset: 1,
        data: sedationPoints(columns),
        symbol: 'diamond',
        symbolSize: 6,
        showSymbol: columns.takenAt.length <= DENSE_SETS,
        lineStyle: { color: COLOURS.sedation, width: 1.5, type: 'dashed' },
        itemStyle: { color: COLOURS.sedation },
        tooltip: { valueFormatter: (value: number) => POSS_AXIS_LABELS[value] ?? String(value) },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(179,38,30,0.08)' },
          label: {
            show: !context.compact,
            position: 'insideTopLeft',
            formatter: 'POSS 3-4',
            fontSize: 9,
            color: '#8c1d18',
          },
          data: [[{ yAxis: 2.5 }, { yAxis: 4 }]],
        },
      },
    ],
  };
}

function vitalsLanes(timeline: Timeline, context: ChartContext): Lane[] {
  const columns = plottedColumns(timeline.observations);
  const line = (
    name: string,
    item: Parameters<typeof itemPoints>[1],
    colour: string,
    symbol: string,
    extra = {},
  ) => ({
    type: 'line',
    name,
    data: itemPoints(columns, item),
    symbol,
    symbolSize: 5,
    showSymbol: columns.takenAt.length <= DENSE_SETS,
    lineStyle: { color: colour, width: 1.5 },
    itemStyle: { color: colour },
    ...extra,
  });
  const small = context.compact ? 70 : 90;
  return [
    {
      title: context.compact
        ? 'BP mmHg ▼ sys ▲ dia, pulse ● /min'
        : 'Blood pressure mmHg (▼ systolic, solid; ▲ diastolic, dashed) and pulse /min (● dotted)',
      height: context.compact ? 90 : 120,
      yAxes: [{ type: 'value', min: 30, max: 230, interval: 50 }],
      series: [
        line('Systolic BP', 'systolicBp', COLOURS.systolic, 'triangle', {
          symbolRotate: 180,
          tooltip: { valueFormatter: (value: number) => `${value} mmHg` },
        }),
        line('Diastolic BP', 'diastolicBp', COLOURS.diastolic, 'triangle', {
          lineStyle: { color: COLOURS.diastolic, width: 1.5, type: 'dashed' },
          tooltip: { valueFormatter: (value: number) => `${value} mmHg` },
        }),
        line('Pulse', 'pulse', COLOURS.pulse, 'circle', {
          lineStyle: { color: COLOURS.pulse, width: 1.5, type: 'dotted' },
          tooltip: { valueFormatter: (value: number) => `${value} /min` },
        }),
      ],
    },
    {
      title: context.compact
        ? 'Resp. rate ■ /min, SpO2 ● % (right)'
        : 'Respiration rate /min (■ solid) and SpO2 % (● dashed, right axis)',
      height: small,
      yAxes: [
        { type: 'value', min: 0, max: 40, interval: 10 },
        {
          type: 'value',
          min: 80,
          max: 100,
          interval: 10,
          position: 'right',
          splitLine: { show: false },
        },
      ],
      series: [
        line('Respiration rate', 'respirationRate', COLOURS.respiration, 'rect', {
          tooltip: { valueFormatter: (value: number) => `${value} /min` },
        }),
        line('SpO2', 'spo2', COLOURS.spo2, 'circle', {
          lineStyle: { color: COLOURS.spo2, width: 1.5, type: 'dashed' },
          yAxisIndexOffset: 1,
          tooltip: { valueFormatter: (value: number) => `${value} %` },
        }),
      ],
    },
    {
      title: 'Temperature °C',
      height: context.compact ? 60 : 70,
      yAxes: [{ type: 'value', min: 34, max: 42, interval: 2 }],
      series: [
        line('Temperature', 'temperatureC', COLOURS.temperature, 'circle', {
          tooltip: { valueFormatter: (value: number) => `${value} °C` },
        }),
      ],
    },
    {
      title: context.compact
        ? 'NEWS2 ● low ▲ low-med ◆ med ■ high ○ incompl.'
        : 'NEWS2 (● low, ▲ low-medium, ◆ medium, ■ high, ○? incomplete)',
      height: small,
      yAxes: [{ type: 'value', min: 0, max: 15, interval: 5 }],
      series: [
        {
          type: 'scatter',
          name: 'NEWS2',
          data: news2Marks(columns).map((mark) => ({
            value: [mark.at, mark.position],
            symbol: NEWS2_MARKS[mark.band].symbol,
            symbolSize: mark.band === 'low' || mark.band === 'incomplete' ? 7 : 11,
            itemStyle: { color: NEWS2_MARKS[mark.band].color, borderColor: NEWS2_MARKS[mark.band].color },
            label: {
              show: mark.band !== 'low' || (!context.compact && columns.takenAt.length <= DENSE_SETS),
              formatter: mark.label,
              position: 'top',
              fontSize: 9,
              color: NEWS2_MARKS[mark.band].color,
            },
            band: NEWS2_MARKS[mark.band].words,
          })),
          tooltip: {
            formatter: (params: { value: [number, number]; data: { band: string }; name: string }) =>
              `${axisTime(params.value[0], context.timeZone)}<br/>NEWS2 ${params.data.band === NEWS2_MARKS.incomplete.words ? 'incomplete: not scored' : `${params.value[1]} – ${params.data.band}`}`,
          },
        },
      ],
    },
  ];
}

function sideEffectLane(timeline: Timeline, context: ChartContext): Lane {
  const { effects, points } = sideEffectLanes(
    sideEffectMarks(timeline.observations),
    Object.keys(SIDE_EFFECT_LABELS),
  );
  const labels = effects.map((effect) => SIDE_EFFECT_LABELS[effect as SideEffect]);
  return {
    title: effects.length
      ? context.compact
        ? 'Side effects ● mild ▲ mod. ■ severe'
        : 'Side effects (● mild, ▲ moderate, ■ severe)'
      : 'Side effects: none graded mild or worse',
    height: Math.max(30, effects.length * (context.compact ? 16 : 20)),
    yAxes: [
      {
        type: 'category',
        data: labels,
        inverse: true,
        // Its width is the left margin's (buildTimelineOption).
        axisLabel: { fontSize: 10, overflow: 'truncate', ellipsis: '…' },
        splitLine: { show: true, lineStyle: { color: '#eee' } },
      },
    ],
    rowNames: labels,
    series: [
      {
        type: 'scatter',
        name: 'Side effects',
        data: points.map((point) => ({
          value: [point.at, SIDE_EFFECT_LABELS[point.effect as SideEffect]],
          symbol: GRADE_MARKS[point.grade].symbol,
          symbolSize: GRADE_MARKS[point.grade].size,
          itemStyle: { color: GRADE_MARKS[point.grade].color },
          grade: point.grade,
        })),
        tooltip: {
          formatter: (params: { value: [number, string]; data: { grade: string } }) =>
            `${axisTime(params.value[0], context.timeZone)}<br/>${escapeHtml(params.value[1])}: ${params.data.grade}`,
        },
      },
    ],
  };
}

/** The whole stay as one chart option, and the height it needs. */
export function buildTimelineOption(timeline: Timeline, context: ChartContext): BuiltChart {
  const lanes = [
    ...rateLanes(timeline, context),
    painLane(timeline, context),
    ...vitalsLanes(timeline, context),
    sideEffectLane(timeline, context),
  ];
  const [start, end] = stayRange(timeline, context.now);
  const showNow = isCurrentStay(timeline.admission.status);
  const ticksFor = (from: number, to: number) =>
    wardTicks(from, to, context.timeZone, context.compact ? 5 : 10);
  const ticks = ticksFor(start, end);
  const left = leftMargin(lanes, context.compact ?? false);
  const right = context.compact ? 36 : 52;
  const titleGap = 22;
  let top = 8;
  const grids: Record<string, unknown>[] = [];
  const titles: Record<string, unknown>[] = [];
  const xAxes: Record<string, unknown>[] = [];
  const yAxes: Record<string, unknown>[] = [];
  const series: Record<string, unknown>[] = [];
  const ordersById = new Map(timeline.orders.map((order) => [order.id, order]));
  lanes.forEach((lane, gridIndex) => {
    titles.push({
      text: lane.title,
      top,
      left: 4,
      textStyle: {
        fontSize: context.compact ? 11 : 12,
        fontWeight: 600,
        color: '#202124',
        width: 900,
        overflow: 'truncate',
      },
    });
    top += titleGap;
    // The margins are fixed and hold the labels: no first pass measuring every axis label to fit the
    // grid inside the chart (ECharts 6's outer bounds), which cost a sixth of the first drawing.
    grids.push({ left, right, top, height: lane.height, outerBoundsMode: 'none' });
    top += lane.height + 14;
    const last = gridIndex === lanes.length - 1;
    xAxes.push({
      type: 'time',
      gridIndex,
      min: start,
      max: end,
      // Ticks on the ward's clock (midnights, whole hours), whatever the browser's zone.
      axisTick: { customValues: ticks },
      axisLabel: {
        show: last || gridIndex === 0,
        hideOverlap: true,
        fontSize: 10,
        customValues: ticks,
        formatter: (value: number) => wardTickLabel(value, context.timeZone),
      },
      axisPointer: {
        label: { formatter: (params: { value: number }) => axisTime(params.value, context.timeZone) },
      },
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
    });
    const firstY = yAxes.length;
    lane.yAxes.forEach((axis) => {
      const axisLabel = (axis['axisLabel'] as object | undefined) ?? { fontSize: 10 };
      // Row names fill the margin, less the gap before the axis line.
      const width = lane.rowNames ? { width: left - 8 } : {};
      yAxes.push({ gridIndex, ...axis, axisLabel: { ...axisLabel, ...width } });
    });
    lane.series.forEach((entry, index) => {
      const { yAxisIndexOffset, ...rest } = entry as { yAxisIndexOffset?: number };
      const item: Record<string, unknown> = {
        ...rest,
        xAxisIndex: gridIndex,
        yAxisIndex: firstY + (yAxisIndexOffset ?? 0),
        animation: false,
      };
      if (index === 0 && showNow && !item['markLine']) {
        item['markLine'] = { symbol: 'none', silent: true, data: [] };
      }
      if (index === 0 && showNow) {
        const markLine = item['markLine'] as { data: unknown[] };
        markLine.data = [
          ...markLine.data,
          {
            xAxis: context.now,
            name: 'Now',
            label: { show: gridIndex === 0, formatter: 'Now', position: 'insideEndTop', color: '#0b57d0' },
            lineStyle: { color: '#0b57d0', type: 'dotted', width: 2 },
          },
        ];
      }
      series.push(item);
    });
  });
  const sliderTop = top + 4;
  return {
    height: sliderTop + 44,
    ticksFor,
    option: {
      animation: false,
      title: titles,
      grid: grids,
      xAxis: xAxes,
      yAxis: yAxes,
      series,
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'line' },
        formatter: (params: { seriesName: string; value: unknown; data: unknown }[]) =>
          tooltipText(params, ordersById, context.timeZone),
      },
      dataZoom: [
        { type: 'inside', xAxisIndex: xAxes.map((_, index) => index), filterMode: 'none' },
        {
          type: 'slider',
          xAxisIndex: xAxes.map((_, index) => index),
          filterMode: 'none',
          top: sliderTop,
          height: 24,
          labelFormatter: (value: number) => axisTime(value, context.timeZone),
        },
      ],
    },
  };
}

/** The axis tooltip: the time in ward time, then each value with its unit; a rate names its order. */
export function tooltipText(
  params: { seriesName: string; value: unknown; data: unknown }[],
  ordersById: Map<string, TimelineOrder>,
  timeZone: string,
): string {
  if (params.length === 0) {
    return '';
  }
  const first = params[0].value as [number, ...unknown[]];
  const lines = [`<strong>${escapeHtml(axisTime(first[0], timeZone))}</strong>`];
  for (const param of params) {
    const value = (
      Array.isArray(param.value) ? param.value : (param.data as { value: unknown[] })?.value
    ) as unknown[];
    if (!value) {
      continue;
    }
    if (param.seriesName.startsWith('Ordered rate')) {
      const order = ordersById.get(String(value[2]));
      lines.push(
        order ? escapeHtml(orderWords(order, timeZone)) : `${escapeHtml(param.seriesName)}: ${value[1]}`,
      );
    } else if (param.seriesName === 'POSS sedation') {
      lines.push(`POSS sedation: ${POSS_AXIS_LABELS[Number(value[1])] ?? value[1]}`);
    } else if (param.seriesName === 'NEWS2') {
      const data = param.data as { band: string };
      lines.push(
        data.band === NEWS2_MARKS.incomplete.words
          ? 'NEWS2: incomplete, not scored'
          : `NEWS2: ${value[1]} – ${data.band}`,
      );
    } else if (param.seriesName === 'Side effects') {
      lines.push(`${escapeHtml(String(value[1]))}: ${(param.data as { grade: string }).grade}`);
    } else {
      lines.push(`${escapeHtml(param.seriesName)}: ${value[1]}${UNITS[param.seriesName] ?? ''}`);
    }
  }
  return lines.join('<br/>');
}

const UNITS: Record<string, string> = {
  'Pain NRS': ' /10',
  'Systolic BP': ' mmHg',
  'Diastolic BP': ' mmHg',
  Pulse: ' /min',
  'Respiration rate': ' /min',
  SpO2: ' %',
  Temperature: ' °C',
};

/**
 * Where the baseline pain line's label goes: above the line where the lane has it (`usual`), or below it
 * at the right end when the line is at the top of the 0-10 scale, where a label above would run into the
 * lane's title (and one at the left, into the POSS band's).
 */
function baselineLabelAt(baseline: number, usual: 'insideStartTop' | 'insideEndTop'): string {
  return baseline >= 9 ? 'insideEndBottom' : usual;
}

/** After discharge: pain at each follow-up against the baseline, with the ≥30 % and ≥50 % bands. */
export function buildFollowUpOption(timeline: Timeline, dischargeDate: string | null): BuiltChart | null {
  const plot = followUpPlot(timeline.followUps, dischargeDate);
  if (!plot) {
    return null;
  }
  const markLines: Record<string, unknown>[] = [
    {
      yAxis: plot.baseline,
      label: {
        formatter: `Baseline ${plot.baseline}`,
        position: baselineLabelAt(plot.baseline, 'insideEndTop'),
      },
      lineStyle: { type: 'dashed', color: '#7b3294' },
    },
  ];
  if (plot.benefitEndedWeeks !== null) {
    markLines.push({
      xAxis: plot.benefitEndedWeeks,
      label: { formatter: '✕ Benefit ended', position: 'insideEndTop' },
      lineStyle: { color: '#b3261e', width: 2 },
    });
  }
  return {
    height: 240,
    option: {
      animation: false,
      title: {
        text: 'Pain after discharge (NRS) against baseline: ◆ at discharge, ● benefit ongoing, ○ benefit ended',
        left: 4,
        top: 4,
        textStyle: { fontSize: 12 },
      },
      grid: { left: 48, right: 24, top: 36, bottom: 40 },
      xAxis: {
        type: 'value',
        min: 0,
        max: plot.maxWeeks,
        name: 'weeks since discharge',
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', min: 0, max: 10, interval: 2 },
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'line',
          name: 'Pain at follow-up',
          data: [
            ...(plot.atDischarge !== null
              ? [{ value: [0, plot.atDischarge], name: 'At discharge', symbol: 'diamond' }]
              : []),
            ...plot.points.map((point) => ({
              value: [point.weeks, point.pain],
              name: point.label,
              symbol: point.benefitOngoing ? 'circle' : 'emptyCircle',
            })),
          ],
          symbolSize: 8,
          label: {
            show: true,
            formatter: (params: { value: [number, number] }) => String(params.value[1]),
            position: 'top',
          },
          lineStyle: { color: '#7b3294' },
          itemStyle: { color: '#7b3294' },
          markLine: { symbol: 'none', silent: true, data: markLines },
          markArea: {
            silent: true,
            data: [
              [
                {
                  yAxis: plot.substantialThreshold,
                  name: '≥30 % reduction',
                  itemStyle: { color: 'rgba(46,125,50,0.10)' },
                },
                { yAxis: plot.moderateThreshold },
              ],
              [
                { yAxis: 0, name: '≥50 % reduction', itemStyle: { color: 'rgba(46,125,50,0.22)' } },
                { yAxis: plot.substantialThreshold },
              ],
            ],
            label: { position: 'insideRight', fontSize: 10, color: '#1b5e20', textBorderWidth: 0 },
          },
        },
      ],
    },
  };
}
