import {
  formatWardClock,
  formatWardMinute,
  formatWardTime,
  toWardLocalInput,
  wardDate,
  wardTimeToInstant,
} from './ward-time';

describe('ward time', () => {
  it('shows an instant on the ward clock, with the zone', () => {
    expect(formatWardTime('2025-07-01T09:30:00Z', 'Europe/London')).toBe('1 Jul 2025, 10:30:00 BST');
    expect(formatWardTime('2025-07-01T09:30:00Z', 'Australia/Sydney')).toBe('1 Jul 2025, 19:30:00 GMT+10');
  });

  it('shows an instant to the minute, for tables that name the zone once', () => {
    expect(formatWardMinute('2025-07-01T09:30:59Z', 'Europe/London')).toBe('1 Jul 2025, 10:30');
  });

  it('turns a ward clock time into an instant, in summer and in winter', () => {
    expect(wardTimeToInstant('2025-07-01T08:00', 'Europe/London')).toBe('2025-07-01T07:00:00.000Z');
    expect(wardTimeToInstant('2025-01-01T08:00', 'Europe/London')).toBe('2025-01-01T08:00:00.000Z');
    expect(wardTimeToInstant('2025-01-01T08:00', 'America/New_York')).toBe('2025-01-01T13:00:00.000Z');
  });

  it('settles on the hour after, in the hour skipped when the clocks go forward', () => {
    // 30 March 2025: London clocks jump from 01:00 GMT to 02:00 BST, so 01:30 never shows; it reads as 02:30 BST.
    expect(wardTimeToInstant('2025-03-30T01:30', 'Europe/London')).toBe('2025-03-30T01:30:00.000Z');
    expect(wardTimeToInstant('2025-03-30T02:30', 'Europe/London')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('takes midnight as the start of the day', () => {
    expect(wardTimeToInstant('2025-07-02T00:00', 'Europe/London')).toBe('2025-07-01T23:00:00.000Z');
  });

  it("gives the ward's calendar date, which may differ from UTC's", () => {
    expect(wardDate('2025-06-30T23:30:00Z', 'Europe/London')).toBe('2025-07-01');
    expect(wardDate('2025-06-30T23:30:00Z', 'America/New_York')).toBe('2025-06-30');
  });

  it('fills a datetime-local field with the ward clock, and reads back the same instant', () => {
    expect(toWardLocalInput('2025-07-01T13:05:59Z', 'Europe/London')).toBe('2025-07-01T14:05');
    expect(
      wardTimeToInstant(toWardLocalInput('2025-01-01T08:00:00Z', 'Australia/Sydney'), 'Australia/Sydney'),
    ).toBe('2025-01-01T08:00:00.000Z');
  });

  it('says only the time for today on the ward, and the day as well otherwise', () => {
    const now = Date.parse('2025-07-01T09:00:00Z');
    expect(formatWardClock('2025-07-01T13:00:00Z', 'Europe/London', now)).toBe('14:00');
    expect(formatWardClock('2025-06-30T13:00:00Z', 'Europe/London', now)).toBe('30 Jun, 14:00');
  });
});
