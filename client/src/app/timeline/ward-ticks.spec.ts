import { isWardMidnight, wardTickLabel, wardTicks } from './ward-ticks';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('wardTicks', () => {
  it("puts a 7-day stay's ticks on the ward's midnights, whatever the offset", () => {
    // Sydney in December is UTC+11: the ward's midnight is 13:00 UTC the day before.
    const ticks = wardTicks(at('2026-12-01T02:00:00Z'), at('2026-12-08T02:00:00Z'), 'Australia/Sydney');
    expect(ticks.map(iso)).toEqual([
      '2026-12-01T13:00:00.000Z',
      '2026-12-02T13:00:00.000Z',
      '2026-12-03T13:00:00.000Z',
      '2026-12-04T13:00:00.000Z',
      '2026-12-05T13:00:00.000Z',
      '2026-12-06T13:00:00.000Z',
      '2026-12-07T13:00:00.000Z',
    ]);
    expect(ticks.every((tick) => isWardMidnight(tick, 'Australia/Sydney'))).toBe(true);
  });

  it('shows whole ward hours when zoomed in, on a half-hour zone too', () => {
    // Adelaide in December is UTC+10:30: ward hours fall on the half hour in UTC.
    const ticks = wardTicks(at('2026-12-03T00:10:00Z'), at('2026-12-03T06:00:00Z'), 'Australia/Adelaide');
    expect(ticks.map(iso)).toEqual([
      '2026-12-03T00:30:00.000Z', // 11:00
      '2026-12-03T01:30:00.000Z', // 12:00
      '2026-12-03T02:30:00.000Z',
      '2026-12-03T03:30:00.000Z',
      '2026-12-03T04:30:00.000Z',
      '2026-12-03T05:30:00.000Z', // 16:00
    ]);
  });

  it('widens the step with the span so that at most the wanted number fit', () => {
    const day = wardTicks(at('2026-06-10T00:00:00Z'), at('2026-06-11T00:00:00Z'), 'UTC');
    expect(day.map(iso)).toEqual([
      '2026-06-10T00:00:00.000Z',
      '2026-06-10T03:00:00.000Z',
      '2026-06-10T06:00:00.000Z',
      '2026-06-10T09:00:00.000Z',
      '2026-06-10T12:00:00.000Z',
      '2026-06-10T15:00:00.000Z',
      '2026-06-10T18:00:00.000Z',
      '2026-06-10T21:00:00.000Z',
      '2026-06-11T00:00:00.000Z',
    ]);
    const fortnight = wardTicks(at('2026-06-01T00:00:00Z'), at('2026-06-15T00:00:00Z'), 'UTC');
    expect(fortnight).toHaveLength(7); // every other day
    expect(fortnight[1] - fortnight[0]).toBe(2 * 86_400_000);
    expect(
      wardTicks(at('2026-06-01T00:00:00Z'), at('2026-09-01T00:00:00Z'), 'UTC').length,
    ).toBeLessThanOrEqual(14);
  });

  it('keeps to the ward clock across a change to daylight saving time', () => {
    // London went to BST at 01:00 UTC on 29 March 2026: midnights before and after differ by 23 h.
    const ticks = wardTicks(at('2026-03-27T12:00:00Z'), at('2026-03-31T12:00:00Z'), 'Europe/London', 4);
    expect(ticks.map(iso)).toEqual([
      '2026-03-28T00:00:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
      '2026-03-30T23:00:00.000Z',
    ]);
  });

  it('gives nothing for an empty or reversed span', () => {
    expect(wardTicks(5, 5, 'UTC')).toEqual([]);
    expect(wardTicks(10, 5, 'UTC')).toEqual([]);
  });
});

describe('wardTickLabel', () => {
  it("names the ward's date at its midnight and the ward's hour otherwise", () => {
    expect(wardTickLabel(at('2026-12-07T13:00:00Z'), 'Australia/Sydney')).toBe('Tue 8 Dec');
    expect(wardTickLabel(at('2026-12-08T03:00:00Z'), 'Australia/Sydney')).toBe('14:00');
  });
});
