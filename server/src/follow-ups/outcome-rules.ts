import { daysBetween } from '@infusion-tracker/clinical';
import type { FieldError } from '../common/domain-error.js';

/** What an outcome says about benefit, as far as the consistency rules care. */
export interface BenefitReport {
  assessedOn: string;
  benefitOngoing: boolean;
  benefitReturned?: boolean | null;
  benefitEndedOn?: string | null;
  benefitEndedOnApproximate?: boolean | null;
}

/**
 * The date and consistency rules of an outcome (ADR 4), against the discharge date, today (both local
 * dates in the ward's time zone) and the other current outcomes of the admission. Empty when it fits.
 */
export function outcomeRuleViolations(
  outcome: BenefitReport,
  context: { dischargedOn: string; today: string; others: readonly BenefitReport[] },
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => {
    const existing = errors.find((error) => error.field === field);
    if (existing) existing.messages.push(message);
    else errors.push({ field, messages: [message] });
  };
  const { dischargedOn, today } = context;
  if (daysBetween(dischargedOn, outcome.assessedOn) < 0) {
    add('assessedOn', `assessedOn must not be before the discharge date (${dischargedOn})`);
  }
  if (daysBetween(today, outcome.assessedOn) > 0) add('assessedOn', 'assessedOn must not be in the future');

  const endedOn = outcome.benefitEndedOn ?? null;
  if (outcome.benefitOngoing) {
    if (endedOn !== null) add('benefitEndedOn', 'benefitEndedOn is only for benefit that has ended');
    if (outcome.benefitEndedOnApproximate) {
      add('benefitEndedOnApproximate', 'benefitEndedOnApproximate is only for benefit that has ended');
    }
  } else {
    if (outcome.benefitReturned !== undefined && outcome.benefitReturned !== null) {
      add('benefitReturned', 'benefitReturned is only for benefit that is ongoing');
    }
    if (endedOn === null) {
      add('benefitEndedOn', 'benefitEndedOn is required when the benefit is no longer ongoing');
    } else {
      if (daysBetween(dischargedOn, endedOn) < 0) {
        add('benefitEndedOn', `benefitEndedOn must not be before the discharge date (${dischargedOn})`);
      }
      if (daysBetween(endedOn, outcome.assessedOn) < 0) {
        add('benefitEndedOn', 'benefitEndedOn must not be after assessedOn');
      }
    }
  }

  const earlier = context.others.filter((other) => daysBetween(other.assessedOn, outcome.assessedOn) > 0);
  const later = context.others.filter((other) => daysBetween(outcome.assessedOn, other.assessedOn) > 0);
  // An ended benefit cannot have ended before a day on which the patient said it was ongoing.
  if (!outcome.benefitOngoing && endedOn !== null) {
    const lastOngoing = earlier
      .filter((other) => other.benefitOngoing)
      .map((other) => other.assessedOn)
      .sort()
      .at(-1);
    if (lastOngoing && daysBetween(lastOngoing, endedOn) < 0) {
      add(
        'benefitEndedOn',
        `benefitEndedOn must not be before ${lastOngoing}, when an earlier follow-up reported the benefit ongoing`,
      );
    }
  }
  const endedEarlier = earlier.some((other) => !other.benefitOngoing);
  if (outcome.benefitOngoing && endedEarlier && outcome.benefitReturned !== true) {
    add(
      'benefitReturned',
      'an earlier follow-up reported the benefit ended: say benefitReturned true if it has come back',
    );
  }
  if (outcome.benefitOngoing && outcome.benefitReturned === true && !endedEarlier) {
    add('benefitReturned', 'benefitReturned is for benefit that an earlier follow-up reported ended');
  }
  // Entered late for an earlier date: later outcomes must still fit after it.
  for (const other of later) {
    if (outcome.benefitOngoing && !other.benefitOngoing && other.benefitEndedOn) {
      if (daysBetween(outcome.assessedOn, other.benefitEndedOn) < 0) {
        add(
          'benefitOngoing',
          `a later follow-up (${other.assessedOn}) reported the benefit ended on ${other.benefitEndedOn}, before this assessment`,
        );
      }
    }
    if (!outcome.benefitOngoing && other.benefitOngoing && other.benefitReturned !== true) {
      add(
        'benefitOngoing',
        `a later follow-up (${other.assessedOn}) reported the benefit ongoing without saying it returned`,
      );
    }
  }
  return errors;
}
