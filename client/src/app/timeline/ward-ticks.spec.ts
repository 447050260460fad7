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

  it('gives the ticks a clock read from Intl at every quarter hour gives, across changes of offset', () => {
    // The straightforward way: the ward's clock asked of Intl for every quarter hour of the span.
    const reference = (start: number, end: number, timeZone: string, maxTicks: number) => {
      const format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
      const spanHours = (end - start) / 3_600_000;
      const step = [1, 2, 3, 6, 12, 24, 48, 168].find((hours) => spanHours / hours <= maxTicks) ?? 168;
      const ticks: number[] = [];
      for (let tick = Math.ceil(start / 900_000) * 900_000; tick <= end; tick += 900_000) {
        const parts = Object.fromEntries(
          format.formatToParts(new Date(tick)).map((part) => [part.type, Number(part.value)]),
        );
        const day = Math.round(Date.UTC(parts['year'], parts['month'] - 1, parts['day']) / 86_400_000);
        if (parts['minute'] !== 0) continue;
        if (step < 24 ? parts['hour'] % step === 0 : parts['hour'] === 0 && day % (step / 24) === 0) {
          ticks.push(tick);
        }
      }
      return ticks;
    };
    const spans: [string, string, string][] = [
      ['Europe/London', '2026-03-25T07:13:00Z', '2026-04-01T09:00:00Z'], // into summer time
      ['Europe/London', '2026-10-22T00:00:00Z', '2026-10-26T12:00:00Z'], // out of it
      ['Australia/Adelaide', '2026-03-30T10:00:00Z', '2026-04-08T10:00:00Z'], // +10:30 to +9:30
      ['Australia/Lord_Howe', '2026-09-28T00:00:00Z', '2026-10-06T00:00:00Z'], // a half-hour change
      ['America/St_Johns', '2026-03-05T03:30:00Z', '2026-03-12T18:00:00Z'], // -3:30 to -2:30
      ['Asia/Kathmandu', '2026-06-01T00:00:00Z', '2026-06-03T05:00:00Z'], // +5:45
      ['Australia/Sydney', '2026-12-01T02:00:00Z', '2026-12-08T02:00:00Z'],
    ];
    for (const [timeZone, from, to] of spans) {
      for (const maxTicks of [5, 10, 40]) {
        expect(wardTicks(at(from), at(to), timeZone, maxTicks).map(iso)).toEqual(
          reference(at(from), at(to), timeZone, maxTicks).map(iso),
        );
      }
    }
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
