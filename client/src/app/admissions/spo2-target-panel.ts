import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Problem, Spo2Scale2Target, StaffName } from '../core/api-types';
import { AuthState } from '../core/auth/auth-state';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';
import { WardTimePipe } from '../shared/ward-time';
import { AdmissionsApi } from './admissions.api';
import { recordedBy } from './recorded-by';

/** The server keeps the target as written, up to this length. */
const TARGET_MAX_LENGTH = 60;

/**
 * Which SpO2 scale applies: scale 1 unless a prescriber has documented a scale 2 target (hypercapnic
 * respiratory failure, NEWS2, RCP 2017). A prescriber documents, changes or withdraws it here; the
 * observation form offers scale 2 only while a target is documented.
 */
@Component({
  selector: 'app-spo2-target-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    ProblemMessage,
    WardTimePipe,
  ],
  template: `
    <p class="spo2-target" #statement tabindex="-1">
      @if (target(); as target) {
        SpO2 scale 2 target: <strong>{{ target.target }}</strong>
        <span class="secondary">
          (documented by {{ who(target.setBy) }} at {{ target.setAt | wardTime: 'minute' }})
        </span>
      } @else {
        SpO2 target: <strong>Scale 1</strong> (default)
      }
    </p>
    <div role="status" class="saved">
      @if (savedMessage(); as message) {
        <p>{{ message }}</p>
      }
    </div>
    @if (canChange()) {
      @switch (mode()) {
        @case ('document') {
          <form
            [formGroup]="form"
            (ngSubmit)="save()"
            (keydown.escape)="close()"
            aria-label="SpO2 scale 2 target"
          >
            <mat-form-field class="field">
              <mat-label>Scale 2 target as prescribed</mat-label>
              <input
                matInput
                #targetInput
                formControlName="target"
                autocomplete="off"
                required
                [attr.maxlength]="maxLength"
              />
              <mat-hint>As written on the prescription, e.g. 88-92%</mat-hint>
              <mat-error>Write the target as prescribed, e.g. 88-92%.</mat-error>
            </mat-form-field>
            <div role="alert">
              @if (problem(); as problem) {
                <app-problem-message class="failure" [problem]="problem" />
              }
            </div>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="saving()">Save the target</button>
              <button mat-button type="button" (click)="close()">Cancel</button>
            </div>
          </form>
        }
        @case ('withdraw') {
          <section
            class="confirm"
            #confirm
            tabindex="-1"
            aria-labelledby="withdraw-question"
            (keydown.escape)="close()"
          >
            <p id="withdraw-question">
              Withdraw the scale 2 target {{ target()?.target }}? Observations will then be scored on SpO2
              scale 1.
            </p>
            <div role="alert">
              @if (problem(); as problem) {
                <app-problem-message class="failure" [problem]="problem" />
              }
            </div>
            <div class="actions">
              <button mat-flat-button type="button" [disabled]="saving()" (click)="withdraw()">
                Withdraw the target
              </button>
              <button mat-button type="button" (click)="close()">Keep the target</button>
            </div>
          </section>
        }
        @default {
          <div class="actions">
            @if (target()) {
              <button mat-stroked-button type="button" (click)="openDocument()">Change the target</button>
              <button mat-stroked-button type="button" (click)="openWithdraw()">
                Withdraw the scale 2 target
              </button>
            } @else {
              <button mat-stroked-button type="button" (click)="openDocument()">
                Document a scale 2 target
              </button>
            }
          </div>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .spo2-target:focus {
      outline: none;
    }
    .secondary {
      color: var(--mat-sys-on-surface-variant);
    }
    .saved p {
      margin: 0 0 0.5rem;
    }
    .field {
      display: block;
      width: min(100%, 24rem);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .confirm {
      padding: 0.75rem 1rem;
      border: 2px solid var(--mat-sys-outline);
      border-radius: 12px;
    }
    .failure {
      margin-bottom: 0.75rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class Spo2TargetPanel {
  readonly admissionId = input.required<string>();
  /** The target in force; null: scale 1 applies. */
  readonly target = input.required<Spo2Scale2Target | null>();
  /** Names of the staff the admission refers to, to say who documented the target. */
  readonly staff = input<readonly StaffName[]>([]);
  readonly canChange = input(false);
  /** The target in force after a save (null when withdrawn), as the server answered. */
  readonly changed = output<Spo2Scale2Target | null>();

  private readonly api = inject(AdmissionsApi);
  private readonly auth = inject(AuthState);
  private readonly injector = inject(Injector);
  private readonly statement = viewChild.required<ElementRef<HTMLElement>>('statement');
  private readonly targetInput = viewChild<ElementRef<HTMLInputElement>>('targetInput');
  private readonly confirm = viewChild<ElementRef<HTMLElement>>('confirm');

  protected readonly maxLength = TARGET_MAX_LENGTH;
  protected readonly mode = signal<'document' | 'withdraw' | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly savedMessage = signal<string | null>(null);
  protected readonly form = new FormGroup({
    target: new FormControl('', {
      nonNullable: true,
      // Not blank: whitespace alone is no target, and must never read as a withdrawal.
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(TARGET_MAX_LENGTH)],
    }),
  });

  protected who(userId: string): string {
    return recordedBy(userId, this.auth.user()?.id, this.staff());
  }

  protected openDocument(): void {
    this.form.reset({ target: this.target()?.target ?? '' });
    this.open('document', () => this.targetInput()?.nativeElement);
  }

  protected openWithdraw(): void {
    this.open('withdraw', () => this.confirm()?.nativeElement);
  }

  protected close(): void {
    this.mode.set(null);
    this.problem.set(null);
    this.focusAfterRender(() => this.statement().nativeElement);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.send(this.form.getRawValue().target.trim());
  }

  protected withdraw(): void {
    this.send(null);
  }

  private open(mode: 'document' | 'withdraw', focus: () => HTMLElement | undefined): void {
    this.problem.set(null);
    this.savedMessage.set(null);
    this.mode.set(mode);
    this.focusAfterRender(focus);
  }

  private send(target: string | null): void {
    this.saving.set(true);
    this.problem.set(null);
    this.api.setSpo2Scale2Target(this.admissionId(), { target }).subscribe({
      next: (inForce) => {
        this.saving.set(false);
        this.mode.set(null);
        this.savedMessage.set(
          inForce
            ? `Scale 2 target documented: ${inForce.target}.`
            : 'Scale 2 target withdrawn: SpO2 scale 1 applies.',
        );
        this.changed.emit(inForce);
        this.focusAfterRender(() => this.statement().nativeElement);
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private focusAfterRender(target: () => HTMLElement | undefined): void {
    afterNextRender(() => target()?.focus(), { injector: this.injector });
  }
}
