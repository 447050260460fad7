import { ObservationColumns, RateLine, TimelineOrder } from '../core/api-types';
import {
  followUpPlot,
  itemPoints,
  news2Marks,
  notStartedSpan,
  pauseSpans,
  rateSteps,
  sedationPoints,
  sideEffectLanes,
  stayRange,
} from './timeline-series';
import { aTimeline, aTimelineEvent, aTimelineOrder } from '../../testing/timeline-factories';
import { plottedColumns } from './timeline-observations';

const at = (iso: string) => Date.parse(iso);

function columns(overrides: Partial<ObservationColumns>): ObservationColumns {
  const base = plottedColumns(aTimeline().observations);
  return { ...base, ...overrides };
}

describe('timeline series', () => {
  describe('rate steps', () => {
    const line: RateLine = {
      unit: 'mg/kg/h',
      segments: [
        { orderId: 'a', value: 0.1, from: '2025-07-01T08:00:00Z', to: '2025-07-01T12:00:00Z' },
        { orderId: 'b', value: 0.15, from: '2025-07-01T12:00:00Z', to: null },
      ],
    };

    it('holds each order flat from its start to its end, the values exactly as written', () => {
      expect(rateSteps(line, at('2025-07-01T20:00:00Z'))).toEqual([
        [at('2025-07-01T08:00:00Z'), 0.1, 'a'],
        [at('2025-07-01T12:00:00Z'), 0.1, 'a'],
        [at('2025-07-01T12:00:00Z'), 0.15, 'b'],
        [at('2025-07-01T20:00:00Z'), 0.15, 'b'],
      ]);
    });

    it('breaks the line where one order ended before the next began', () => {
      const gapped: RateLine = {
        unit: 'mg/h',
        segments: [
          { orderId: 'a', value: 8, from: '2025-07-01T08:00:00Z', to: '2025-07-01T09:00:00Z' },
          { orderId: 'b', value: 10, from: '2025-07-01T10:00:00Z', to: '2025-07-01T11:00:00Z' },
        ],
      };
      expect(rateSteps(gapped, at('2025-07-02T00:00:00Z'))[2]).toBeNull();
    });
  });

  it('ends a pause that is still running at now', () => {
    expect(
      pauseSpans(
        [
          { from: '2025-07-01T10:00:00Z', to: '2025-07-01T10:30:00Z', reason: 'POSS 3', pausedByName: 'Sam' },
          { from: '2025-07-01T15:00:00Z', to: null, reason: null, pausedByName: 'Sam' },
        ],
        at('2025-07-01T16:00:00Z'),
      ),
    ).toEqual([
      [at('2025-07-01T10:00:00Z'), at('2025-07-01T10:30:00Z')],
      [at('2025-07-01T15:00:00Z'), at('2025-07-01T16:00:00Z')],
    ]);
  });

  it('plots only the sets that recorded an item, never a missing value as 0', () => {
    const data = columns({
      takenAt: ['2025-07-01T09:00:00Z', '2025-07-01T10:00:00Z', '2025-07-01T11:00:00Z'],
      pulse: [76, null, 110],
    });
    expect(itemPoints(data, 'pulse')).toEqual([
      [at('2025-07-01T09:00:00Z'), 76],
      [at('2025-07-01T11:00:00Z'), 110],
    ]);
  });

  it('puts POSS S below 1 and keeps the levels in order', () => {
    const data = columns({
      takenAt: ['2025-07-01T09:00:00Z', '2025-07-01T10:00:00Z', '2025-07-01T11:00:00Z'],
      sedation: ['S', '3', null],
    });
    expect(sedationPoints(data)).toEqual([
      [at('2025-07-01T09:00:00Z'), 0],
      [at('2025-07-01T10:00:00Z'), 3],
    ]);
  });

  it('marks NEWS2 by band with a label, and an incomplete set as "?" rather than a score', () => {
    const data = columns({
      takenAt: ['2025-07-01T09:00:00Z', '2025-07-01T10:00:00Z', '2025-07-01T11:00:00Z'],
      news2Total: [2, 7, null],
      news2Response: ['low', 'high', null],
    });
    expect(news2Marks(data)).toEqual([
      { at: at('2025-07-01T09:00:00Z'), position: 2, label: '2', band: 'low' },
      { at: at('2025-07-01T10:00:00Z'), position: 7, label: '7', band: 'high' },
      { at: at('2025-07-01T11:00:00Z'), position: 0, label: '?', band: 'incomplete' },
    ]);
  });

  it('lists only the side effects that occurred, in the chart order', () => {
    const lanes = sideEffectLanes(
      [
        { at: '2025-07-01T09:00:00Z', setId: 's1', effect: 'hallucinations', grade: 'severe' },
        { at: '2025-07-01T10:00:00Z', setId: 's2', effect: 'nausea', grade: 'mild' },
      ],
      ['nausea', 'vomiting', 'hallucinations'],
    );
    expect(lanes.effects).toEqual(['nausea', 'hallucinations']);
    expect(lanes.points).toHaveLength(2);
  });

  it('spans the stay from admission to discharge, or to now while it lasts', () => {
    const current = aTimeline();
    expect(stayRange(current, at('2025-07-02T12:00:00Z'))).toEqual([
      at('2025-07-01T07:00:00Z'),
      at('2025-07-02T12:00:00Z'),
    ]);
    const discharged = aTimeline({
      admission: { ...current.admission, status: 'discharged', dischargedAt: '2025-07-05T10:00:00Z' },
    });
    expect(stayRange(discharged, at('2025-08-01T00:00:00Z'))[1]).toBe(at('2025-07-05T10:00:00Z'));
  });

  describe('follow-up plot', () => {
    const outcome = (assessedOn: string, painNow: number, benefitOngoing = true) => ({
      id: assessedOn,
      assessedOn,
      method: 'phone',
      painNow,
      painWorstWeek: null,
      pgic: null,
      benefitOngoing,
      benefitEndedOn: benefitOngoing ? null : assessedOn,
      comment: null,
      recordedByName: 'Sam Lee',
    });

    it('places each outcome in weeks since the discharge date, with the 30 % and 50 % thresholds of baseline', () => {
      const plot = followUpPlot(
        {
          available: true,
          baselinePain: 8,
          painAtDischarge: 4,
          benefitEndedOn: '2025-08-05',
          items: [
            {
              id: 'f1',
              kind: 'scheduled',
              weeks: 1,
              label: 'Week 1',
              dueOn: '2025-07-12',
              status: 'done',
              outcome: outcome('2025-07-12', 3),
            },
            {
              id: 'f2',
              kind: 'scheduled',
              weeks: 4,
              label: 'Week 4',
              dueOn: '2025-08-02',
              status: 'done',
              outcome: outcome('2025-08-02', 7, false),
            },
            {
              id: 'f3',
              kind: 'scheduled',
              weeks: 8,
              label: 'Week 8',
              dueOn: '2025-08-30',
              status: 'upcoming',
              outcome: null,
            },
          ],
        },
        '2025-07-05',
      );
      expect(plot).toMatchObject({
        baseline: 8,
        moderateThreshold: 8 * 0.7,
        substantialThreshold: 4,
        atDischarge: 4,
        benefitEndedWeeks: 4.4,
      });
      expect(plot!.points).toEqual([
        { weeks: 1, pain: 3, label: 'Week 1', benefitOngoing: true },
        { weeks: 4, pain: 7, label: 'Week 4', benefitOngoing: false },
      ]);
    });

    it('has nothing to plot before discharge or before any outcome', () => {
      expect(followUpPlot(aTimeline().followUps, null)).toBeNull();
      expect(followUpPlot(aTimeline().followUps, '2025-07-05')).toBeNull();
    });
  });
});

describe('notStartedSpan', () => {
  const now = Date.parse('2025-07-02T12:00:00Z');
  const order = (effectiveFrom: string, state: TimelineOrder['state'] = 'current') =>
    aTimelineOrder({ effectiveFrom, state });

  it('runs from the first order standing to the start', () => {
    const timeline = aTimeline({
      orders: [order('2025-07-01T09:00:00Z', 'superseded'), order('2025-07-01T10:00:00Z')],
      events: [aTimelineEvent({ type: 'start', occurredAt: '2025-07-01T11:00:00Z' })],
    });
    expect(notStartedSpan(timeline, now)).toEqual([
      Date.parse('2025-07-01T09:00:00Z'),
      Date.parse('2025-07-01T11:00:00Z'),
    ]);
  });

  it('runs to now while the infusion has not started, or to the discharge if it never did', () => {
    const waiting = aTimeline({ orders: [order('2025-07-01T09:00:00Z')], events: [] });
    expect(notStartedSpan(waiting, now)).toEqual([Date.parse('2025-07-01T09:00:00Z'), now]);
    const never = aTimeline({
      admission: { ...aTimeline().admission, dischargedAt: '2025-07-01T15:00:00Z' },
      orders: [order('2025-07-01T09:00:00Z')],
      events: [],
    });
    expect(notStartedSpan(never, now)).toEqual([
      Date.parse('2025-07-01T09:00:00Z'),
      Date.parse('2025-07-01T15:00:00Z'),
    ]);
  });

  it('is nothing without an order standing, or when the start came with the first order', () => {
    expect(notStartedSpan(aTimeline({ orders: [], events: [] }), now)).toBeNull();
    expect(
      notStartedSpan(
        aTimeline({ orders: [order('2025-07-01T09:00:00Z', 'entered-in-error')], events: [] }),
        now,
      ),
    ).toBeNull();
    const together = aTimeline({
      orders: [order('2025-07-01T09:00:00Z')],
      events: [aTimelineEvent({ type: 'start', occurredAt: '2025-07-01T09:00:00Z' })],
    });
    expect(notStartedSpan(together, now)).toBeNull();
  });
});
