import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { CONTACT_METHODS, ContactMethod, PHONE_LABELS, PatientContact, PhoneLabel } from '../core/api-types';
import { CONTACT_METHOD_LABELS, PHONE_LABEL_WORDS } from '../shared/follow-up-labels';

/** ADR 4: 6-20 characters of digits, spaces, + ( ) -, with at least 6 digits. */
export function phoneNumberRule(control: AbstractControl<string>): ValidationErrors | null {
  const number = (control.value ?? '').trim();
  if (number === '') {
    return null;
  }
  const digits = number.replace(/\D/g, '').length;
  return /^[\d +()-]{6,20}$/.test(number) && digits >= 6 ? null : { phoneNumber: true };
}

export type PhoneRow = FormGroup<{ label: FormControl<PhoneLabel>; number: FormControl<string> }>;
export type ContactFormGroup = FormGroup<{
  phoneNumbers: FormArray<PhoneRow>;
  preferredMethod: FormControl<ContactMethod | ''>;
}>;

export function phoneRow(label: PhoneLabel = 'mobile', number = ''): PhoneRow {
  return new FormGroup({
    label: new FormControl<PhoneLabel>(label, { nonNullable: true }),
    number: new FormControl(number, {
      nonNullable: true,
      validators: [Validators.required, phoneNumberRule],
    }),
  });
}

/** The contact details as a form: one row per phone number recorded, none when there are none. */
export function contactForm(contact: PatientContact | null | undefined = null): ContactFormGroup {
  return new FormGroup({
    phoneNumbers: new FormArray(
      (contact?.phoneNumbers ?? []).map((phone) => phoneRow(phone.label, phone.number)),
    ),
    preferredMethod: new FormControl<ContactMethod | ''>(contact?.preferredMethod ?? '', {
      nonNullable: true,
    }),
  });
}

/** What the form says, as the API takes it. */
export function contactValue(form: ContactFormGroup): PatientContact {
  const value = form.getRawValue();
  return {
    phoneNumbers: value.phoneNumbers.map((phone) => ({ label: phone.label, number: phone.number.trim() })),
    preferredMethod: value.preferredMethod || null,
  };
}

/** Phone numbers (label and number, as many as needed) and the preferred way to be contacted. */
@Component({
  selector: 'app-contact-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput],
  template: `
    <fieldset [formGroup]="form()">
      <legend>Contact details for follow-up (optional)</legend>
      <div formArrayName="phoneNumbers">
        @for (row of form().controls.phoneNumbers.controls; track row; let index = $index) {
          <div class="phone-row" [formGroupName]="index">
            <mat-form-field class="label">
              <mat-label>Phone {{ index + 1 }} type</mat-label>
              <select matNativeControl formControlName="label">
                @for (label of labels; track label) {
                  <option [value]="label">{{ labelWords[label] }}</option>
                }
              </select>
            </mat-form-field>
            <mat-form-field class="number" subscriptSizing="dynamic">
              <mat-label>Phone {{ index + 1 }} number</mat-label>
              <input matInput type="tel" formControlName="number" autocomplete="off" required />
              <mat-hint>Digits, spaces, + ( ) -; at least 6 digits</mat-hint>
              <mat-error>6 to 20 characters of digits, spaces, + ( ) -, with at least 6 digits.</mat-error>
            </mat-form-field>
            <button mat-button type="button" (click)="remove(index)">
              Remove<span class="visually-hidden"> phone {{ index + 1 }}</span>
            </button>
          </div>
        }
      </div>
      <button mat-stroked-button type="button" (click)="add()">Add a phone number</button>
      <mat-form-field class="preferred">
        <mat-label>Preferred contact method</mat-label>
        <select matNativeControl formControlName="preferredMethod">
          <option value="">Not recorded</option>
          @for (method of methods; track method) {
            <option [value]="method">{{ methodWords[method] }}</option>
          }
        </select>
      </mat-form-field>
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    fieldset {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem 0.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    legend {
      padding-inline: 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .phone-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: center;
    }
    .label {
      width: 9rem;
    }
    .number {
      width: min(100%, 16rem);
    }
    .preferred {
      display: block;
      width: min(100%, 16rem);
      margin-top: 1rem;
    }
  `,
})
export class ContactFields {
  readonly form = input.required<ContactFormGroup>();

  protected readonly labels = PHONE_LABELS;
  protected readonly labelWords = PHONE_LABEL_WORDS;
  protected readonly methods = CONTACT_METHODS;
  protected readonly methodWords = CONTACT_METHOD_LABELS;

  protected add(): void {
    const numbers = this.form().controls.phoneNumbers;
    numbers.push(phoneRow(numbers.length === 0 ? 'mobile' : 'home'));
  }

  protected remove(index: number): void {
    this.form().controls.phoneNumbers.removeAt(index);
  }
}
