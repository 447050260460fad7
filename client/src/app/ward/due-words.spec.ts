import { agoWords, describeMinutes, dueWords } from './due-words';

// Numbers and units are joined by a no-break space; the tests read them as a person does.
const read = (words: string) => words.replace(/\u00a0/g, ' ');

describe('due words', () => {
  it('says a span in minutes, hours and minutes, or days and hours', () => {
    expect(read(describeMinutes(0))).toBe('0 min');
    expect(read(describeMinutes(59))).toBe('59 min');
    expect(read(describeMinutes(60))).toBe('1 h');
    expect(read(describeMinutes(80))).toBe('1 h 20 min');
    expect(read(describeMinutes(24 * 60 - 1))).toBe('23 h 59 min');
    expect(read(describeMinutes(24 * 60))).toBe('1 day');
    expect(read(describeMinutes(51 * 60 + 30))).toBe('2 days 3 h');
  });

  it('says overdue from the minutes the server counted, else when the set is due on the ward clock', () => {
    const generatedAt = '2025-07-01T09:00:00.000Z';
    const overdue = { nextDueAt: '2025-07-01T07:40:00.000Z', overdueMinutes: 80 };
    expect(read(dueWords(overdue, generatedAt, 'Europe/London'))).toBe('Overdue by 1 h 20 min');
    const dueNow = { nextDueAt: '2025-07-01T08:59:40.000Z', overdueMinutes: 0 };
    expect(dueWords(dueNow, generatedAt, 'Europe/London')).toBe('Due now');
    const later = { nextDueAt: '2025-07-01T09:24:30.000Z', overdueMinutes: 0 };
    expect(read(dueWords(later, generatedAt, 'Europe/London'))).toBe('Due 10:24, in 25 min');
    const tomorrow = { nextDueAt: '2025-07-01T23:30:00.000Z', overdueMinutes: 0 };
    expect(read(dueWords(tomorrow, generatedAt, 'Europe/London'))).toBe('Due 2 Jul, 00:30, in 14 h 30 min');
  });

  it('says how long ago a set was taken, "Just now" within the first minute', () => {
    expect(agoWords('2025-07-01T08:59:30.000Z', '2025-07-01T09:00:00.000Z')).toBe('Just now');
    expect(read(agoWords('2025-07-01T08:18:00.000Z', '2025-07-01T09:00:00.000Z'))).toBe('42 min ago');
  });
});
