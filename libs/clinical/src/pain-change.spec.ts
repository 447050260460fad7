import { painChange } from './pain-change.js';

describe('painChange', () => {
  it('gives the reduction in points and as a percentage of the baseline', () => {
    expect(painChange(8, 4)).toEqual({ absolute: 4, percent: 50, reduced30: true, reduced50: true });
    expect(painChange(7, 3).absolute).toBe(4);
    expect(painChange(7, 3).percent).toBeCloseTo(57.142857, 5);
  });

  it('counts exactly 30 % and exactly 50 % as reaching the IMMPACT thresholds', () => {
    // 3/10 in floating point is 0.30000000000000004 and 0.3 × 100 is not 30: the comparison is exact.
    expect(painChange(10, 7)).toEqual({ absolute: 3, percent: 30, reduced30: true, reduced50: false });
    expect(painChange(10, 5)).toEqual({ absolute: 5, percent: 50, reduced30: true, reduced50: true });
    expect(painChange(6, 3)).toMatchObject({ reduced30: true, reduced50: true });
  });

  it('does not round a reduction just below a threshold up to it', () => {
    // 7 → 5 is 28.6 %, 9 → 5 is 44.4 %, 7 → 4 is 42.9 %.
    expect(painChange(7, 5)).toMatchObject({ reduced30: false, reduced50: false });
    expect(painChange(9, 5)).toMatchObject({ reduced30: true, reduced50: false });
    expect(painChange(7, 4)).toMatchObject({ reduced30: true, reduced50: false });
    expect(painChange(3, 2)).toMatchObject({ reduced30: true, reduced50: false });
    expect(painChange(4, 3)).toMatchObject({ reduced30: false, reduced50: false });
  });

  it('agrees with the plain percentage for every pair of whole NRS scores', () => {
    for (let baseline = 1; baseline <= 10; baseline += 1) {
      for (let now = 0; now <= 10; now += 1) {
        const change = painChange(baseline, now);
        const exact = ((baseline - now) / baseline) * 100;
        expect(change.absolute).toBe(baseline - now);
        expect(change.percent).toBeCloseTo(exact, 9);
        expect(change.reduced30).toBe(Math.round(exact * 1e6) >= 30e6);
        expect(change.reduced50).toBe(Math.round(exact * 1e6) >= 50e6);
      }
    }
  });

  it('reports an increase in pain as a negative reduction, never as a responder', () => {
    expect(painChange(5, 8)).toEqual({ absolute: -3, percent: -60, reduced30: false, reduced50: false });
    expect(painChange(4, 10)).toEqual({ absolute: -6, percent: -150, reduced30: false, reduced50: false });
  });

  it('reports no change as zero', () => {
    expect(painChange(6, 6)).toEqual({ absolute: 0, percent: 0, reduced30: false, reduced50: false });
  });

  it('has no percentage and no threshold answer when the baseline is 0', () => {
    expect(painChange(0, 0)).toEqual({ absolute: 0, percent: null, reduced30: null, reduced50: null });
    expect(painChange(0, 4)).toEqual({ absolute: -4, percent: null, reduced30: null, reduced50: null });
  });

  it('takes decimal scores as recorded, without rounding them', () => {
    expect(painChange(6.5, 3.25)).toEqual({ absolute: 3.25, percent: 50, reduced30: true, reduced50: true });
  });

  it('refuses values that are not NRS scores', () => {
    expect(() => painChange(-1, 3)).toThrow(RangeError);
    expect(() => painChange(11, 3)).toThrow(/baseline must be an NRS score/);
    expect(() => painChange(7, 10.5)).toThrow(/now must be an NRS score/);
    expect(() => painChange(Number.NaN, 3)).toThrow(RangeError);
    expect(() => painChange(7, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
