import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Problem, SEXES, Sex } from '../core/api-types';
import { toProblem } from '../core/problem';
import { SEX_LABELS } from '../shared/patient-identity';
import { ProblemMessage } from '../shared/problem-message';
import { ContactFields, contactForm, contactValue } from './contact-form';
import { PatientsApi } from './patients.api';
import { WardDateInput } from '../shared/ward-date-input';

/** The server's rule for an MRN: 3-20 letters, digits or dashes. */
const MRN_PATTERN = /^[A-Za-z0-9-]{3,20}$/;

/** Registers a patient new to the service, then goes straight on to admit them. */
@Component({
  selector: 'app-new-patient-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    ProblemMessage,
    ContactFields,
  ],
  templateUrl: './new-patient-page.html',
  styleUrl: './new-patient-page.scss',
})
export class NewPatientPage {
  private readonly api = inject(PatientsApi);
  private readonly router = inject(Router);

  protected readonly sexes = SEXES;
  protected readonly sexLabels = SEX_LABELS;
  protected readonly fieldLabels = {
    mrn: 'MRN',
    familyName: 'Family name',
    givenName: 'Given name',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    contact: 'Contact details',
    'contact.phoneNumbers': 'Phone numbers',
    'contact.preferredMethod': 'Preferred contact method',
  };

  protected readonly form = inject(NonNullableFormBuilder).group({
    mrn: ['', [Validators.required, Validators.pattern(MRN_PATTERN)]],
    familyName: ['', Validators.required],
    givenName: ['', Validators.required],
    dateOfBirth: ['', Validators.required],
    sex: ['' as Sex | '', Validators.required],
  });
  protected readonly contact = contactForm();
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected save(): void {
    if (this.form.invalid || this.contact.invalid) {
      this.form.markAllAsTouched();
      this.contact.markAllAsTouched();
      return;
    }
    const contact = contactValue(this.contact);
    const { mrn, familyName, givenName, dateOfBirth, sex } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .create({
        mrn: mrn.trim(),
        familyName: familyName.trim(),
        givenName: givenName.trim(),
        dateOfBirth,
        sex: sex as Sex,
        // Contact details are optional: sent only when something was recorded.
        ...(contact.phoneNumbers.length || contact.preferredMethod ? { contact } : {}),
      })
      .subscribe({
        next: (patient) => void this.router.navigate(['/patients', patient.id, 'admit']),
        error: (error: HttpErrorResponse) => {
          this.saving.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }
}
