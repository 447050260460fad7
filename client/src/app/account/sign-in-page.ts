import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { AuthState } from '../core/auth/auth-state';
import { problemMessage, toProblem } from '../core/problem';
import { describeDuration } from '../shared/duration';
import { safeReturnUrl } from './return-url';

@Component({
  selector: 'app-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatButton],
  templateUrl: './sign-in-page.html',
  styleUrl: './account-page.scss',
})
export class SignInPage {
  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  private readonly auth = inject(AuthState);
  private readonly router = inject(Router);
  private readonly appInfo = inject(AppInfoStore);

  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly wardName = this.appInfo.wardName;
  protected readonly demoMode = this.appInfo.demoMode;
  protected readonly notice = computed(() => {
    switch (this.reason()) {
      case 'idle':
        return `Signed out after ${describeDuration(this.appInfo.idleTimeoutSeconds())} without activity.`;
      case 'expired':
        return 'Your session has ended. Sign in again to carry on.';
      default:
        return null;
    }
  });

  protected async signIn(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.failure.set(null);
    try {
      const user = await this.auth.signIn(this.form.getRawValue());
      const target = safeReturnUrl(this.returnUrl());
      if (user.mustChangePassword) {
        await this.router.navigate(['/change-password'], { queryParams: { returnUrl: target } });
      } else {
        await this.router.navigateByUrl(target);
      }
    } catch (error) {
      this.failure.set(describeFailure(error));
      // A fresh password field, without an "Enter your password" error over the message that matters.
      this.formDirective().resetForm({ username: this.form.controls.username.value, password: '' });
    } finally {
      this.submitting.set(false);
    }
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Sign-in failed. Try again.';
  }
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds(error) / 60));
    return `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  return problemMessage(toProblem(error));
}

/** Retry-After is either seconds or an HTTP date (RFC 9110, 10.2.3). */
function retryAfterSeconds(error: HttpErrorResponse): number {
  const header = error.headers.get('Retry-After');
  if (!header) {
    return 60;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return seconds;
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? 60 : (at - Date.now()) / 1000;
}
