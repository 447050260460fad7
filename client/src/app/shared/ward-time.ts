import { Pipe, PipeTransform, inject } from '@angular/core';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { formatWardMinute, formatWardTime } from './ward-time-format';

export * from './ward-time-format';

@Pipe({ name: 'wardTime' })
export class WardTimePipe implements PipeTransform {
  private readonly appInfo = inject(AppInfoStore);

  /** `minute`: "2 Jan 2025, 14:03", for tables whose page names the zone once. */
  transform(iso: string, precision: 'second' | 'minute' = 'second'): string {
    const timeZone = this.appInfo.wardTimeZone();
    return precision === 'minute' ? formatWardMinute(iso, timeZone) : formatWardTime(iso, timeZone);
  }
}
