import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/*
 * Numbers are typed into text fields (inputmode decimal), not number fields: a number field changes
 * its value when the mouse wheel passes over it and reads "1,5" differently by browser language.
 * The value sent is Number() of exactly what was typed; nothing is rounded.
 */

export interface NumberRule {
  /** Most digits after the point; 0 for a whole number. */
  places: number;
  min: number;
  max: number;
  /** True when `min` itself is not allowed (a rate must be more than 0). */
  aboveMin?: boolean;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Errors: `number` (not a plain decimal such as 0.15), `places` (too many decimals), `range`. An empty field passes. */
export function typedNumber(rule: NumberRule): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const text = (control.value ?? '').trim();
    if (text === '') {
      return null;
    }
    if (!DECIMAL.test(text)) {
      return { number: true };
    }
    const decimals = text.split('.')[1]?.length ?? 0;
    if (decimals > rule.places) {
      return { places: true };
    }
    const value = Number(text);
    const tooLow = rule.aboveMin ? value <= rule.min : value < rule.min;
    return tooLow || value > rule.max ? { range: true } : null;
  };
}

/** The number typed, or undefined for an empty field. */
export function typedValue(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
