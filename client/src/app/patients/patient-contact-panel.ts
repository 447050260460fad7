import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { Patient, PatientContact, Problem } from '../core/api-types';
import { toProblem } from '../core/problem';
import { CONTACT_METHOD_LABELS, PHONE_LABEL_WORDS } from '../shared/follow-up-labels';
import { ProblemMessage } from '../shared/problem-message';
import { ContactFields, contactForm, contactValue } from './contact-form';
import { PatientsApi } from './patients.api';

/** The patient's phone numbers and preferred contact method, and (nurse, prescriber) a form to change them. */
@Component({
  selector: 'app-patient-contact-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, ContactFields, ProblemMessage],
  template: `
    @if (contact(); as contact) {
      @if (!editing()) {
        <ul class="numbers" aria-label="Phone numbers">
          @for (phone of contact.phoneNumbers; track $index) {
            <li>
              {{ labelWords[phone.label] }} <a [href]="'tel:' + phone.number">{{ phone.number }}</a>
            </li>
          } @empty {
            <li>No phone number recorded.</li>
          }
        </ul>
        <p>
          Preferred contact method:
          {{ contact.preferredMethod ? methodWords[contact.preferredMethod] : 'not recorded' }}
        </p>
        @if (saved()) {
          <p role="status">Contact details saved.</p>
        }
        @if (canEdit()) {
          <button mat-stroked-button type="button" (click)="edit()">Change contact details</button>
        }
      } @else {
        <form [formGroup]="form()" (ngSubmit)="save()" aria-label="Contact details">
          <app-contact-fields [form]="form()" />
          <div role="alert">
            @if (problem(); as problem) {
              <app-problem-message class="failure" [problem]="problem" [fieldLabels]="fieldLabels" />
            }
          </div>
          <button mat-flat-button type="submit" [disabled]="saving()">Save contact details</button>
          <button mat-button type="button" (click)="editing.set(false)">Cancel</button>
        </form>
      }
    } @else {
      <p>Contact details are not shown to your role.</p>
    }
  `,
  styles: `
    .numbers {
      margin: 0;
      padding-left: 1.25rem;
    }
    .failure {
      display: block;
      margin-bottom: 1rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class PatientContactPanel {
  readonly patient = input.required<Patient>();
  readonly canEdit = input(false);

  private readonly api = inject(PatientsApi);

  protected readonly labelWords = PHONE_LABEL_WORDS;
  protected readonly methodWords = CONTACT_METHOD_LABELS;
  protected readonly fieldLabels = {
    phoneNumbers: 'Phone numbers',
    preferredMethod: 'Preferred contact method',
  };

  /** As the server last answered: the patient's, until a save brings the new details. */
  protected readonly contact = linkedSignal<PatientContact | null>(() => this.patient().contact ?? null);
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = signal(contactForm());

  protected edit(): void {
    this.form.set(contactForm(this.contact()));
    this.problem.set(null);
    this.saved.set(false);
    this.editing.set(true);
  }

  protected save(): void {
    const form = this.form();
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.updateContact(this.patient().id, contactValue(form)).subscribe({
      next: (patient) => {
        this.saving.set(false);
        this.contact.set(patient.contact ?? contactValue(form));
        this.editing.set(false);
        this.saved.set(true);
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
