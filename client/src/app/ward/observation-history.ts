import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatError } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ObservationSet, Problem } from '../core/api-types';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';
import { valueWithUnit } from '../shared/order-words';
import { WardTimePipe } from '../shared/ward-time';
import { FlagChip } from './flag-chip';
import { News2Band } from './news2-band';
import { POSS_SHORT_LABELS, partialWords } from './observation-labels';
import { WardApi } from './ward.api';

/**
 * The admission's observation sets, newest first, with a way to mark one entered in error (reason
 * required) so that it can be recorded again; a marked set stays in the list, struck through and said.
 */
@Component({
  selector: 'app-observation-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    RouterLink,
    ProblemMessage,
    WardTimePipe,
    FlagChip,
    News2Band,
  ],
  template: `
    <p class="actions">
      @if (canRecord()) {
        <a mat-flat-button [routerLink]="['/ward/admissions', admissionId(), 'observations', 'new']"
          >Record observations</a
        >
      }
    </p>
    @if (sets() === null) {
      <p role="status">Loading the observation sets…</p>
    } @else if (sets()!.length === 0) {
      <p class="empty">No observation sets yet.</p>
    } @else {
      <div class="table-scroll" tabindex="0" role="region" aria-label="Observation sets table">
        <table aria-label="Observation sets, newest first">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">NEWS2</th>
              <th scope="col">Sedation</th>
              <th scope="col">Pain</th>
              <th scope="col">Pump showed</th>
              <th scope="col">Flags</th>
              <th scope="col">Recorded by</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (set of sets(); track set.id) {
              <tr [class.in-error]="set.enteredInError">
                <td>
                  @if (set.enteredInError; as error) {
                    <span class="error-label">Entered in error: {{ error.reason }}</span>
                  }
                  <span class="value">{{ set.takenAt | wardTime: 'minute' }}</span>
                </td>
                <td>
                  <app-news2-band
                    [complete]="set.news2.complete"
                    [total]="set.news2.total"
                    [response]="set.news2.response"
                  />
                  @if (partialWords(set); as partial) {
                    <span class="partial">{{ partial }}</span>
                  }
                </td>
                <td>{{ set.sedation ? possLabels[set.sedation] : '–' }}</td>
                <td>{{ set.painScore ?? '–' }}</td>
                <td>{{ set.pumpRate ? valueWithUnit(set.pumpRate) : 'Not read' }}</td>
                <td class="flags">
                  @for (flag of set.flags; track flag) {
                    <app-flag-chip [flag]="flag" />
                  }
                </td>
                <td>{{ set.recordedByName }}</td>
                <td>
                  @if (canRecord() && !set.enteredInError && correcting() !== set.id) {
                    <button mat-button type="button" (click)="startCorrecting(set)">
                      Mark entered in error
                    </button>
                  }
                </td>
              </tr>
              @if (correcting() === set.id) {
                <tr>
                  <td colspan="8">
                    <form
                      [formGroup]="form"
                      (ngSubmit)="markInError(set)"
                      aria-label="Mark the observation set entered in error"
                    >
                      <mat-form-field>
                        <mat-label>Why is this set wrong?</mat-label>
                        <input matInput formControlName="reason" required autocomplete="off" />
                        <mat-error>Give the reason.</mat-error>
                      </mat-form-field>
                      <button mat-flat-button type="submit" [disabled]="saving()">
                        Mark entered in error
                      </button>
                      <button mat-button type="button" (click)="correcting.set(null)">Keep it</button>
                      @if (problem(); as problem) {
                        <app-problem-message [problem]="problem" />
                      }
                    </form>
                  </td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .partial {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    /* The cell stays a table cell (a flex cell loses the row's borders); the chips wrap inside it. */
    .flags app-flag-chip {
      margin: 0 0.25rem 0.25rem 0;
    }
    tr.in-error .value {
      text-decoration: line-through;
    }
    .error-label {
      display: block;
      font-weight: 600;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class ObservationHistory implements OnInit {
  readonly admissionId = input.required<string>();
  /** Nurses and prescribers record sets and correct them. */
  readonly canRecord = input(false);

  private readonly api = inject(WardApi);

  protected readonly sets = signal<ObservationSet[] | null>(null);
  protected readonly correcting = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly form = new FormGroup({ reason: this.reason });
  protected readonly possLabels = POSS_SHORT_LABELS;
  protected readonly partialWords = partialWords;
  protected readonly valueWithUnit = valueWithUnit;

  ngOnInit(): void {
    this.load();
  }

  protected startCorrecting(set: ObservationSet): void {
    this.reason.reset('');
    this.problem.set(null);
    this.correcting.set(set.id);
  }

  protected markInError(set: ObservationSet): void {
    if (this.reason.invalid || !this.reason.value.trim()) {
      this.reason.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.api.markSetEnteredInError(set.id, this.reason.value.trim()).subscribe({
      next: () => {
        this.saving.set(false);
        this.correcting.set(null);
        this.load();
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private load(): void {
    this.api.observationSets(this.admissionId()).subscribe((page) => this.sets.set(page.items));
  }
}
