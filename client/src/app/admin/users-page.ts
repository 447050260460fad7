import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { Problem, ROLES, Role, User } from '../core/api-types';
import { ROLE_LABELS } from '../core/auth/access';
import { AuthState } from '../core/auth/auth-state';
import { MIN_PASSWORD_LENGTH } from '../core/auth/password-rule';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';
import { AdminApi } from './admin.api';
import { roleFlags, roleFlagsGroup, selectedRoles } from './role-flags';

/** Users and their roles. Accounts are deactivated, never deleted: the audit trail names them. */
@Component({
  selector: 'app-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatTableModule,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    ProblemMessage,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthState);
  private readonly injector = inject(Injector);
  private readonly formBuilder = inject(NonNullableFormBuilder);
  private readonly editPanel = viewChild<ElementRef<HTMLElement>>('editPanel');
  private readonly resetPanel = viewChild<ElementRef<HTMLElement>>('resetPanel');

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly columns = ['name', 'roles', 'status', 'actions'];
  protected readonly fieldLabels = {
    username: 'Username',
    displayName: 'Display name',
    roles: 'Roles',
    password: 'Password',
  };

  protected readonly users = signal<User[]>([]);
  protected readonly loading = signal(true);
  protected readonly statusMessage = signal<string | null>(null);
  protected readonly signedInUserId = computed(() => this.auth.user()?.id);

  protected readonly createForm = this.formBuilder.group({
    username: ['', Validators.required],
    displayName: ['', Validators.required],
    roles: roleFlagsGroup(),
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });
  protected readonly createProblem = signal<Problem | null>(null);
  protected readonly creating = signal(false);

  protected readonly editing = signal<User | null>(null);
  protected readonly editForm = this.formBuilder.group({
    displayName: ['', Validators.required],
    roles: roleFlagsGroup(),
  });

  protected readonly resetting = signal<User | null>(null);
  protected readonly resetForm = this.formBuilder.group({
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });
  protected readonly resetProblem = signal<Problem | null>(null);

  constructor() {
    this.load();
  }

  protected roleNames(roles: readonly Role[]): string {
    return roles.map((role) => ROLE_LABELS[role]).join(', ');
  }

  protected setActive(user: User, active: boolean): void {
    this.statusMessage.set(null);
    this.api.updateUser(user.id, { active }).subscribe((updated) => {
      this.replace(updated);
      this.statusMessage.set(
        active
          ? `${updated.displayName} can sign in again.`
          : `${updated.displayName} is deactivated and can no longer sign in.`,
      );
    });
  }

  protected edit(user: User): void {
    this.resetting.set(null);
    this.editing.set(user);
    this.editForm.reset({ displayName: user.displayName, roles: roleFlags(user.roles) });
    this.focusWhenShown(this.editPanel);
  }

  protected saveEdit(): void {
    const user = this.editing();
    if (!user || this.editForm.invalid) {
      this.editForm.markAllAsTouched();
      return;
    }
    const { displayName, roles } = this.editForm.getRawValue();
    this.api.updateUser(user.id, { displayName, roles: selectedRoles(roles) }).subscribe((updated) => {
      this.replace(updated);
      this.editing.set(null);
      this.statusMessage.set(`Saved the changes to ${updated.displayName}.`);
    });
  }

  protected startReset(user: User): void {
    this.editing.set(null);
    this.resetting.set(user);
    this.resetProblem.set(null);
    this.resetForm.reset();
    this.focusWhenShown(this.resetPanel);
  }

  protected saveReset(): void {
    const user = this.resetting();
    if (!user || this.resetForm.invalid) {
      this.resetForm.markAllAsTouched();
      return;
    }
    this.resetProblem.set(null);
    this.api.resetPassword(user.id, this.resetForm.getRawValue().password).subscribe({
      next: () => {
        this.resetting.set(null);
        this.statusMessage.set(
          `Password reset for ${user.displayName}. Give it to them in person; they choose their own at the next sign-in.`,
        );
        this.load();
      },
      error: (error: HttpErrorResponse) => this.resetProblem.set(toProblem(error)),
    });
  }

  protected create(): void {
    if (this.createForm.invalid) {
      this.createForm.markAllAsTouched();
      return;
    }
    const { username, displayName, roles, password } = this.createForm.getRawValue();
    this.creating.set(true);
    this.createProblem.set(null);
    this.statusMessage.set(null);
    this.api.createUser({ username, displayName, roles: selectedRoles(roles), password }).subscribe({
      next: (created) => {
        this.creating.set(false);
        this.users.update((users) => [...users, created]);
        this.createForm.reset();
        this.statusMessage.set(
          `Created ${created.displayName} (${created.username}). They must change the password at their first sign-in.`,
        );
      },
      error: (error: HttpErrorResponse) => {
        this.creating.set(false);
        this.createProblem.set(toProblem(error));
      },
    });
  }

  private load(): void {
    this.api.listUsers().subscribe({
      next: ({ items }) => {
        this.users.set(items);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  private replace(updated: User): void {
    this.users.update((users) => users.map((user) => (user.id === updated.id ? updated : user)));
  }

  private focusWhenShown(panel: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => panel()?.nativeElement.focus(), { injector: this.injector });
  }
}
