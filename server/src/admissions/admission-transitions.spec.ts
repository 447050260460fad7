import { ADMISSION_STATUSES, type AdmissionStatus } from './admission-status.js';
import { type AdmissionCommand, nextStatus } from './admission-transitions.js';

const ALLOWED: Record<AdmissionCommand, Partial<Record<AdmissionStatus, AdmissionStatus>>> = {
  admit: { planned: 'admitted' },
  start: { admitted: 'infusing' },
  pause: { infusing: 'paused' },
  resume: { paused: 'infusing' },
  stop: { infusing: 'infusion-stopped', paused: 'infusion-stopped' },
  discharge: { 'infusion-stopped': 'discharged', admitted: 'discharged' },
  cancel: { planned: 'cancelled' },
};

describe('admission status machine', () => {
  const cases = (Object.keys(ALLOWED) as AdmissionCommand[]).flatMap((command) =>
    ADMISSION_STATUSES.map((status) => ({ command, status, expected: ALLOWED[command][status] ?? null })),
  );

  it.each(cases)('$command from $status gives $expected', ({ command, status, expected }) => {
    expect(nextStatus(status, command)).toBe(expected);
  });

  it('lets nothing leave discharged or cancelled', () => {
    for (const command of Object.keys(ALLOWED) as AdmissionCommand[]) {
      expect(nextStatus('discharged', command)).toBeNull();
      expect(nextStatus('cancelled', command)).toBeNull();
    }
  });
});
