import { dayOfStay, describeStay } from './day-of-stay';

describe('day of stay', () => {
  it("starts at day 1 on the ward's admission day and turns at the ward's midnight", () => {
    const now = Date.parse('2025-07-03T22:59:00Z'); // 23:59 on 3 July in London
    expect(dayOfStay('2025-07-01T00:30:00Z', now, 'Europe/London')).toBe(3);
    expect(dayOfStay('2025-06-30T23:30:00Z', now, 'Europe/London')).toBe(3); // 00:30 on 1 July in London
    expect(dayOfStay('2025-07-03T22:00:00Z', now, 'Europe/London')).toBe(1);
  });

  it('counts whole days across the change to winter time', () => {
    // 26 October 2025: London's day has 25 hours.
    expect(dayOfStay('2025-10-25T10:00:00Z', Date.parse('2025-10-27T10:00:00Z'), 'Europe/London')).toBe(3);
  });

  it('describes a planned admission by its planned length and a discharged one by its last day', () => {
    const now = Date.parse('2025-07-10T09:00:00Z');
    expect(
      describeStay({ admittedAt: '2025-07-01T09:00:00Z', plannedDays: 1, status: 'planned' }, now, 'UTC'),
    ).toBe('Planned for 1 day');
    expect(
      describeStay(
        {
          admittedAt: '2025-07-01T09:00:00Z',
          plannedDays: 5,
          status: 'discharged',
          dischargedAt: '2025-07-05T12:00:00Z',
        },
        now,
        'UTC',
      ),
    ).toBe('Discharged on day 5 of 5');
    const discharged = (plannedDays: number) =>
      describeStay(
        {
          admittedAt: '2025-07-01T09:00:00Z',
          plannedDays,
          status: 'discharged',
          dischargedAt: '2025-07-04T10:00:00Z',
        },
        now,
        'UTC',
      );
    expect(discharged(3)).toBe('Discharged on day 4 (3 days planned)');
    expect(discharged(1)).toBe('Discharged on day 4 (1 day planned)');
    expect(discharged(4)).toBe('Discharged on day 4 of 4');
  });
});
