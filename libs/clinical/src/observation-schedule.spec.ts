import { DEFAULT_SCHEDULE, nextObservationDue, type LastObservation } from './observation-schedule.js';

const t = (iso: string) => new Date(iso);
const set = (takenAt: string, overrides: Partial<LastObservation> = {}): LastObservation => ({
  takenAt: t(takenAt),
  news2Total: 1,
  news2Response: 'low',
  sedation: '1',
  ...overrides,
});
const base = {
  schedule: DEFAULT_SCHEDULE,
  admittedAt: t('2026-10-01T00:00:00Z'),
  lastIntensifyingEventAt: null,
  now: t('2026-10-01T12:00:00Z'),
};

describe('nextObservationDue', () => {
  it('asks for a first set at admission', () => {
    const due = nextObservationDue({ ...base, last: null });
    expect(due).toMatchObject({
      nextDueAt: t('2026-10-01T00:00:00Z'),
      reason: 'first-set',
      overdueMinutes: 720,
    });
  });

  it('uses the routine interval after a set', () => {
    const due = nextObservationDue({ ...base, last: set('2026-10-01T10:00:00Z') });
    expect(due).toMatchObject({
      nextDueAt: t('2026-10-01T14:00:00Z'),
      intervalMinutes: 240,
      reason: 'routine',
      overdueMinutes: 0,
    });
  });

  it('intensifies after a start, resume or rate change, and within its window', () => {
    const changed = nextObservationDue({
      ...base,
      last: set('2026-10-01T10:00:00Z'),
      lastIntensifyingEventAt: t('2026-10-01T11:00:00Z'),
    });
    expect(changed).toMatchObject({
      nextDueAt: t('2026-10-01T11:30:00Z'),
      reason: 'after-change',
      overdueMinutes: 30,
    });
    const within = nextObservationDue({
      ...base,
      last: set('2026-10-01T11:45:00Z'),
      lastIntensifyingEventAt: t('2026-10-01T11:00:00Z'),
    });
    expect(within.nextDueAt).toEqual(t('2026-10-01T12:15:00Z'));
    // 11:45 + 30 min is 12:15, inside the window; 12:45 + 30 min would be past 13:00, so routine.
    const closing = nextObservationDue({
      ...base,
      last: set('2026-10-01T12:45:00Z'),
      lastIntensifyingEventAt: t('2026-10-01T11:00:00Z'),
    });
    expect(closing).toMatchObject({ nextDueAt: t('2026-10-01T16:45:00Z'), reason: 'routine' });
    const after = nextObservationDue({
      ...base,
      last: set('2026-10-01T13:00:00Z'),
      lastIntensifyingEventAt: t('2026-10-01T11:00:00Z'),
    });
    expect(after).toMatchObject({ nextDueAt: t('2026-10-01T17:00:00Z'), reason: 'routine' });
  });

  it.each([
    ['low-medium', 3, 60],
    ['medium', 5, 60],
    ['high', 7, 15],
    ['low', 0, 240],
  ] as const)('shortens to the NEWS2 %s limit', (response, total, interval) => {
    const due = nextObservationDue({
      ...base,
      last: set('2026-10-01T10:00:00Z', { news2Response: response, news2Total: total }),
    });
    expect(due.intervalMinutes).toBe(interval);
  });

  it('asks every 15 minutes after unacceptable sedation', () => {
    const due = nextObservationDue({ ...base, last: set('2026-10-01T10:00:00Z', { sedation: '3' }) });
    expect(due).toMatchObject({ intervalMinutes: 15, reason: 'sedation' });
  });

  it('counts elapsed time across a daylight-saving change (Sydney, 4 Oct 2026)', () => {
    // 01:30 AEST is 2026-10-03T15:30Z; clocks go 02:00 -> 03:00; four real hours later is 06:30 AEDT.
    const due = nextObservationDue({
      ...base,
      last: set('2026-10-03T15:30:00Z'),
      now: t('2026-10-03T16:00:00Z'),
    });
    expect(due.nextDueAt.toISOString()).toBe('2026-10-03T19:30:00.000Z');
    const local = new Intl.DateTimeFormat('en-AU', {
      timeZone: 'Australia/Sydney',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(due.nextDueAt);
    expect(local).toBe('06:30');
  });
});

describe('nextObservationDue after a partial set', () => {
  it('asks again within an hour when the patient was asleep and not disturbed', () => {
    const due = nextObservationDue({
      ...base,
      last: set('2026-10-01T10:00:00Z', { news2Total: null, news2Response: null, partialReason: 'asleep' }),
    });
    expect(due).toMatchObject({
      nextDueAt: t('2026-10-01T11:00:00Z'),
      reason: 'asleep',
      intervalMinutes: 60,
    });
  });

  it('counts a refused set as a set attempt: the routine interval runs from it', () => {
    const due = nextObservationDue({
      ...base,
      last: set('2026-10-01T10:00:00Z', { news2Total: null, news2Response: null, partialReason: 'refused' }),
    });
    expect(due).toMatchObject({ nextDueAt: t('2026-10-01T14:00:00Z'), reason: 'routine' });
  });

  it('keeps a shorter interval than the asleep recheck', () => {
    const due = nextObservationDue({
      ...base,
      lastIntensifyingEventAt: t('2026-10-01T09:50:00Z'),
      last: set('2026-10-01T10:00:00Z', { news2Total: null, news2Response: null, partialReason: 'asleep' }),
    });
    expect(due).toMatchObject({ nextDueAt: t('2026-10-01T10:30:00Z'), reason: 'after-change' });
  });
});
