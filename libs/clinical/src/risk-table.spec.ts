import { riskTable } from './risk-table.js';

// 5 patients: two events and a censoring on day 10, an event on day 20, a censoring on day 28.
const steps = [
  { time: 10, atRisk: 5, events: 2, censored: 1 },
  { time: 20, atRisk: 2, events: 1, censored: 0 },
  { time: 28, atRisk: 1, events: 0, censored: 1 },
];

describe('riskTable', () => {
  it('gives the number at risk at each day and the censored and events up to it', () => {
    expect(riskTable(steps, 5, [0, 10, 14, 28, 56])).toEqual([
      { day: 0, atRisk: 5, censored: 0, events: 0 },
      { day: 10, atRisk: 5, censored: 1, events: 2 },
      { day: 14, atRisk: 2, censored: 1, events: 2 },
      { day: 28, atRisk: 1, censored: 2, events: 3 },
      { day: 56, atRisk: 0, censored: 2, events: 3 },
    ]);
  });

  it('keeps everyone at risk when nothing has happened yet', () => {
    expect(riskTable([], 3, [0, 28])).toEqual([
      { day: 0, atRisk: 3, censored: 0, events: 0 },
      { day: 28, atRisk: 3, censored: 0, events: 0 },
    ]);
  });
});
