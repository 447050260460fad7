import { ValidationFailed } from './domain-error.js';
import { checkClinicalTime } from './clinical-time.js';

describe('checkClinicalTime', () => {
  const admittedAt = new Date('2026-11-25T12:52:05.624Z');
  const now = new Date('2026-11-25T13:00:00Z');

  it('accepts a time typed to the minute in the admission’s own minute', () => {
    expect(() =>
      checkClinicalTime('effectiveFrom', new Date('2026-11-25T12:52:00Z'), admittedAt, now),
    ).not.toThrow();
  });

  it('refuses a time in an earlier minute, and one in the future', () => {
    expect(() =>
      checkClinicalTime('effectiveFrom', new Date('2026-11-25T12:51:59Z'), admittedAt, now),
    ).toThrow(ValidationFailed);
    expect(() =>
      checkClinicalTime('effectiveFrom', new Date('2026-11-25T13:01:01Z'), admittedAt, now),
    ).toThrow(
      expect.objectContaining({
        errors: [{ field: 'effectiveFrom', messages: ['effectiveFrom must not be in the future'] }],
      }),
    );
  });
});
