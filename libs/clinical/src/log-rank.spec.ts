import fc from 'fast-check';
import type { SurvivalSubject } from './kaplan-meier.js';
import { logRank } from './log-rank.js';

function subjects(times: number[], status: number[]): SurvivalSubject[] {
  return times.map((time, i) => ({ time, event: status[i] === 1 }));
}

function fromNotation(items: string[]): SurvivalSubject[] {
  return items.map((item) => ({ time: Number(item.replace('+', '')), event: !item.endsWith('+') }));
}

// Freireich et al. 1963, as tabulated by Gehan 1965 ("+" censored).
// prettier-ignore
const sixMp = fromNotation([
  '6', '6', '6', '6+', '7', '9+', '10', '10+', '11+', '13', '16', '17+', '19+', '20+', '22', '23', '25+',
  '32+', '32+', '34+', '35+',
]);
// prettier-ignore
const placebo = fromNotation([
  '1', '1', '2', '2', '3', '4', '4', '5', '5', '8', '8', '8', '8', '11', '11', '12', '12', '15', '17', '22', '23',
]);

// survival's aml data (Miller 1981, p. 49; survival's tests/data.aml.R).
const maintained = subjects([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
const nonmaintained = subjects(
  [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
  [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
);

describe('logRank against survival::survdiff', () => {
  // R: survdiff(Surv(T, delta) ~ MP) on the Freireich data, printed in public course notes:
  // "Chisq= 16.8 on 1 degrees of freedom, p= 4.17e-05".
  it('finds chi-square 16.8 on 1 df, p = 4.17e-05, for 6-MP against placebo', () => {
    const result = logRank([sixMp, placebo]);
    expect(result?.df).toBe(1);
    expect(result?.chiSquare).toBeCloseTo(16.8, 1);
    expect(result?.p).toBeGreaterThan(4.165e-5);
    expect(result?.p).toBeLessThan(4.175e-5);
  });

  // R 4.6.1 / survival 3.8-12 survdiff at options(digits = 17), as recorded in a public Perl port's
  // test (Stats::LikeR); survival's tests/doaml.Rout.save prints the same: "Chisq= 3.4 on 1 degrees of
  // freedom, p= 0.0653".
  it('finds chi-square 3.3964 on 1 df, p = 0.0653, for the aml groups (ties between events and censorings)', () => {
    const result = logRank([maintained, nonmaintained]);
    expect(result?.df).toBe(1);
    expect(result?.chiSquare).toBeCloseTo(3.3963886989776011, 10);
    expect(result?.p).toBeCloseTo(0.065339322040505132, 12);
  });

  // survival's tests/difftest.R: a third group censored before the first event "should give the same
  // result (chisq, df)", because survdiff leaves out a group with no expected events.
  it('leaves out a group that was never at risk at an event time, as survdiff does', () => {
    const dummy = subjects([1, 2, 2, 3, 3, 3, 4], [0, 0, 0, 0, 0, 0, 0]);
    const result = logRank([dummy, maintained, nonmaintained]);
    expect(result?.df).toBe(1);
    expect(result?.chiSquare).toBeCloseTo(3.3963886989776011, 10);
    expect(result?.p).toBeCloseTo(0.065339322040505132, 12);
  });

  // Same R record: early_censor and dead_middle, three groups of which one has no expected events.
  it.each([
    [
      'early_censor',
      [subjects([1], [0]), subjects([6, 3, 5, 4], [1, 0, 0, 0]), subjects([5, 4, 3], [1, 1, 1])],
      4.7779630579784502,
      0.028826199036310743,
    ],
    [
      'dead_middle',
      [subjects([2, 3, 5], [1, 0, 1]), subjects([1, 1], [0, 0]), subjects([4, 6, 7, 8], [1, 1, 0, 1])],
      2.1229006976143294,
      0.14511148308549168,
    ],
  ])('reproduces survdiff on the small data set %s', (_name, groups, chiSquare, p) => {
    const result = logRank(groups);
    expect(result?.df).toBe(1);
    expect(result?.chiSquare).toBeCloseTo(chiSquare, 10);
    expect(result?.p).toBeCloseTo(p, 12);
  });

  it('tests three groups on 2 degrees of freedom', () => {
    const result = logRank([sixMp, placebo, nonmaintained]);
    expect(result?.df).toBe(2);
    expect(result?.chiSquare).toBeGreaterThan(0);
    // With 2 df the chi-square tail is exactly exp(−x/2).
    expect(result?.p).toBeCloseTo(Math.exp(-(result?.chiSquare ?? 0) / 2), 14);
  });
});

describe('logRank when no test is possible', () => {
  it('gives null for a single group', () => {
    expect(logRank([sixMp])).toBeNull();
  });

  it('gives null when a second group is empty', () => {
    expect(logRank([sixMp, []])).toBeNull();
  });

  it('gives null when there is no event at all', () => {
    expect(logRank([subjects([1, 2], [0, 0]), subjects([3, 4], [0, 0])])).toBeNull();
  });

  it('gives null when every event empties the risk set, so the variance is singular', () => {
    expect(logRank([subjects([5, 5], [1, 1]), subjects([5, 5], [1, 1])])).toBeNull();
  });
});

const subjectArbitrary = fc.record({ time: fc.integer({ min: 0, max: 40 }), event: fc.boolean() });
const groupArbitrary = fc.array(subjectArbitrary, { minLength: 1, maxLength: 25 });

describe('logRank properties', () => {
  it('does not depend on the order of the groups', () => {
    fc.assert(
      fc.property(fc.array(groupArbitrary, { minLength: 2, maxLength: 4 }), (groups) => {
        const forward = logRank(groups);
        const backward = logRank([...groups].reverse());
        if (forward === null) {
          expect(backward).toBeNull();
        } else {
          expect(backward?.df).toBe(forward.df);
          expect(backward?.chiSquare).toBeCloseTo(forward.chiSquare, 8);
        }
      }),
    );
  });

  it('gives a non-negative statistic and a p-value within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(groupArbitrary, { minLength: 2, maxLength: 4 }), (groups) => {
        const result = logRank(groups);
        if (result) {
          expect(result.chiSquare).toBeGreaterThanOrEqual(-1e-9);
          expect(result.p).toBeGreaterThanOrEqual(0);
          expect(result.p).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('finds no difference at all between two identical groups', () => {
    fc.assert(
      fc.property(groupArbitrary, (group) => {
        const result = logRank([group, [...group]]);
        if (result) {
          expect(result.chiSquare).toBeCloseTo(0, 10);
          expect(result.p).toBeCloseTo(1, 8);
        }
      }),
    );
  });
});
