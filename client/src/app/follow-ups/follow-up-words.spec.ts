import { aWorklistFollowUp } from '../../testing/factories';
import {
  daysBetween,
  followUpTiming,
  phoneWords,
  preferredMethodWords,
  windowWords,
} from './follow-up-words';

describe('follow-up words', () => {
  it('counts calendar days between dates across month ends and a daylight-saving change', () => {
    expect(daysBetween('2025-06-28', '2025-07-01')).toBe(3);
    expect(daysBetween('2026-10-03', '2026-10-05')).toBe(2);
    expect(daysBetween('2025-07-01', '2025-06-30')).toBe(-1);
  });

  it('writes a window shortly, naming the month and year once when they are shared', () => {
    expect(windowWords('2025-06-21', '2025-06-27')).toBe('21–27 Jun 2025');
    expect(windowWords('2025-06-29', '2025-07-05')).toBe('29 Jun – 5 Jul 2025');
    expect(windowWords('2025-12-29', '2026-01-04')).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(windowWords('2025-07-01', '2025-07-01')).toBe('1 Jul 2025');
  });

  it('says where a follow-up stands today in words', () => {
    const followUp = aWorklistFollowUp({ windowStart: '2025-06-28', windowEnd: '2025-07-04' });
    expect(followUpTiming({ ...followUp, status: 'overdue' }, '2025-07-05')).toBe('Overdue by 1 day');
    expect(followUpTiming({ ...followUp, status: 'due' }, '2025-07-04')).toBe('Due: last day of the window');
    expect(followUpTiming({ ...followUp, status: 'due' }, '2025-07-01')).toBe(
      'Due: 3 days left in the window',
    );
    expect(followUpTiming({ ...followUp, status: 'upcoming' }, '2025-06-27')).toBe('Window opens tomorrow');
    expect(followUpTiming({ ...followUp, status: 'upcoming' }, '2025-06-23')).toBe('Window opens in 5 days');
    expect(followUpTiming({ ...followUp, status: 'missed', attemptCount: 3 }, '2025-07-01')).toBe(
      'Missed after 3 failed attempts; window open until 4 Jul 2025',
    );
  });

  it('lists the phone numbers with their labels, or says there are none', () => {
    expect(
      phoneWords({
        phoneNumbers: [
          { label: 'mobile', number: '0412 345 678' },
          { label: 'work', number: '02 5550 1234' },
        ],
        preferredMethod: null,
      }),
    ).toBe('Mobile 0412 345 678 · Work 02 5550 1234');
    expect(phoneWords(null)).toBe('No phone number recorded');
    expect(preferredMethodWords({ phoneNumbers: [], preferredMethod: 'clinic' })).toBe(
      'Prefers clinic visit',
    );
    expect(preferredMethodWords(undefined)).toBe('No preferred method recorded');
  });
});
