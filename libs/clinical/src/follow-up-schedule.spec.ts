import {
  addDays,
  calendarDateIn,
  DEFAULT_FOLLOW_UP_SCHEDULE,
  daysBetween,
  followUpDates,
  followUpLabel,
  followUpStatus,
  isCalendarDate,
  scheduleFollowUps,
  scheduleProblems,
  windowAround,
  type FollowUpState,
} from './follow-up-schedule.js';

describe('calendar arithmetic on dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-05-31', 0)).toBe('2026-05-31');
  });

  it('counts whole days between dates, negative backwards', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('2026-10-01', '2027-04-01')).toBe(182);
  });

  it('refuses strings that are not calendar dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-1-1', '2026-01-02')).toThrow(RangeError);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-11-28T00:00:00Z')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('calendarDateIn', () => {
  it('gives the local date of a discharge at 23:30 local as that day', () => {
    // 23:30 on 14 Nov in Sydney (AEDT, +11) is 12:30Z the same day.
    expect(calendarDateIn(new Date('2026-11-14T12:30:00Z'), 'Australia/Sydney')).toBe('2026-11-14');
    // 00:30 on 15 Nov in Sydney is 13:30Z on 14 Nov.
    expect(calendarDateIn(new Date('2026-11-14T13:30:00Z'), 'Australia/Sydney')).toBe('2026-11-15');
    expect(calendarDateIn(new Date('2026-11-14T23:30:00Z'), 'America/New_York')).toBe('2026-11-14');
    expect(calendarDateIn(new Date('2026-11-14T23:30:00Z'), 'UTC')).toBe('2026-11-14');
  });

  it('follows the zone across a daylight-saving change', () => {
    // Sydney: AEST +10 until 4 Oct 2026 02:00, then AEDT +11.
    expect(calendarDateIn(new Date('2026-10-03T13:59:00Z'), 'Australia/Sydney')).toBe('2026-10-03');
    expect(calendarDateIn(new Date('2026-10-03T14:00:00Z'), 'Australia/Sydney')).toBe('2026-10-04');
    expect(calendarDateIn(new Date('2026-10-04T12:59:00Z'), 'Australia/Sydney')).toBe('2026-10-04');
    expect(calendarDateIn(new Date('2026-10-04T13:00:00Z'), 'Australia/Sydney')).toBe('2026-10-05');
  });
});

describe('follow-up dates', () => {
  it('schedules the default weeks and windows from the discharge date', () => {
    const items = scheduleFollowUps('2026-11-14', DEFAULT_FOLLOW_UP_SCHEDULE);
    expect(items).toEqual([
      { weeks: 1, windowDays: 3, dueOn: '2026-11-21', windowStart: '2026-11-18', windowEnd: '2026-11-24' },
      { weeks: 2, windowDays: 3, dueOn: '2026-11-28', windowStart: '2026-11-25', windowEnd: '2026-12-01' },
      { weeks: 4, windowDays: 3, dueOn: '2026-12-12', windowStart: '2026-12-09', windowEnd: '2026-12-15' },
      { weeks: 8, windowDays: 7, dueOn: '2027-01-09', windowStart: '2027-01-02', windowEnd: '2027-01-16' },
      { weeks: 12, windowDays: 7, dueOn: '2027-02-06', windowStart: '2027-01-30', windowEnd: '2027-02-13' },
      { weeks: 26, windowDays: 7, dueOn: '2027-05-15', windowStart: '2027-05-08', windowEnd: '2027-05-22' },
    ]);
  });

  it('keeps the weekday across both daylight-saving changes', () => {
    // Discharged the day before Sydney's clocks go forward (4 Oct 2026) and back (5 Apr 2026).
    expect(followUpDates('2026-10-03', 1, 3).dueOn).toBe('2026-10-10');
    expect(followUpDates('2026-04-04', 1, 3).dueOn).toBe('2026-04-11');
    expect(followUpDates('2026-03-29', 26, 7).dueOn).toBe('2026-09-27');
  });

  it('crosses month ends and leap days by calendar days', () => {
    expect(followUpDates('2026-01-31', 4, 3)).toEqual({
      dueOn: '2026-02-28',
      windowStart: '2026-02-25',
      windowEnd: '2026-03-03',
    });
    expect(followUpDates('2028-02-01', 4, 0)).toEqual({
      dueOn: '2028-02-29',
      windowStart: '2028-02-29',
      windowEnd: '2028-02-29',
    });
    expect(followUpDates('2026-12-31', 1, 3).dueOn).toBe('2027-01-07');
  });

  it('puts a window either side of an extra follow-up', () => {
    expect(windowAround('2026-12-01', 3)).toEqual({
      dueOn: '2026-12-01',
      windowStart: '2026-11-28',
      windowEnd: '2026-12-04',
    });
  });

  it('labels scheduled and extra follow-ups', () => {
    expect(followUpLabel(4)).toBe('Week 4');
    expect(followUpLabel(null)).toBe('Extra');
  });
});

describe('scheduleProblems', () => {
  it('accepts the default schedule', () => {
    expect(scheduleProblems(DEFAULT_FOLLOW_UP_SCHEDULE)).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(scheduleProblems({ items: [], failedAttemptLimit: 3 })).toEqual([
      'a schedule has 1 to 20 follow-ups',
    ]);
    expect(
      scheduleProblems({
        items: [
          { weeks: 2, windowDays: 3 },
          { weeks: 2, windowDays: 3 },
        ],
        failedAttemptLimit: 3,
      }),
    ).toEqual(['weeks must be strictly increasing']);
    expect(scheduleProblems({ items: [{ weeks: 105, windowDays: 29 }], failedAttemptLimit: 0 })).toEqual([
      'weeks must be a whole number from 1 to 104',
      'windowDays must be a whole number from 0 to 28',
      'failedAttemptLimit must be a whole number from 1 to 10',
    ]);
    expect(scheduleProblems({ items: [{ weeks: 1.5, windowDays: 3 }], failedAttemptLimit: 3 })).toEqual([
      'weeks must be a whole number from 1 to 104',
    ]);
    expect(
      scheduleProblems({
        items: Array.from({ length: 21 }, (_, index) => ({ weeks: index + 1, windowDays: 0 })),
        failedAttemptLimit: 3,
      }),
    ).toEqual(['a schedule has 1 to 20 follow-ups']);
  });
});

describe('followUpStatus', () => {
  const open: FollowUpState = {
    windowStart: '2026-11-18',
    windowEnd: '2026-11-24',
    cancelled: false,
    hasCurrentOutcome: false,
    failedAttempts: 0,
  };

  it.each([
    ['2026-11-17', 'upcoming'],
    ['2026-11-18', 'due'],
    ['2026-11-21', 'due'],
    ['2026-11-24', 'due'],
    ['2026-11-25', 'overdue'],
    ['2027-03-01', 'overdue'],
  ])('on %s an open follow-up is %s', (today, status) => {
    expect(followUpStatus(open, today, 3)).toBe(status);
  });

  it('is missed once failed attempts reach the limit, whatever the date', () => {
    expect(followUpStatus({ ...open, failedAttempts: 2 }, '2026-11-20', 3)).toBe('due');
    expect(followUpStatus({ ...open, failedAttempts: 3 }, '2026-11-20', 3)).toBe('missed');
    expect(followUpStatus({ ...open, failedAttempts: 3 }, '2026-12-20', 3)).toBe('missed');
    expect(followUpStatus({ ...open, failedAttempts: 1 }, '2026-11-20', 1)).toBe('missed');
  });

  it('is done with a current outcome, even after failed attempts or late', () => {
    expect(followUpStatus({ ...open, hasCurrentOutcome: true, failedAttempts: 5 }, '2026-12-20', 3)).toBe(
      'done',
    );
    expect(followUpStatus({ ...open, hasCurrentOutcome: true }, '2026-11-10', 3)).toBe('done');
  });

  it('is cancelled above everything else', () => {
    expect(followUpStatus({ ...open, cancelled: true, hasCurrentOutcome: true }, '2026-11-20', 3)).toBe(
      'cancelled',
    );
    expect(followUpStatus({ ...open, cancelled: true, failedAttempts: 9 }, '2026-11-20', 3)).toBe(
      'cancelled',
    );
  });

  it('treats a zero-day window as due on the due date only', () => {
    const zero = { ...open, windowStart: '2026-11-21', windowEnd: '2026-11-21' };
    expect(followUpStatus(zero, '2026-11-20', 3)).toBe('upcoming');
    expect(followUpStatus(zero, '2026-11-21', 3)).toBe('due');
    expect(followUpStatus(zero, '2026-11-22', 3)).toBe('overdue');
  });
});
