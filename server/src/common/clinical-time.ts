import { ValidationFailed } from './domain-error.js';

/** Clinical times may be entered retrospectively, never in the future (a minute's clock skew allowed). */
const CLOCK_SKEW_MS = 60_000;

export function checkClinicalTime(field: string, at: Date, notBefore: Date | null, now = new Date()): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ValidationFailed([{ field, messages: [`${field} must not be in the future`] }]);
  }
  // Clinical times are entered to the minute, so "now" typed in the admission's own minute is not before it.
  if (notBefore && at.getTime() < Math.floor(notBefore.getTime() / 60_000) * 60_000) {
    throw new ValidationFailed([
      { field, messages: [`${field} must not be before the admission (${notBefore.toISOString()})`] },
    ]);
  }
}
