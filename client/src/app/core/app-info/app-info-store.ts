import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AppInfo } from '../api-types';
import { AppInfoApi } from './app-info.api';

const DEFAULT_IDLE_TIMEOUT_SECONDS = 15 * 60;

/** The ward this installation serves and how it is run, loaded once at start-up. */
@Injectable({ providedIn: 'root' })
export class AppInfoStore {
  private readonly api = inject(AppInfoApi);
  private readonly current = signal<AppInfo | null>(null);

  readonly info = this.current.asReadonly();
  readonly wardName = computed(() => this.current()?.wardName ?? '');
  /** Times on screen are ward times; before app-info arrives, the computer's own zone. */
  readonly wardTimeZone = computed(
    () => this.current()?.wardTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  readonly demoMode = computed(() => this.current()?.demoMode ?? false);
  readonly idleTimeoutSeconds = computed(
    () => this.current()?.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS,
  );

  /** A failure shows in the error banner; the app still starts, with defaults. */
  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.api.get()));
    } catch {
      this.current.set(null);
    }
  }
}
