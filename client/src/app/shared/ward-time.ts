import { Pipe, PipeTransform, inject } from '@angular/core';
import { AppInfoStore } from '../core/app-info/app-info-store';

/** "2 Jan 2025, 14:03:05 GMT": an instant as the ward's clock showed it, whatever the computer's zone. */
export function formatWardTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
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
  const parts = new Intl.DateTimeFormat('en-US', {
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
  const asIfUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asIfUtc - (instant - (instant % 1000));
}

@Pipe({ name: 'wardTime' })
export class WardTimePipe implements PipeTransform {
  private readonly appInfo = inject(AppInfoStore);

  transform(iso: string): string {
    return formatWardTime(iso, this.appInfo.wardTimeZone());
  }
}
