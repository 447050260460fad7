import { Directive, ElementRef, forwardRef, inject, input } from '@angular/core';
import {
  AbstractControl,
  ControlValueAccessor,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  ValidationErrors,
  Validator,
} from '@angular/forms';

/*
 * Dates and times typed the ward's way, whatever the browser's language: "28/11/2026" and
 * "28/11/2026 14:05" (day first, 24-hour clock). A native date input follows the browser's locale
 * (11/28/2026, 2:05 PM on an American browser) and cannot be told otherwise, so these fields are text.
 * The form control keeps the value a native input would give ("2026-11-28", "2026-11-28T14:05"), so
 * validators and requests are unchanged; ISO text typed or pasted in is accepted as well.
 */

export type WardDateKind = 'date' | 'datetime';

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-28" → "28/11/2026"; "2026-11-28T14:05" → "28/11/2026 14:05"; anything else unchanged. */
export function formatWardDateInput(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) {
    return value;
  }
  const [, year, month, day, hour, minute] = match;
  return hour === undefined ? `${day}/${month}/${year}` : `${day}/${month}/${year} ${hour}:${minute}`;
}

/**
 * What was typed, as a native input's value, or null when it is not a whole, real date (and time).
 * Day first: "28/11/2026", "28.11.2026", "28-11-2026"; time "14:05", "14.05" or "1405".
 */
export function parseWardDateInput(text: string, kind: WardDateKind): string | null {
  const typed = text.trim();
  const iso =
    kind === 'date'
      ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed)
      : /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(typed);
  let year: number,
    month: number,
    day: number,
    hour = 0,
    minute = 0;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (kind === 'datetime') {
      [hour, minute] = [Number(iso[4]), Number(iso[5])];
    }
  } else {
    const datePart = '(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})';
    const pattern =
      kind === 'date' ? new RegExp(`^${datePart}$`) : new RegExp(`^${datePart}[ ,]+(\\d{1,2})[:.]?(\\d{2})$`);
    const local = pattern.exec(typed);
    if (!local) {
      return null;
    }
    [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
    if (kind === 'datetime') {
      [hour, minute] = [Number(local[4]), Number(local[5])];
    }
  }
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const real =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60;
  if (!real) {
    return null;
  }
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return kind === 'date' ? date : `${date}T${pad(hour)}:${pad(minute)}`;
}

/**
 * `<input matInput appWardDate formControlName="dateOfBirth">`, or `appWardDate="datetime"`. Error
 * `wardDate` while the text is not a whole date; the control's value is then empty.
 */
@Directive({
  selector: 'input[appWardDate]',
  host: {
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    '[attr.placeholder]': "kind() === 'date' ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm'",
    '(input)': 'typed()',
    '(blur)': 'touched()',
  },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => WardDateInput), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => WardDateInput), multi: true },
  ],
})
export class WardDateInput implements ControlValueAccessor, Validator {
  /** `date` (the default) or `datetime`. */
  readonly appWardDate = input<WardDateKind | ''>('');
  protected readonly kind = () => this.appWardDate() || 'date';

  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;
  private unreadable = false;
  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: string | null): void {
    this.unreadable = false;
    this.element.value = formatWardDateInput(value);
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.element.disabled = disabled;
  }

  validate(_control: AbstractControl): ValidationErrors | null {
    return this.unreadable ? { wardDate: { kind: this.kind() } } : null;
  }

  protected typed(): void {
    const text = this.element.value;
    const parsed = text.trim() ? parseWardDateInput(text, this.kind()) : '';
    this.unreadable = parsed === null;
    this.onChange(parsed ?? '');
  }

  protected touched(): void {
    // A whole date typed another accepted way is shown back the ward's way.
    if (!this.unreadable && this.element.value.trim()) {
      const parsed = parseWardDateInput(this.element.value, this.kind());
      if (parsed) {
        this.element.value = formatWardDateInput(parsed);
      }
    }
    this.onTouched();
  }
}
