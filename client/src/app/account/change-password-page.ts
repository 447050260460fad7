import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { Problem } from '../core/api-types';
import { AuthState } from '../core/auth/auth-state';
import { MIN_PASSWORD_LENGTH } from '../core/auth/password-rule';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';
import { safeReturnUrl } from './return-url';

@Component({
  selector: 'app-change-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    MatButton,
    ProblemMessage,
  ],
  templateUrl: './change-password-page.html',
  styleUrl: './account-page.scss',
})
export class ChangePasswordPage {
  readonly returnUrl = input<string>();

  private readonly auth = inject(AuthState);
  private readonly router = inject(Router);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly mustChange = computed(() => this.auth.user()?.mustChangePassword ?? false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
    confirmPassword: ['', [Validators.required, matchesNewPassword]],
  });
  protected readonly fieldLabels = {
    currentPassword: 'Current password',
    newPassword: 'New password',
  };
  protected readonly submitting = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity({ emitEvent: false }));
  }

  protected async changePassword(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submitting.set(true);
    this.problem.set(null);
    try {
      await this.auth.changePassword({ currentPassword, newPassword });
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      if (error instanceof HttpErrorResponse) {
        this.problem.set(toProblem(error));
      } else {
        throw error;
      }
    } finally {
      this.submitting.set(false);
    }
  }

  protected cancel(): void {
    void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate(['/sign-in']);
  }
}

function matchesNewPassword(control: AbstractControl<string>): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value;
  return control.value && control.value !== newPassword ? { mismatch: true } : null;
}
