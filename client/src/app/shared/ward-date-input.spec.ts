import { formatWardDateInput, parseWardDateInput } from './ward-date-input';

describe('ward date input', () => {
  it("shows a date day first and a time on the 24-hour clock, whatever the browser's locale", () => {
    expect(formatWardDateInput('2026-11-28')).toBe('28/11/2026');
    expect(formatWardDateInput('2026-11-28T14:05')).toBe('28/11/2026 14:05');
    expect(formatWardDateInput('')).toBe('');
  });

  it('reads what a nurse types, day first, with the usual separators', () => {
    expect(parseWardDateInput('28/11/2026', 'date')).toBe('2026-11-28');
    expect(parseWardDateInput(' 1.2.2026 ', 'date')).toBe('2026-02-01');
    expect(parseWardDateInput('28/11/2026 14:05', 'datetime')).toBe('2026-11-28T14:05');
    expect(parseWardDateInput('28/11/2026 1405', 'datetime')).toBe('2026-11-28T14:05');
    expect(parseWardDateInput('28-11-2026 9.30', 'datetime')).toBe('2026-11-28T09:30');
  });

  it('accepts the ISO form too, as pasted from elsewhere', () => {
    expect(parseWardDateInput('2026-11-28', 'date')).toBe('2026-11-28');
    expect(parseWardDateInput('2026-11-28T14:05', 'datetime')).toBe('2026-11-28T14:05');
  });

  it('refuses dates that do not exist, times off the clock, and the month first', () => {
    expect(parseWardDateInput('31/02/2026', 'date')).toBeNull();
    expect(parseWardDateInput('11/28/2026', 'date')).toBeNull();
    expect(parseWardDateInput('28/11/2026 24:00', 'datetime')).toBeNull();
    expect(parseWardDateInput('28/11/2026 2:05 PM', 'datetime')).toBeNull();
    expect(parseWardDateInput('28/11/26', 'date')).toBeNull();
    expect(parseWardDateInput('28/11/2026', 'datetime')).toBeNull();
  });
});
