import { WardBoardRow } from '../core/api-types';
import { formatWardClock } from '../shared/ward-time';

const MINUTE_MS = 60_000;

// A number and its unit never part at the end of a line: "5 h 21 / min" misreads.
const NBSP = '\u00a0';
const unit = (count: number, name: string) => `${count}${NBSP}${name}`;

/** "45 min", "1 h 20 min", "2 h", "1 day 3 h": whole minutes as the ward says them. */
export function describeMinutes(total: number): string {
  const minutes = Math.max(0, Math.floor(total));
  if (minutes < 60) {
    return unit(minutes, 'min');
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${unit(hours, 'h')} ${unit(rest, 'min')}` : unit(hours, 'h');
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  const dayWords = unit(days, days === 1 ? 'day' : 'days');
  return restHours ? `${dayWords} ${unit(restHours, 'h')}` : dayWords;
}

/**
 * "Overdue by 1 h 20 min", "Due now" or "Due 14:30, in 25 min". Measured from the moment the server
 * made the board, as its overdue minutes are, so a computer with a wrong clock cannot move them.
 */
export function dueWords(
  row: Pick<WardBoardRow, 'nextDueAt' | 'overdueMinutes'>,
  generatedAt: string,
  timeZone: string,
): string {
  if (row.overdueMinutes > 0) {
    return `Overdue by ${describeMinutes(row.overdueMinutes)}`;
  }
  const untilMs = Date.parse(row.nextDueAt) - Date.parse(generatedAt);
  if (untilMs <= 0) {
    return 'Due now';
  }
  const at = formatWardClock(row.nextDueAt, timeZone, Date.parse(generatedAt));
  return `Due ${at}, in ${describeMinutes(Math.ceil(untilMs / MINUTE_MS))}`;
}

/** "42 min ago"; "Just now" within the first minute. */
export function agoWords(iso: string, generatedAt: string): string {
  const minutes = Math.floor((Date.parse(generatedAt) - Date.parse(iso)) / MINUTE_MS);
  return minutes < 1 ? 'Just now' : `${describeMinutes(minutes)} ago`;
}

/** "14:32:05" on the ward clock. */
export function wardClockWithSeconds(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
