import { dateTimeFormat } from '../shared/ward-time-format';

/** Steps between ticks, in hours: the first giving at most the wanted number of ticks is used. */
const STEPS_HOURS = [1, 2, 3, 6, 12, 24, 48, 168] as const;
const QUARTER_HOUR = 15 * 60_000;

interface WallClock {
  /** Days since 1970-01-01 of the ward's calendar date. */
  day: number;
  hour: number;
  minute: number;
}

/**
 * Where the time axis puts its ticks between `start` and `end` (ms): on the ward's own clock, so a day
 * starts at the ward's midnight and hours are whole ward hours, whatever the browser's time zone (and
 * across a change to or from daylight saving time, when a ward day has 23 or 25 hours). The step grows
 * with the span shown (1, 2, 3, 6 or 12 hours, then 1, 2 or 7 days) so that at most `maxTicks` fit.
 */
export function wardTicks(start: number, end: number, timeZone: string, maxTicks = 10): number[] {
  if (!(end > start)) return [];
  const spanHours = (end - start) / 3_600_000;
  const step = STEPS_HOURS.find((hours) => spanHours / hours <= maxTicks) ?? STEPS_HOURS.at(-1)!;
  const clock = wardClockBetween(timeZone);
  const ticks: number[] = [];
  // Every ward hour starts on a quarter hour in UTC (zones are offset by whole quarter hours).
  for (let at = Math.ceil(start / QUARTER_HOUR) * QUARTER_HOUR; at <= end; at += QUARTER_HOUR) {
    const { day, hour, minute } = clock(at);
    if (minute !== 0) continue;
    const onStep = step < 24 ? hour % step === 0 : hour === 0 && day % (step / 24) === 0;
    if (onStep) ticks.push(at);
  }
  return ticks;
}

/** Whether a tick is the ward's midnight, to label it with the date rather than the hour. */
export function isWardMidnight(at: number, timeZone: string): boolean {
  const { hour, minute } = wallClock(timeZone)(at);
  return hour === 0 && minute === 0;
}

/** A tick's label: the ward's date at its midnight ("Tue 8 Dec"), the ward's hour otherwise ("14:00"). */
export function wardTickLabel(at: number, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = isWardMidnight(at, timeZone)
    ? { timeZone, weekday: 'short', day: 'numeric', month: 'short' }
    : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return dateTimeFormat('en-GB', options).format(new Date(at)).replace(',', '');
}

const DAY = 86_400_000;

/**
 * The ward's clock for many instants in turn (every quarter hour of a stay): Intl is asked for the zone's
 * offset at the start and end of each UTC day, and where the two agree (no change to or from daylight
 * saving time that day; no zone changes twice in one day) the clock is the instant plus that offset.
 * A day with a change asks Intl for every instant, as before. The same answers, a few Intl calls a day
 * rather than 96.
 */
function wardClockBetween(timeZone: string): (at: number) => WallClock {
  const exact = wallClock(timeZone);
  const offsetAt = (at: number) => {
    const { day, hour, minute } = exact(at);
    return day * DAY + hour * 3_600_000 + minute * 60_000 - at;
  };
  let dayStart = NaN;
  let offset: number | null = null;
  return (at) => {
    const start = Math.floor(at / DAY) * DAY;
    if (start !== dayStart) {
      dayStart = start;
      const before = offsetAt(start);
      offset = before === offsetAt(start + DAY) ? before : null;
    }
    if (offset === null) {
      return exact(at);
    }
    const wall = at + offset;
    return {
      day: Math.floor(wall / DAY),
      hour: Math.floor((wall % DAY) / 3_600_000),
      minute: Math.floor((wall % 3_600_000) / 60_000),
    };
  };
}

function wallClock(timeZone: string): (at: number) => WallClock {
  const format = dateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  return (at) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]),
    );
    return {
      day: Math.round(Date.UTC(parts['year'], parts['month'] - 1, parts['day']) / 86_400_000),
      hour: parts['hour'],
      minute: parts['minute'],
    };
  };
}
