import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { wardTimeToInstant } from './ward-time';

/**
 * For a "When (ward time)" field (datetime-local): times may be entered afterwards, never ahead.
 * Error `future`. An empty field passes; it means "now".
 */
export function notInTheFuture(now: () => number, timeZone: () => string): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const local = control.value;
    if (!local) {
      return null;
    }
    return Date.parse(wardTimeToInstant(local, timeZone())) > now() ? { future: true } : null;
  };
}
