import { chiSquareUpperTail } from './chi-square.js';
import type { SurvivalSubject } from './kaplan-meier.js';

// The log-rank (Mantel-Haenszel) test that survival curves are equal, computed as R's
// survival::survdiff(Surv(time, event) ~ group) with rho = 0: observed minus expected events per
// group, the hypergeometric variance with the usual tie correction, and a chi-square on the number
// of groups that had anyone at risk at an event time, less one.

export interface LogRankResult {
  chiSquare: number;
  df: number;
  p: number;
}

// A pivot this small against the matrix's scale means the variance is singular (R's solve() stops).
const SINGULAR_TOLERANCE = 1e-10;

/**
 * Compares the survival of two or more groups; null when no test is possible: fewer than two groups
 * with any expected event, or a singular variance (for example every event emptying the risk set).
 */
export function logRank(groups: readonly (readonly SurvivalSubject[])[]): LogRankResult | null {
  const subjects = groups.flatMap((group, index) => group.map((subject) => ({ ...subject, group: index })));
  for (const subject of subjects) {
    if (!Number.isFinite(subject.time) || subject.time < 0) {
      throw new RangeError(`a survival time must be a finite number ≥ 0, got ${subject.time}`);
    }
  }
  subjects.sort((a, b) => a.time - b.time);
  const k = groups.length;
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atRisk = groups.map((group) => group.length);
  let totalAtRisk = subjects.length;

  let i = 0;
  while (i < subjects.length) {
    const time = subjects[i].time;
    const eventsByGroup = new Array<number>(k).fill(0);
    const leavingByGroup = new Array<number>(k).fill(0);
    while (i < subjects.length && subjects[i].time === time) {
      const { group, event } = subjects[i];
      if (event) eventsByGroup[group] += 1;
      leavingByGroup[group] += 1;
      i += 1;
    }
    const events = eventsByGroup.reduce((sum, d) => sum + d, 0);
    if (events > 0) {
      const n = totalAtRisk;
      // Ties among events: hypergeometric variance, d (n − d) / (n − 1).
      const tieFactor = n > 1 ? (events * (n - events)) / (n - 1) : 0;
      for (let g = 0; g < k; g += 1) {
        observed[g] += eventsByGroup[g];
        expected[g] += (atRisk[g] * events) / n;
        for (let h = 0; h < k; h += 1) {
          variance[g][h] += (tieFactor * atRisk[g] * ((g === h ? 1 : 0) - atRisk[h] / n)) / n;
        }
      }
    }
    for (let g = 0; g < k; g += 1) {
      atRisk[g] -= leavingByGroup[g];
      totalAtRisk -= leavingByGroup[g];
    }
  }

  // survdiff leaves out groups with no expected events, and then the first of those left.
  const tested = expected.map((e, g) => (e > 0 ? g : -1)).filter((g) => g >= 0);
  if (tested.length < 2) return null;
  const kept = tested.slice(1);
  const difference = kept.map((g) => observed[g] - expected[g]);
  const matrix = kept.map((g) => kept.map((h) => variance[g][h]));
  const solution = solve(matrix, difference);
  if (!solution) return null;
  const chiSquare = solution.reduce((sum, x, j) => sum + x * difference[j], 0);
  const df = tested.length - 1;
  return { chiSquare, df, p: chiSquareUpperTail(chiSquare, df) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, r) => [...row, b[r]]);
  const scale = Math.max(...a.flat().map(Math.abs));
  if (!(scale > 0)) return null;
  for (let column = 0; column < n; column += 1) {
    let pivot = column;
    for (let r = column + 1; r < n; r += 1) {
      if (Math.abs(m[r][column]) > Math.abs(m[pivot][column])) pivot = r;
    }
    if (Math.abs(m[pivot][column]) <= SINGULAR_TOLERANCE * scale) return null;
    [m[column], m[pivot]] = [m[pivot], m[column]];
    for (let r = column + 1; r < n; r += 1) {
      const factor = m[r][column] / m[column][column];
      for (let c = column; c <= n; c += 1) m[r][c] -= factor * m[column][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = m[r][n];
    for (let c = r + 1; c < n; c += 1) sum -= m[r][c] * x[c];
    x[r] = sum / m[r][r];
  }
  return x;
}
