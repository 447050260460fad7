import { Concentration, CreateInfusionOrderRequest, InfusionOrder, Rate, Route } from '../core/api-types';
import { formatWardClock } from './ward-time-format';

/*
 * An order in words, exactly as the prescriber wrote it. Nothing here calculates, converts or
 * suggests: every number shown is a number somebody typed, next to the unit they chose.
 */

/** "0.15 mg/kg/h", "2 mg/mL": the value as stored, then its unit. */
export function valueWithUnit(amount: Rate | Concentration): string {
  return `${String(amount.value)} ${amount.unit}`;
}

/** "Ketamine": the drug as typed, starting with a capital. */
export function drugName(drug: string): string {
  const trimmed = drug.trim();
  return trimmed.charAt(0).toLocaleUpperCase('en-GB') + trimmed.slice(1);
}

/** "IV"; "subcutaneous" in full, as ISMP advises against "SC" and "SQ". */
export function routeShort(route: Route): string {
  return route === 'intravenous' ? 'IV' : 'subcutaneous';
}

/** What an order says, without the time: shared by the header, the history and the read-back. */
type OrderWords = Pick<InfusionOrder, 'drug' | 'route' | 'concentration' | 'rate'>;

/** "Ketamine 2 mg/mL at 0.15 mg/kg/h IV, since 14:00": the current order in the admission header. */
export function currentOrderSentence(
  order: OrderWords & Pick<InfusionOrder, 'effectiveFrom'>,
  timeZone: string,
  now: number,
): string {
  return (
    `${drugName(order.drug)} ${valueWithUnit(order.concentration)} at ${valueWithUnit(order.rate)} ` +
    `${routeShort(order.route)}, since ${formatWardClock(order.effectiveFrom, timeZone, now)}`
  );
}

export type OrderDraft = Omit<CreateInfusionOrderRequest, 'version'>;

/**
 * The read-back: "Ketamine 2 mg/mL IV at 0.15 mg/kg/h from 14:00 (ward time). Maximum 0.3 mg/kg/h."
 * first, then one sentence for each further part of the order the prescriber wrote.
 */
export function readBack(draft: OrderDraft, timeZone: string, now: number): string[] {
  const lines = [
    `${drugName(draft.drug)} ${valueWithUnit(draft.concentration)} ${routeShort(draft.route)} at ` +
      `${valueWithUnit(draft.rate)} from ${formatWardClock(draft.effectiveFrom, timeZone, now)} (ward time). ` +
      (draft.maxRate ? `Maximum ${valueWithUnit(draft.maxRate)}.` : 'No maximum rate.'),
  ];
  if (draft.increment) {
    lines.push(`Planned increment ${valueWithUnit(draft.increment)}.`);
  }
  if (draft.minMinutesBetweenChanges !== undefined) {
    lines.push(`At least ${minutes(draft.minMinutesBetweenChanges)} between changes.`);
  }
  if (draft.endPoints) {
    lines.push(`End points / stop criteria: ${draft.endPoints}`);
  }
  lines.push(`Reason: ${draft.reason}`);
  if (draft.note) {
    lines.push(`Note: ${draft.note}`);
  }
  return lines;
}

export function minutes(count: number): string {
  return count === 1 ? '1 minute' : `${count} minutes`;
}
