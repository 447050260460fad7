import { AdmissionStatus, InfusionEvent, InfusionEventType } from '../core/api-types';
import { formatWardClock } from './ward-time';

/** The event that put the infusion in its present state, as the board and the header know it. */
export interface StateEvent {
  type: InfusionEventType;
  occurredAt: string;
  reason: string | null;
}

/** An infusion that is not running: its rate is the last one ordered, not one the pump is giving. */
export function isHeld(status: AdmissionStatus): boolean {
  return status === 'paused' || status === 'infusion-stopped';
}

/** Admitted (or planned) and never started: the pump is not running yet either. */
export function isNotStarted(status: AdmissionStatus): boolean {
  return status === 'planned' || status === 'admitted';
}

/** The pump should be off: the infusion is not started, paused or stopped. */
export function pumpShouldBeOff(status: AdmissionStatus): boolean {
  return isNotStarted(status) || isHeld(status);
}

/**
 * What an infusion whose pump should be off says before anything else: "Not started", or a paused or
 * stopped infusion's words (heldInfusionWords). Null while the infusion runs.
 */
export function haltedInfusionWords(
  status: AdmissionStatus,
  event: StateEvent | null,
  timeZone: string,
  now: number,
): string | null {
  return isNotStarted(status) ? 'Not started' : heldInfusionWords(status, event, timeZone, now);
}

/**
 * "Paused since 13:59: hallucinations", "Stopped 09:10": what a paused or stopped infusion says before
 * anything else, in ward time. Null while the infusion is not paused or stopped.
 */
export function heldInfusionWords(
  status: AdmissionStatus,
  event: StateEvent | null,
  timeZone: string,
  now: number,
): string | null {
  if (!isHeld(status)) {
    return null;
  }
  const paused = status === 'paused';
  const matching = event && event.type === (paused ? 'pause' : 'stop') ? event : null;
  if (!matching) {
    return paused ? 'Paused' : 'Stopped';
  }
  const time = formatWardClock(matching.occurredAt, timeZone, now);
  const reason = matching.reason?.trim() ? `: ${matching.reason.trim()}` : '';
  return `${paused ? 'Paused since' : 'Stopped'} ${time}${reason}`;
}

/** The latest event of the admission's record, events being in clinical time order. */
export function latestEvent(events: readonly InfusionEvent[]): InfusionEvent | null {
  return events.reduce<InfusionEvent | null>(
    (latest, event) => (!latest || event.occurredAt >= latest.occurredAt ? event : latest),
    null,
  );
}
