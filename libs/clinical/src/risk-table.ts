/** The shape of a Kaplan-Meier step the number-at-risk table reads. */
export interface RiskTableStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
}

export interface RiskTableCell {
  day: number;
  atRisk: number;
  /** Censored and events up to and including that day (cumulative, as KMunicate shows them). */
  censored: number;
  events: number;
}

/** The days the outcome report's number-at-risk table is read at: the origin, then 4, 8, 12 and 26 weeks. */
export const RISK_TABLE_DAYS: readonly number[] = [0, 28, 56, 84, 182];

/**
 * Number at risk, censored so far and events so far at each of the given days (KMunicate, Morris et
 * al. 2019), read off a curve's steps; the page and the CSV export print the same table.
 */
export function riskTable(
  steps: readonly RiskTableStep[],
  n: number,
  days: readonly number[],
): RiskTableCell[] {
  return days.map((day) => {
    const atOrAfter = steps.find((step) => step.time >= day);
    const upTo = steps.filter((step) => step.time <= day);
    return {
      day,
      atRisk: atOrAfter ? atOrAfter.atRisk : steps.length ? 0 : n,
      censored: upTo.reduce((sum, step) => sum + step.censored, 0),
      events: upTo.reduce((sum, step) => sum + step.events, 0),
    };
  });
}
