import type { InfusionEventType } from '../infusions/rate-units.js';
import type { AdmissionStatus } from './admission-status.js';

/** Which infusion event may follow which status, and where it leads. */
const EVENT_TRANSITIONS: Record<
  InfusionEventType,
  { from: readonly AdmissionStatus[]; to: AdmissionStatus }
> = {
  start: { from: ['admitted'], to: 'infusing' },
  pause: { from: ['infusing'], to: 'paused' },
  resume: { from: ['paused'], to: 'infusing' },
  stop: { from: ['infusing', 'paused'], to: 'infusion-stopped' },
};

export type AdmissionCommand = InfusionEventType | 'admit' | 'discharge' | 'cancel';

const COMMAND_TRANSITIONS: Record<
  'admit' | 'discharge' | 'cancel',
  { from: readonly AdmissionStatus[]; to: AdmissionStatus }
> = {
  admit: { from: ['planned'], to: 'admitted' },
  // An infusion that never started may be discharged from 'admitted' (with a reason).
  discharge: { from: ['infusion-stopped', 'admitted'], to: 'discharged' },
  cancel: { from: ['planned'], to: 'cancelled' },
};

/** The status after the command, or null when the command is not allowed from this status. */
export function nextStatus(current: AdmissionStatus, command: AdmissionCommand): AdmissionStatus | null {
  const rule =
    command in EVENT_TRANSITIONS
      ? EVENT_TRANSITIONS[command as InfusionEventType]
      : COMMAND_TRANSITIONS[command as 'admit'];
  return rule.from.includes(current) ? rule.to : null;
}

export function allowedFrom(command: AdmissionCommand): readonly AdmissionStatus[] {
  return command in EVENT_TRANSITIONS
    ? EVENT_TRANSITIONS[command as InfusionEventType].from
    : COMMAND_TRANSITIONS[command as 'admit'].from;
}
