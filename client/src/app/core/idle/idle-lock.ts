import { DOCUMENT } from '@angular/common';
import { Injectable, Injector, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { AppInfoStore } from '../app-info/app-info-store';
import { AuthState } from '../auth/auth-state';
import { Clock } from './clock';

const WARNING_BEFORE_MS = 60_000;
const TICK_MS = 1_000;
const ACTIVITY_EVENTS = ['mousedown', 'mousemove', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
// Tabs of the same browser share one session, so they share the time of the last activity.
const LAST_ACTIVITY_KEY = 'infusion-tracker.last-activity';
const SHARE_EVERY_MS = 5_000;

/**
 * Signs a shared ward computer out after `idleTimeoutSeconds` without mouse, keyboard or touch,
 * warning one minute before.
 */
@Injectable({ providedIn: 'root' })
export class IdleLock {
  private readonly clock = inject(Clock);
  private readonly auth = inject(AuthState);
  private readonly appInfo = inject(AppInfoStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  private readonly warningShown = signal(false);
  /** True during the last minute before sign-out. */
  readonly warning = this.warningShown.asReadonly();

  private lastActivity = 0;
  private lastShared = 0;
  private lastServerContact = 0;
  private stopTicking: (() => void) | null = null;

  /** Runs the lock whenever somebody is signed in. */
  watchSession(): void {
    effect(
      () => {
        const signedIn = this.auth.signedIn();
        untracked(() => (signedIn ? this.start() : this.stop()));
      },
      { injector: this.injector },
    );
  }

  start(): void {
    if (this.stopTicking) {
      return;
    }
    this.lastActivity = this.clock.now();
    this.lastServerContact = this.lastActivity;
    for (const type of ACTIVITY_EVENTS) {
      this.document.addEventListener(type, this.onActivity, { passive: true, capture: true });
    }
    this.document.defaultView?.addEventListener('storage', this.onOtherTabActivity);
    this.stopTicking = this.clock.every(TICK_MS, () => this.check());
  }

  stop(): void {
    this.stopTicking?.();
    this.stopTicking = null;
    for (const type of ACTIVITY_EVENTS) {
      this.document.removeEventListener(type, this.onActivity, { capture: true });
    }
    this.document.defaultView?.removeEventListener('storage', this.onOtherTabActivity);
    this.warningShown.set(false);
  }

  /** The "Stay signed in" button: renews the server session too, which the page may not have
   * called for a while. */
  async staySignedIn(): Promise<void> {
    this.warningShown.set(false);
    this.markActive(this.clock.now());
    await this.contactServer();
  }

  private check(): void {
    const timeoutMs = this.appInfo.idleTimeoutSeconds() * 1000;
    const idleMs = this.clock.now() - this.lastActivity;
    if (idleMs >= timeoutMs) {
      void this.signOutForInactivity();
    } else if (idleMs >= timeoutMs - WARNING_BEFORE_MS) {
      this.warningShown.set(true);
    }
  }

  private readonly onActivity = (): void => {
    // Once warned, only the button keeps the person signed in: a brush of the mouse by someone
    // walking past must not.
    if (this.warningShown()) {
      return;
    }
    const now = this.clock.now();
    this.markActive(now);
    // Someone reading a long page makes no calls; keep the server's own idle timer from running out first.
    if (now - this.lastServerContact >= (this.appInfo.idleTimeoutSeconds() * 1000) / 2) {
      void this.contactServer();
    }
  };

  private readonly onOtherTabActivity = (event: StorageEvent): void => {
    if (event.key !== LAST_ACTIVITY_KEY || !event.newValue) {
      return;
    }
    const at = Number(event.newValue);
    if (Number.isFinite(at) && at > this.lastActivity) {
      this.lastActivity = at;
      this.warningShown.set(false);
    }
  };

  private markActive(now: number): void {
    this.lastActivity = now;
    if (now - this.lastShared >= SHARE_EVERY_MS) {
      this.lastShared = now;
      try {
        this.document.defaultView?.localStorage.setItem(LAST_ACTIVITY_KEY, String(now));
      } catch {
        // Storage can be disabled by policy; the lock still works for this tab.
      }
    }
  }

  private async contactServer(): Promise<void> {
    this.lastServerContact = this.clock.now();
    try {
      if (!(await this.auth.refresh())) {
        this.stop();
        await this.router.navigate(['/sign-in'], {
          queryParams: { reason: 'expired', returnUrl: this.router.url },
        });
      }
    } catch {
      // The server could not be reached; the error banner says so and the lock carries on.
    }
  }

  private async signOutForInactivity(): Promise<void> {
    const returnUrl = this.router.url;
    this.stop();
    await this.auth.signOut();
    await this.router.navigate(['/sign-in'], { queryParams: { reason: 'idle', returnUrl } });
  }
}
