import { ValidationFailed } from './domain-error.js';

/** Clinical times may be entered retrospectively, never in the future (a minute's clock skew allowed). */
const CLOCK_SKEW_MS = 60_000;

export function checkClinicalTime(field: string, at: Date, notBefore: Date | null, now = new Date()): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ValidationFailed([{ field, messages: [`${field} must not be in the future`] }]);
  }
  if (notBefore && at.getTime() < notBefore.getTime()) {
    throw new ValidationFailed([
      { field, messages: [`${field} must not be before the admission (${notBefore.toISOString()})`] },
    ]);
  }
}
