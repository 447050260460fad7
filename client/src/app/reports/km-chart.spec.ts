import { KaplanMeierStep } from '../core/api-types';
import { bandPath, curveCutDay, dayTicks, riskTable, stepPath } from './km-chart';

function aStep(overrides: Partial<KaplanMeierStep>): KaplanMeierStep {
  return {
    time: 0,
    atRisk: 1,
    events: 0,
    censored: 0,
    survival: 1,
    stdErr: 0,
    lower: 1,
    upper: 1,
    ...overrides,
  };
}

// 5 patients: two events and a censoring on day 10, an event on day 20, a censoring on day 28.
const steps = [
  aStep({ time: 10, atRisk: 5, events: 2, censored: 1, survival: 0.6, lower: 0.29, upper: 1 }),
  aStep({ time: 20, atRisk: 2, events: 1, survival: 0.3, lower: 0.06, upper: 1 }),
  aStep({ time: 28, atRisk: 1, censored: 1, survival: 0.3, lower: 0.06, upper: 1 }),
];

describe('riskTable', () => {
  it('gives the number at risk at each day and the censored and events up to it, as KMunicate shows them', () => {
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

describe('curveCutDay', () => {
  it('stops the curve where fewer than 10 % and fewer than 5 patients remain at risk', () => {
    const many = [
      aStep({ time: 5, atRisk: 100 }),
      aStep({ time: 30, atRisk: 9 }),
      aStep({ time: 40, atRisk: 4 }),
    ];
    expect(curveCutDay(many, 100)).toBe(40);
  });

  it('draws a small cohort to its end: one patient is 100 % of one', () => {
    expect(curveCutDay([aStep({ time: 12, atRisk: 1, events: 1, survival: 0 })], 1)).toBeNull();
    expect(curveCutDay(steps, 5)).toBeNull();
  });
});

describe('dayTicks', () => {
  it('ticks whole weeks from 0, at most eight of them', () => {
    expect(dayTicks(28)).toEqual([0, 7, 14, 21, 28]);
    expect(dayTicks(182)).toEqual([0, 28, 56, 84, 112, 140, 168]);
    expect(dayTicks(0)).toEqual([0]);
  });
});

describe('stepPath and bandPath', () => {
  const scale = { x: (day: number) => day, y: (survival: number) => 100 * (1 - survival) };

  it('draws a right-continuous step curve from 1 at day 0 to the end day', () => {
    expect(stepPath(steps, (s) => s.survival, 28, scale)).toBe('M0,0 H10 V40 H20 V70 H28 V70 H28 V70');
  });

  it('stops the curve at the end day even when steps go further', () => {
    expect(stepPath(steps, (s) => s.survival, 15, scale)).toBe('M0,0 H10 V40 H15 V40');
  });

  it('closes the band between the upper and lower steps', () => {
    const path = bandPath(steps.slice(0, 1), 10, scale);
    expect(path.startsWith('M0,0 10,0')).toBe(true);
    expect(path.endsWith('Z')).toBe(true);
    expect(path).toContain(`10,${100 * (1 - 0.29)}`);
  });
});
