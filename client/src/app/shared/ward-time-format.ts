// The ward's clock and calendar, with no Angular in them: the server's chart renderer uses them too.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options, made once: making one costs far more than formatting
 * with it, and a timeline formats a few thousand instants (flowsheet headers, axis labels).
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** "2 Jan 2025, 14:03:05 GMT": an instant as the ward's clock showed it, whatever the computer's zone. */
export function formatWardTime(iso: string, timeZone: string): string {
  return dateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "2 Jan 2025, 14:03": to the minute and without the zone, for tables that say the zone once. */
export function formatWardMinute(iso: string, timeZone: string): string {
  return dateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/**
 * The instant at which the ward's clock reads `local` ("2025-01-02T14:30", as a datetime-local
 * field gives it), as ISO 8601 UTC. In the hour skipped when clocks go forward, the hour after.
 */
export function wardTimeToInstant(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) {
    throw new Error(`Not a local date and time: ${local}`);
  }
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second || 0);
  // The zone's offset at the guess, then again at the corrected guess, settles across a change of offset.
  const first = wall - offsetAt(wall, timeZone);
  const instant = wall - offsetAt(first, timeZone);
  return new Date(instant).toISOString();
}

function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asIfUtc - (instant - (instant % 1000));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the ward's clock and calendar read at an instant. */
function wallClock(instant: number, timeZone: string): WallClock {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The ward's calendar date at an instant: "2025-07-01". */
export function wardDate(instant: string | number, timeZone: string): string {
  const wall = wallClock(new Date(instant).getTime(), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The ward's clock at an instant as a datetime-local field takes it: "2025-07-01T14:05". */
export function toWardLocalInput(instant: string | number, timeZone: string): string {
  const wall = wallClock(new Date(instant).getTime(), timeZone);
  return `${wardDate(instant, timeZone)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** "14:00" today on the ward, "30 Jun, 14:00" on another day: short, for sentences and headers. */
export function formatWardClock(iso: string, timeZone: string, now: number): string {
  const sameDay = wardDate(iso, timeZone) === wardDate(now, timeZone);
  return dateTimeFormat('en-GB', {
    timeZone,
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
