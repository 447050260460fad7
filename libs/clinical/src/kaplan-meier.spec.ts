import fc from 'fast-check';
import { type KaplanMeierStep, type SurvivalSubject, kaplanMeier, kaplanMeierAt } from './kaplan-meier.js';

/** Subjects from R-style vectors: times and a status per subject (1 event, 0 censored). */
function subjects(times: number[], status: number[]): SurvivalSubject[] {
  return times.map((time, i) => ({ time, event: status[i] === 1 }));
}

/** Subjects from the textbook notation: "6" an event at 6, "6+" censored at 6. */
function fromNotation(items: string[]): SurvivalSubject[] {
  return items.map((item) => ({ time: Number(item.replace('+', '')), event: !item.endsWith('+') }));
}

function stepAtTime(steps: KaplanMeierStep[], time: number): KaplanMeierStep {
  const step = steps.find((s) => s.time === time);
  if (!step) throw new Error(`no step at ${time}`);
  return step;
}

// Freireich et al. 1963 (Blood 21:699), as tabulated by Gehan 1965: weeks in remission, "+" censored.
// prettier-ignore
const sixMp = fromNotation([
  '6', '6', '6', '6+', '7', '9+', '10', '10+', '11+', '13', '16', '17+', '19+', '20+', '22', '23', '25+',
  '32+', '32+', '34+', '35+',
]);
// prettier-ignore
const placebo = fromNotation([
  '1', '1', '2', '2', '3', '4', '4', '5', '5', '8', '8', '8', '8', '11', '11', '12', '12', '15', '17', '22', '23',
]);

describe('kaplanMeier on the Freireich 6-MP remission data', () => {
  // R: summary(survfit(Surv(t, status) ~ group)), as printed in public course notes on this data set
  // (columns time, n.risk, n.event, survival, std.err, lower 95% CI, upper 95% CI); each value is
  // compared to the number of decimals R printed.
  it.each([
    [6, 21, 3, 0.857, 0.0764, 0.72, 1.0],
    [7, 17, 1, 0.807, 0.0869, 0.653, 0.996],
    [10, 15, 1, 0.753, 0.0963, 0.586, 0.968],
    [13, 12, 1, 0.69, 0.1068, 0.51, 0.935],
    [16, 11, 1, 0.627, 0.1141, 0.439, 0.896],
    [22, 7, 1, 0.538, 0.1282, 0.337, 0.858],
    [23, 6, 1, 0.448, 0.1346, 0.249, 0.807],
  ])('6-MP arm at week %d matches survfit', (time, atRisk, events, survival, stdErr, lower, upper) => {
    const step = stepAtTime(kaplanMeier(sixMp).steps, time);
    expect(step.atRisk).toBe(atRisk);
    expect(step.events).toBe(events);
    expect(step.survival).toBeCloseTo(survival, 3);
    expect(step.stdErr).toBeCloseTo(stdErr, 4);
    expect(step.lower).toBeCloseTo(lower, 3);
    expect(step.upper).toBeCloseTo(upper, 3);
  });

  it.each([
    [1, 21, 2, 0.9048, 0.0641, 0.78754, 1.0],
    [2, 19, 2, 0.8095, 0.0857, 0.65785, 0.996],
    [3, 17, 1, 0.7619, 0.0929, 0.59988, 0.968],
    [4, 16, 2, 0.6667, 0.1029, 0.49268, 0.902],
    [5, 14, 2, 0.5714, 0.108, 0.39455, 0.828],
    [8, 12, 4, 0.381, 0.106, 0.22085, 0.657],
    [11, 8, 2, 0.2857, 0.0986, 0.14529, 0.562],
    [12, 6, 2, 0.1905, 0.0857, 0.07887, 0.46],
    [15, 4, 1, 0.1429, 0.0764, 0.05011, 0.407],
    [17, 3, 1, 0.0952, 0.0641, 0.02549, 0.356],
    [22, 2, 1, 0.0476, 0.0465, 0.00703, 0.322],
  ])('placebo arm at week %d matches survfit', (time, atRisk, events, survival, stdErr, lower, upper) => {
    const step = stepAtTime(kaplanMeier(placebo).steps, time);
    expect(step.atRisk).toBe(atRisk);
    expect(step.events).toBe(events);
    expect(step.survival).toBeCloseTo(survival, 4);
    expect(step.stdErr).toBeCloseTo(stdErr, 4);
    expect(step.lower).toBeCloseTo(lower, 5);
    expect(step.upper).toBeCloseTo(upper, 3);
  });

  it('reports the hand-computed estimates exactly: 18/21 after week 6, 0.448 after week 23', () => {
    const km = kaplanMeier(sixMp);
    expect(km.survivalAt(6)).toBeCloseTo(18 / 21, 12);
    // 18/21 · 16/17 · 14/15 · 11/12 · 10/11 · 6/7 · 5/6
    const at23 = (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11) * (6 / 7) * (5 / 6);
    expect(km.survivalAt(23)).toBeCloseTo(at23, 12);
    expect(at23).toBeCloseTo(0.4482, 4);
  });

  it('drops the placebo curve to 0 at week 23 with no standard error or interval, as R gives NaN and NA', () => {
    const last = kaplanMeier(placebo).steps.at(-1);
    expect(last).toEqual({
      time: 23,
      atRisk: 1,
      events: 1,
      censored: 0,
      survival: 0,
      stdErr: null,
      lower: null,
      upper: null,
    });
  });

  // R: print(survfit(Surv(time, cens) ~ group, data = leuk)): 6 MP median 23 (16, NA); Placebo 8 (4, 12).
  it('gives the 6-MP median as 23 weeks with a 95 % interval from 16 to not reached', () => {
    expect(kaplanMeier(sixMp).median).toEqual({ estimate: 23, lower: 16, upper: null });
  });

  it('gives the placebo median as 8 weeks with a 95 % interval from 4 to 12', () => {
    expect(kaplanMeier(placebo).median).toEqual({ estimate: 8, lower: 4, upper: 12 });
  });

  it('keeps one step per distinct time, censorings included, counting events before censorings at a tie', () => {
    const steps = kaplanMeier(sixMp).steps;
    expect(steps.map((s) => s.time)).toEqual([6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35]);
    const week10 = stepAtTime(steps, 10);
    expect([week10.atRisk, week10.events, week10.censored]).toEqual([15, 1, 1]);
    expect(week10.survival).toBeCloseTo((18 / 21) * (16 / 17) * (14 / 15), 12);
  });
});

// The aml data of the survival package (Miller 1981, p. 49; survival's tests/data.aml.R): weeks to
// relapse, with ties between an event and a censoring at 13 (maintained) and at 45 (both groups).
const maintained = subjects([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
const nonmaintained = subjects(
  [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
  [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
);

describe('kaplanMeier on the aml data (ties between events and censorings)', () => {
  // R 4.6.1, survival 3.8-12, survfit(Surv(time, status) ~ x, aml) at options(digits = 17), as recorded
  // in the test of a public Perl port of survfit (Stats::LikeR, "against R 4.6.1 with survival
  // 3.8-12"); they agree with survival's own tests/doaml.Rout.save to the digits printed there.
  const maintainedReference = {
    time: [9, 13, 18, 23, 28, 31, 34, 45, 48, 161],
    atRisk: [11, 10, 8, 7, 6, 5, 4, 3, 2, 1],
    events: [1, 1, 1, 1, 0, 1, 1, 0, 1, 0],
    censored: [0, 1, 0, 0, 1, 0, 0, 1, 0, 1],
    survival: [
      0.90909090909090906, 0.81818181818181812, 0.71590909090909083, 0.61363636363636354, 0.61363636363636354,
      0.49090909090909085, 0.36818181818181817, 0.36818181818181817, 0.18409090909090908, 0.18409090909090908,
    ],
    stdErr: [
      0.08667841720414475, 0.11629129983033294, 0.13966497055722782, 0.152632331027312, 0.152632331027312,
      0.16419326722113581, 0.16266888582709479, 0.16266888582709479, 0.15349274578629368, 0.15349274578629368,
    ],
    lower: [
      0.75413384508152548, 0.61924898739936352, 0.48842628742212846, 0.37686705950167976, 0.37686705950167976,
      0.25485995119931731, 0.15487711789719105, 0.15487711789719105, 0.035917898489185258,
      0.035917898489185258,
    ],
    upper: [
      1, 1, 1, 0.99915760022847266, 0.99915760022847266, 0.94558495520042918, 0.87526067814390762,
      0.87526067814390762, 0.94352576947455202, 0.94352576947455202,
    ],
  };
  const nonmaintainedReference = {
    time: [5, 8, 12, 16, 23, 27, 30, 33, 43, 45],
    atRisk: [12, 10, 8, 7, 6, 5, 4, 3, 2, 1],
    events: [2, 2, 1, 0, 1, 1, 1, 1, 1, 1],
    censored: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
    survival: [
      0.83333333333333337, 0.66666666666666674, 0.58333333333333337, 0.58333333333333337, 0.48611111111111116,
      0.38888888888888895, 0.29166666666666674, 0.19444444444444448, 0.097222222222222238, 0,
    ],
    stdErr: [
      0.1075828707279838,
      0.13608276348795437,
      0.14231876063832777,
      0.14231876063832777,
      0.14813006255348293,
      0.14698618394803281,
      0.13871516913498738,
      0.12187450538044615,
      0.091866364967520514,
      null,
    ],
    lower: [
      0.64703698701336165,
      0.44684608115026392,
      0.36161370521038472,
      0.36161370521038472,
      0.26751824885826658,
      0.18539652609555676,
      0.1148311501524704,
      0.056921552571604174,
      0.015256527170865199,
      null,
    ],
    upper: [
      1,
      0.99462536025909154,
      0.9409980121738093,
      0.9409980121738093,
      0.88331922533955765,
      0.81573571569127235,
      0.74082201851580376,
      0.66422365988256338,
      0.61954862911905562,
      null,
    ],
  };

  it.each([
    ['maintained', maintained, maintainedReference],
    ['nonmaintained', nonmaintained, nonmaintainedReference],
  ] as const)(
    'reproduces survfit for the %s group at every time, to 10 decimals',
    (_name, group, reference) => {
      const steps = kaplanMeier(group).steps;
      expect(steps.map((s) => s.time)).toEqual(reference.time);
      expect(steps.map((s) => s.atRisk)).toEqual(reference.atRisk);
      expect(steps.map((s) => s.events)).toEqual(reference.events);
      expect(steps.map((s) => s.censored)).toEqual(reference.censored);
      steps.forEach((step, i) => {
        expect(step.survival).toBeCloseTo(reference.survival[i], 10);
        for (const key of ['stdErr', 'lower', 'upper'] as const) {
          const want = reference[key][i];
          if (want === null) expect(step[key]).toBeNull();
          else expect(step[key]).toBeCloseTo(want, 10);
        }
      });
    },
  );

  // survival's tests/doaml.Rout.save: Maintained median 31 (18, NA); Nonmaintained 23 (8, NA).
  it('gives the maintained median as 31 weeks (18, not reached)', () => {
    expect(kaplanMeier(maintained).median).toEqual({ estimate: 31, lower: 18, upper: null });
  });

  it('gives the nonmaintained median as 23 weeks (8, not reached)', () => {
    expect(kaplanMeier(nonmaintained).median).toEqual({ estimate: 23, lower: 8, upper: null });
  });

  // The same source's summary(): maintained survival 0.614 after 23, nonmaintained 0.0972 after 43.
  it('reads the curve between steps as the last step at or before the time', () => {
    expect(kaplanMeier(maintained).survivalAt(27.5)).toBeCloseTo(0.614, 3);
    expect(kaplanMeier(nonmaintained).survivalAt(44)).toBeCloseTo(0.0972, 4);
  });
});

describe('kaplanMeier median where the curve sits exactly at one half (survival:::survmean)', () => {
  // prettier-ignore
  // Medians from the same R 4.6.1 / survival 3.8-12 record: small data sets that reach each branch.
  it.each([
    ['a flat at one half ended by a drop: the midpoint', [3, 6, 6, 4, 1, 5, 4, 1, 4, 4, 4], [0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1], 5.5],
    ['one half reached at an event time: the midpoint to the next drop', [6, 2, 4, 2, 1, 5, 2, 3, 1, 6, 1, 2], [0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0], 2.5],
    ['one half after censorings: the midpoint', [1, 5, 3, 3, 2, 2, 4, 5], [1, 0, 0, 0, 0, 1, 1, 1], 4.5],
    ['one half to the end of follow-up: the time it was reached', [1, 2, 3, 4], [1, 1, 0, 0], 2],
    ['a flat at one half across censorings, then a drop', [1, 1, 2, 2, 2, 3, 4, 5], [1, 1, 0, 0, 0, 1, 0, 1], 4],
    ['a curve that jumps past one half', [6, 8, 9, 10], [1, 0, 1, 0], 9],
  ])('%s', (_case, times, status, median) => {
    expect(kaplanMeier(subjects(times, status)).median.estimate).toBe(median);
  });
});

describe('kaplanMeier edge cases', () => {
  it('returns no steps, a median not reached and survival 1 for an empty cohort', () => {
    const km = kaplanMeier([]);
    expect(km.steps).toEqual([]);
    expect(km.median).toEqual({ estimate: null, lower: null, upper: null });
    expect(km.survivalAt(10)).toBe(1);
  });

  it('handles one patient whose benefit ended: survival 0 from that day, median that day', () => {
    const km = kaplanMeier([{ time: 12, event: true }]);
    expect(km.steps).toEqual([
      { time: 12, atRisk: 1, events: 1, censored: 0, survival: 0, stdErr: null, lower: null, upper: null },
    ]);
    expect(km.median).toEqual({ estimate: 12, lower: null, upper: null });
    expect(km.survivalAt(11)).toBe(1);
    expect(km.survivalAt(12)).toBe(0);
  });

  it('handles one censored patient: survival stays 1 with a degenerate interval and no median', () => {
    const km = kaplanMeier([{ time: 30, event: false }]);
    expect(km.steps).toEqual([
      { time: 30, atRisk: 1, events: 0, censored: 1, survival: 1, stdErr: 0, lower: 1, upper: 1 },
    ]);
    expect(km.median).toEqual({ estimate: null, lower: null, upper: null });
  });

  it('counts events at day 0 (the non-responders of the sensitivity view) at the first step', () => {
    const km = kaplanMeier([
      { time: 0, event: true },
      { time: 0, event: true },
      { time: 20, event: false },
      { time: 40, event: true },
    ]);
    expect(km.steps[0]).toMatchObject({ time: 0, atRisk: 4, events: 2, survival: 0.5 });
    expect(km.survivalAt(0)).toBe(0.5);
    expect(km.median.estimate).toBe(20);
  });

  it('says the median is not reached while more than half are still benefiting', () => {
    const km = kaplanMeier(subjects([10, 20, 30, 40, 50], [1, 0, 0, 0, 0]));
    expect(km.median.estimate).toBeNull();
  });

  it.each([[-1], [Number.NaN], [Infinity]])('refuses a time of %p', (time) => {
    expect(() => kaplanMeier([{ time, event: true }])).toThrow(RangeError);
  });

  it('does not depend on the order of the subjects', () => {
    const reversed = [...sixMp].reverse();
    expect(kaplanMeier(reversed).steps).toEqual(kaplanMeier(sixMp).steps);
  });
});

describe('kaplanMeierAt', () => {
  it('gives the estimate, its interval and the number still at risk at a time between steps', () => {
    const km = kaplanMeier(sixMp);
    const at = kaplanMeierAt(km, 12);
    const week10 = stepAtTime(km.steps, 10);
    // Still under observation at 12: everyone with a time ≥ 12, i.e. the 12 at risk at week 13.
    expect(at).toEqual({
      survival: week10.survival,
      stdErr: week10.stdErr,
      lower: week10.lower,
      upper: week10.upper,
      atRisk: 12,
    });
  });

  it('gives survival 1 with everyone at risk before the first step', () => {
    expect(kaplanMeierAt(kaplanMeier(sixMp), 3)).toEqual({
      survival: 1,
      stdErr: 0,
      lower: 1,
      upper: 1,
      atRisk: 21,
    });
  });

  it('gives nothing past the end of follow-up while the curve is above 0', () => {
    expect(kaplanMeierAt(kaplanMeier(sixMp), 36)).toBeNull();
    expect(kaplanMeierAt(kaplanMeier([]), 0)).toBeNull();
  });

  it('gives 0 with no one at risk past the end when the curve reached 0', () => {
    expect(kaplanMeierAt(kaplanMeier(placebo), 30)).toEqual({
      survival: 0,
      stdErr: null,
      lower: null,
      upper: null,
      atRisk: 0,
    });
  });
});

const subjectArbitrary = fc.record({ time: fc.integer({ min: 0, max: 60 }), event: fc.boolean() });
const cohortArbitrary = fc.array(subjectArbitrary, { minLength: 1, maxLength: 60 });

describe('kaplanMeier properties', () => {
  it('never increases, and keeps survival and its interval within [0, 1] with lower ≤ survival ≤ upper', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        const { steps } = kaplanMeier(cohort);
        steps.forEach((step, i) => {
          if (i > 0) expect(step.survival).toBeLessThanOrEqual(steps[i - 1].survival);
          expect(step.survival).toBeGreaterThanOrEqual(0);
          expect(step.survival).toBeLessThanOrEqual(1);
          if (step.lower !== null && step.upper !== null) {
            expect(step.lower).toBeGreaterThanOrEqual(0);
            expect(step.upper).toBeLessThanOrEqual(1);
            expect(step.lower).toBeLessThanOrEqual(step.survival + 1e-12);
            expect(step.upper).toBeGreaterThanOrEqual(step.survival - 1e-12);
          } else {
            expect(step.survival).toBe(0);
          }
        });
      }),
    );
  });

  it('accounts for every subject: the risk set shrinks by exactly those who left at each step', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        const { steps } = kaplanMeier(cohort);
        expect(steps[0].atRisk).toBe(cohort.length);
        steps.forEach((step, i) => {
          const next = steps[i + 1];
          if (next) expect(next.atRisk).toBe(step.atRisk - step.events - step.censored);
        });
        expect(steps.reduce((sum, s) => sum + s.events + s.censored, 0)).toBe(cohort.length);
        expect(steps.reduce((sum, s) => sum + s.events, 0)).toBe(cohort.filter((s) => s.event).length);
      }),
    );
  });

  it('equals the empirical survival (share with a time beyond t) when no one is censored', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 60 }), (times) => {
        const km = kaplanMeier(times.map((time) => ({ time, event: true })));
        for (let t = -1; t <= 61; t += 1) {
          const empirical = times.filter((time) => time > t).length / times.length;
          expect(km.survivalAt(t)).toBeCloseTo(empirical, 12);
        }
      }),
    );
  });

  it('is right-continuous: at a step time it already shows that step', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        const km = kaplanMeier(cohort);
        km.steps.forEach((step, i) => {
          expect(km.survivalAt(step.time)).toBe(step.survival);
          expect(km.survivalAt(step.time - 0.5)).toBe(i === 0 ? 1 : km.steps[i - 1].survival);
        });
      }),
    );
  });

  it('puts the median where the steps cross one half, and null only when they never do', () => {
    const tolerance = 1.5e-8;
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        const km = kaplanMeier(cohort);
        const { estimate } = km.median;
        if (estimate === null) {
          expect(km.steps.every((s) => s.survival >= 0.5 + tolerance)).toBe(true);
        } else {
          expect(km.survivalAt(estimate)).toBeLessThan(0.5 + tolerance);
          for (const step of km.steps.filter((s) => s.time < estimate)) {
            expect(step.survival).toBeGreaterThan(0.5 - tolerance);
          }
        }
      }),
    );
  });

  it('brackets the median by its confidence limits whenever they are reached', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        const { estimate, lower, upper } = kaplanMeier(cohort).median;
        if (estimate !== null && lower !== null) expect(lower).toBeLessThanOrEqual(estimate);
        if (estimate !== null && upper !== null) expect(upper).toBeGreaterThanOrEqual(estimate);
        if (estimate === null) expect(upper).toBeNull();
      }),
    );
  });
});
