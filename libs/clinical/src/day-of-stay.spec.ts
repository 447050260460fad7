import { dayOfStay } from './day-of-stay.js';

describe('dayOfStay', () => {
  it('counts local calendar days in the ward zone, admission day being day 1', () => {
    // 23:30 on 1 Oct in Sydney (13:30Z) to 00:30 on 2 Oct in Sydney (14:30Z): day 2 after one hour.
    expect(
      dayOfStay(new Date('2026-10-01T13:30:00Z'), new Date('2026-10-01T14:30:00Z'), 'Australia/Sydney'),
    ).toBe(2);
    expect(
      dayOfStay(new Date('2026-10-01T13:30:00Z'), new Date('2026-10-01T13:45:00Z'), 'Australia/Sydney'),
    ).toBe(1);
    expect(
      dayOfStay(new Date('2026-10-01T13:30:00Z'), new Date('2026-10-01T14:30:00Z'), 'Europe/London'),
    ).toBe(1);
  });

  it('is not thrown by a daylight-saving change', () => {
    // Sydney clocks go forward on 4 Oct 2026; admitted 3 Oct 10:00 local, now 5 Oct 09:00 local: day 3.
    expect(
      dayOfStay(new Date('2026-10-03T00:00:00Z'), new Date('2026-10-04T22:00:00Z'), 'Australia/Sydney'),
    ).toBe(3);
  });
});
