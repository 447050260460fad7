import { durationOfBenefit, responseAtDischarge } from './duration-of-benefit.js';
import type { OutcomeRow } from './outcome-report.queries.js';

function aRow(overrides: Partial<OutcomeRow> = {}): OutcomeRow {
  return {
    admission_id: '00000000-0000-4000-8000-000000000001',
    ward: 'Pain Medicine Unit',
    indication: 'crps',
    drug: 'ketamine',
    baseline_pain: 8,
    pain_at_discharge: 4,
    discharge_day: 1,
    terminal_kind: null,
    readmitted: false,
    ended_day: null,
    last_ongoing_day: null,
    ...overrides,
  };
}

describe('responseAtDischarge', () => {
  it.each([
    [10, 7, 30, 'responder'],
    [10, 8, 30, 'non-responder'],
    [8, 6, 30, 'non-responder'], // 25 %
    [8, 5, 30, 'responder'], // 37.5 %
    [8, 5, 50, 'non-responder'],
    [8, 4, 50, 'responder'], // exactly 50 %
    [3, 2, 30, 'responder'], // 33 %
    [0, 0, 30, 'unknown'], // no pain to reduce
    [6, null, 30, 'unknown'], // not assessed at discharge
  ] as const)('baseline %d, discharge %p at %d %% → %s', (baseline, discharge, threshold, expected) => {
    expect(responseAtDischarge(baseline, discharge, threshold)).toBe(expected);
  });
});

describe('durationOfBenefit', () => {
  it('is an event on the reported day of loss of benefit', () => {
    expect(durationOfBenefit(aRow({ ended_day: 17, last_ongoing_day: 7 }), 30, 'exclude')).toEqual({
      time: 17,
      event: true,
      why: 'benefit-ended',
    });
  });

  it('is censored at the last follow-up that said benefit was ongoing', () => {
    expect(durationOfBenefit(aRow({ last_ongoing_day: 28 }), 30, 'exclude')).toEqual({
      time: 28,
      event: false,
      why: 'ongoing-at-last-follow-up',
    });
  });

  it('is censored at discharge when there is no follow-up yet', () => {
    expect(durationOfBenefit(aRow(), 30, 'exclude')).toEqual({
      time: 1,
      event: false,
      why: 'no-follow-up-yet',
    });
  });

  it.each(['lost', 'died', 'withdrew', 'readmitted'] as const)(
    'names %s as the reason for censoring at the last day benefit was known',
    (kind) => {
      expect(durationOfBenefit(aRow({ terminal_kind: kind, last_ongoing_day: 14 }), 30, 'exclude')).toEqual({
        time: 14,
        event: false,
        why: kind,
      });
    },
  );

  it('censors a readmission without a terminal event as readmitted', () => {
    expect(durationOfBenefit(aRow({ readmitted: true, last_ongoing_day: 9 }), 30, 'exclude')?.why).toBe(
      'readmitted',
    );
  });

  it('keeps an end of benefit reported before a terminal event as the event', () => {
    expect(durationOfBenefit(aRow({ ended_day: 12, terminal_kind: 'lost' }), 30, 'exclude')?.event).toBe(
      true,
    );
  });

  it('counts an end of benefit dated before the origin as day 0', () => {
    expect(durationOfBenefit(aRow({ ended_day: -1 }), 30, 'exclude')?.time).toBe(0);
  });

  it('leaves non-responders off the curve, or puts them at day 0 in the sensitivity view', () => {
    const nonResponder = aRow({ pain_at_discharge: 7 });
    expect(durationOfBenefit(nonResponder, 30, 'exclude')).toBeNull();
    expect(durationOfBenefit(nonResponder, 30, 'event-at-zero')).toEqual({
      time: 0,
      event: true,
      why: 'non-responder',
    });
  });

  it('leaves an unknown response off the curve in both views', () => {
    const unknown = aRow({ pain_at_discharge: null });
    expect(durationOfBenefit(unknown, 30, 'exclude')).toBeNull();
    expect(durationOfBenefit(unknown, 30, 'event-at-zero')).toBeNull();
  });
});
