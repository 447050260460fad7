import {
  aTimeline,
  aTimelineOrder,
  aTimelineSet,
  timelineObservations,
} from '../../testing/timeline-factories';
import { buildFollowUpOption, buildTimelineOption, orderWords, tooltipText } from './timeline-chart-options';

type Series = { name: string; data: unknown[]; markLine?: { data: { name?: string }[] }; markArea?: unknown };

describe('timeline chart options', () => {
  const order = aTimelineOrder({ id: 'order-1' });
  const changed = aTimelineOrder({
    id: 'order-2',
    rate: { value: 8, unit: 'mg/h' },
    effectiveFrom: '2025-07-01T12:00:00Z',
  });
  const timeline = aTimeline({
    orders: [order, changed],
    series: {
      ...aTimeline().series,
      rate: [
        {
          unit: 'mg/kg/h',
          segments: [
            { orderId: 'order-1', value: 0.1, from: '2025-07-01T08:00:00Z', to: '2025-07-01T12:00:00Z' },
          ],
        },
        {
          unit: 'mg/h',
          segments: [{ orderId: 'order-2', value: 8, from: '2025-07-01T12:00:00Z', to: null }],
        },
      ],
      pauses: [
        { from: '2025-07-01T10:00:00Z', to: '2025-07-01T10:30:00Z', reason: 'POSS 3', pausedByName: 'Sam' },
      ],
    },
  });
  const now = Date.parse(timeline.generatedAt);

  it('draws one rate line per unit ever ordered, never converting one into the other', () => {
    const { option } = buildTimelineOption(timeline, { timeZone: 'UTC', now });
    const series = option['series'] as Series[];
    expect(
      series.filter((entry) => entry.name.startsWith('Ordered rate')).map((entry) => entry.name),
    ).toEqual(['Ordered rate mg/kg/h', 'Ordered rate mg/h']);
    expect(series[1].data).toEqual([
      [Date.parse('2025-07-01T12:00:00Z'), 8, 'order-2'],
      [now, 8, 'order-2'],
    ]);
    expect(series[0].markArea).toBeDefined();
  });

  it('puts every lane on one zoomable time axis and marks now during a current stay only', () => {
    const current = buildTimelineOption(timeline, { timeZone: 'UTC', now }).option;
    const xAxes = current['xAxis'] as { min: number; max: number }[];
    expect(new Set(xAxes.map((axis) => `${axis.min}-${axis.max}`)).size).toBe(1);
    const zoom = current['dataZoom'] as { xAxisIndex: number[] }[];
    expect(zoom[0].xAxisIndex).toEqual(xAxes.map((_, index) => index));
    const nowMarks = (option: Record<string, unknown>) =>
      (option['series'] as Series[]).filter((entry) =>
        entry.markLine?.data.some((mark) => mark.name === 'Now'),
      ).length;
    expect(nowMarks(current)).toBe(xAxes.length);
    const discharged = aTimeline({
      ...timeline,
      admission: { ...timeline.admission, status: 'discharged', dischargedAt: '2025-07-02T10:00:00Z' },
    });
    expect(nowMarks(buildTimelineOption(discharged, { timeZone: 'UTC', now }).option)).toBe(0);
  });

  it("labels the baseline pain line above it, or below it at the top of the scale, clear of the lanes' titles", () => {
    const baselineLabel = (baselinePain: number) => {
      const stay = aTimeline({ ...timeline, admission: { ...timeline.admission, baselinePain } });
      const pain = (buildTimelineOption(stay, { timeZone: 'UTC', now }).option['series'] as Series[]).find(
        (entry) => entry.name === 'Pain NRS',
      );
      return (pain?.markLine?.data[0] as { label: { formatter: string; position: string } }).label;
    };
    expect(baselineLabel(6)).toEqual({ formatter: 'Baseline 6', position: 'insideStartTop' });
    expect(baselineLabel(8)).toEqual({ formatter: 'Baseline 8', position: 'insideStartTop' });
    expect(baselineLabel(9)).toEqual({ formatter: 'Baseline 9', position: 'insideEndBottom' });
    expect(baselineLabel(10)).toEqual({ formatter: 'Baseline 10', position: 'insideEndBottom' });
  });

  it('makes room on the left for the side effects named, and cuts a name short rather than off the edge', () => {
    const withEffects = (sideEffects: Record<string, 'mild' | 'moderate'>) =>
      aTimeline({ ...timeline, observations: timelineObservations([aTimelineSet({ sideEffects })]) });
    const layout = (stay: ReturnType<typeof aTimeline>, compact = false) => {
      const option = buildTimelineOption(stay, { timeZone: 'UTC', now, compact }).option;
      const lefts = new Set((option['grid'] as { left: number }[]).map((grid) => grid.left));
      const rows = (option['yAxis'] as { type?: string; axisLabel: { width?: number } }[]).find(
        (axis) => axis.type === 'category',
      );
      return { lefts: [...lefts], labelWidth: rows?.axisLabel.width };
    };
    // Every lane keeps one left edge, so that the time axes line up.
    expect(layout(withEffects({ nausea: 'mild' }))).toEqual({ lefts: [64], labelWidth: 56 });
    const long = layout(withEffects({ nausea: 'mild', visualDisturbance: 'moderate' })); // "Blurred or double vision"
    expect(long.lefts).toHaveLength(1);
    expect(long.lefts[0]).toBeGreaterThan(130);
    expect(long.lefts[0]).toBeLessThanOrEqual(150);
    expect(long.labelWidth).toBe(long.lefts[0]! - 8);
    // A phone keeps its narrow margin: the names are cut short there, with an ellipsis.
    expect(layout(withEffects({ visualDisturbance: 'moderate' }), true)).toEqual({
      lefts: [44],
      labelWidth: 36,
    });
    expect(layout(timeline).lefts).toEqual([64]);
  });

  it('names the order as written and who wrote it in the rate tooltip', () => {
    expect(orderWords(order, 'UTC')).toBe(
      'Ketamine 2 mg/mL at 0.1 mg/kg/h IV from 1 Jul, 08:00. Written by Dr Ana Silva. Reason: Starting rate. Stop criteria: Stop if SBP above 180',
    );
    const text = tooltipText(
      [
        {
          seriesName: 'Ordered rate mg/kg/h',
          value: [Date.parse('2025-07-01T09:00:00Z'), 0.1, 'order-1'],
          data: null,
        },
      ],
      new Map([[order.id, order]]),
      'UTC',
    );
    expect(text).toContain('Written by Dr Ana Silva');
  });
});

describe('follow-up chart options', () => {
  it('plots pain on a weeks axis against the baseline, with the 30 % and 50 % bands and benefit ended', () => {
    const timeline = aTimeline({
      admission: { ...aTimeline().admission, status: 'discharged', dischargedAt: '2025-07-05T00:00:00Z' },
      followUps: {
        available: true,
        baselinePain: 8,
        painAtDischarge: 4,
        benefitEndedOn: '2025-07-26',
        items: [
          {
            id: 'f1',
            kind: 'scheduled',
            weeks: 4,
            label: 'Week 4',
            dueOn: '2025-08-02',
            status: 'done',
            outcome: {
              id: 'o1',
              assessedOn: '2025-08-02',
              method: 'phone',
              painNow: 7,
              painWorstWeek: null,
              pgic: null,
              benefitOngoing: false,
              benefitEndedOn: '2025-07-26',
              comment: null,
              recordedByName: 'Sam Lee',
            },
          },
        ],
      },
    });
    const built = buildFollowUpOption(timeline, '2025-07-05');
    const [series] = built!.option['series'] as {
      data: { value: number[]; name: string }[];
      markLine: { data: { yAxis?: number; xAxis?: number }[] };
      markArea: { data: [{ yAxis: number; name: string }, { yAxis: number }][] };
    }[];
    expect(series.data.map((point) => [point.name, ...point.value])).toEqual([
      ['At discharge', 0, 4],
      ['Week 4', 4, 7],
    ]);
    expect(series.markLine.data).toEqual([
      expect.objectContaining({ yAxis: 8 }),
      expect.objectContaining({ xAxis: 3 }),
    ]);
    expect(series.markArea.data.map(([from, to]) => [from.name, from.yAxis, to.yAxis])).toEqual([
      ['≥30 % reduction', 4, 8 * 0.7],
      ['≥50 % reduction', 0, 4],
    ]);
    expect(buildFollowUpOption(aTimeline(), null)).toBeNull();
  });
});
