import { type EntityManager, In } from 'typeorm';
import {
  calendarDateIn,
  followUpLabel,
  followUpStatus,
  FAILED_ATTEMPT_RESULTS,
} from '@infusion-tracker/clinical';
import type { Admission } from '../admissions/admission.entity.js';
import type { StaffName } from '../admissions/dto/admission.response.js';
import { User } from '../users/user.entity.js';
import type {
  AdmissionFollowUpsResponse,
  FollowUpOutcomeResponse,
  FollowUpResponse,
  TerminalEventResponse,
} from './dto/follow-up.response.js';
import { FollowUpAttempt } from './follow-up-attempt.entity.js';
import { FollowUpCancellation } from './follow-up-cancellation.entity.js';
import { FollowUpOutcome } from './follow-up-outcome.entity.js';
import { FollowUpTerminalEvent } from './follow-up-terminal-event.entity.js';
import { FollowUp, type SettledStatus } from './follow-up.entity.js';

/** Everything recorded about an admission's follow-ups, as rows. */
export interface FollowUpRecord {
  followUps: FollowUp[];
  attempts: FollowUpAttempt[];
  outcomes: FollowUpOutcome[];
  cancellations: FollowUpCancellation[];
  terminalEvent: FollowUpTerminalEvent | null;
  terminalEventsEnteredInError: FollowUpTerminalEvent[];
}

export async function loadFollowUpRecord(
  manager: EntityManager,
  admissionId: string,
): Promise<FollowUpRecord> {
  const followUps = await manager.find(FollowUp, {
    where: { admissionId },
    order: { dueOn: 'ASC', createdAt: 'ASC' },
  });
  const ids = followUps.map((followUp) => followUp.id);
  // One after another: inside a transaction the manager has a single connection.
  const attempts = ids.length
    ? await manager.find(FollowUpAttempt, {
        where: { followUpId: In(ids) },
        order: { at: 'ASC', recordedAt: 'ASC' },
      })
    : [];
  const outcomes = ids.length
    ? await manager.find(FollowUpOutcome, { where: { followUpId: In(ids) }, order: { recordedAt: 'ASC' } })
    : [];
  const cancellations = ids.length ? await manager.findBy(FollowUpCancellation, { followUpId: In(ids) }) : [];
  const terminalEvents = await manager.find(FollowUpTerminalEvent, {
    where: { admissionId },
    order: { recordedAt: 'ASC' },
  });
  return {
    followUps,
    attempts,
    outcomes,
    cancellations,
    terminalEvent: terminalEvents.find((event) => event.enteredInErrorAt === null) ?? null,
    terminalEventsEnteredInError: terminalEvents.filter((event) => event.enteredInErrorAt !== null),
  };
}

export function failedAttemptCount(attempts: FollowUpAttempt[]): number {
  return attempts.filter((attempt) => FAILED_ATTEMPT_RESULTS.includes(attempt.result)).length;
}

/** The status a follow-up keeps whatever the date (ADR 4), or null while the date decides. */
export function settledStatus(
  followUp: Pick<FollowUp, 'failedAttemptLimit'>,
  state: { cancelled: boolean; hasCurrentOutcome: boolean; failedAttempts: number },
): SettledStatus | null {
  if (state.cancelled) return 'cancelled';
  if (state.hasCurrentOutcome) return 'done';
  if (state.failedAttempts >= followUp.failedAttemptLimit) return 'missed';
  return null;
}

async function staffNames(manager: EntityManager, ids: Iterable<string>): Promise<Map<string, StaffName>> {
  const unique = [...new Set(ids)];
  const users = unique.length
    ? await manager.find(User, { where: { id: In(unique) }, select: { id: true, displayName: true } })
    : [];
  return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
}

export async function toAdmissionFollowUpsResponse(
  manager: EntityManager,
  admission: Admission,
  record: FollowUpRecord,
  timeZone: string,
  now = new Date(),
): Promise<AdmissionFollowUpsResponse> {
  const names = await staffNames(manager, [
    ...record.attempts.map((attempt) => attempt.recordedBy),
    ...record.outcomes.flatMap((outcome) => [
      outcome.recordedBy,
      ...(outcome.enteredInErrorBy ? [outcome.enteredInErrorBy] : []),
    ]),
    ...record.cancellations.map((cancellation) => cancellation.cancelledBy),
    ...(record.terminalEvent ? [record.terminalEvent.recordedBy] : []),
    ...record.terminalEventsEnteredInError.flatMap((event) => [
      event.recordedBy,
      ...(event.enteredInErrorBy ? [event.enteredInErrorBy] : []),
    ]),
  ]);
  const nameOf = (id: string): StaffName => names.get(id) ?? { id, displayName: 'Unknown user' };
  const today = calendarDateIn(now, timeZone);
  return {
    admissionId: admission.id,
    baselinePain: admission.baselinePain,
    painAtDischarge: admission.painAtDischarge,
    pgicAtDischarge: admission.pgicAtDischarge,
    dischargedOn: admission.dischargedAt ? calendarDateIn(admission.dischargedAt, timeZone) : null,
    today,
    items: record.followUps.map((followUp) => toFollowUpResponse(followUp, record, nameOf, today)),
    terminalEvent: record.terminalEvent ? toTerminalEventResponse(record.terminalEvent, nameOf) : null,
    terminalEventsEnteredInError: record.terminalEventsEnteredInError.map((event) =>
      toTerminalEventResponse(event, nameOf),
    ),
  };
}

export function toFollowUpResponse(
  followUp: FollowUp,
  record: FollowUpRecord,
  nameOf: (id: string) => StaffName,
  today: string,
): FollowUpResponse {
  const attempts = record.attempts.filter((attempt) => attempt.followUpId === followUp.id);
  const outcomes = record.outcomes.filter((outcome) => outcome.followUpId === followUp.id);
  const current = outcomes.find((outcome) => outcome.enteredInErrorAt === null) ?? null;
  const cancellation = record.cancellations.find((row) => row.followUpId === followUp.id) ?? null;
  const failedAttempts = failedAttemptCount(attempts);
  return {
    id: followUp.id,
    admissionId: followUp.admissionId,
    kind: followUp.kind,
    weeks: followUp.weeks,
    label: followUpLabel(followUp.weeks),
    dueOn: followUp.dueOn,
    windowStart: followUp.windowStart,
    windowEnd: followUp.windowEnd,
    status: followUpStatus(
      {
        windowStart: followUp.windowStart,
        windowEnd: followUp.windowEnd,
        cancelled: cancellation !== null,
        hasCurrentOutcome: current !== null,
        failedAttempts,
      },
      today,
      followUp.failedAttemptLimit,
    ),
    reason: followUp.reason,
    cancellation: cancellation
      ? {
          at: cancellation.cancelledAt.toISOString(),
          by: nameOf(cancellation.cancelledBy),
          reason: cancellation.reason,
        }
      : null,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      method: attempt.method,
      at: attempt.at.toISOString(),
      result: attempt.result,
      note: attempt.note,
      recordedBy: nameOf(attempt.recordedBy),
      recordedAt: attempt.recordedAt.toISOString(),
    })),
    failedAttempts,
    failedAttemptLimit: followUp.failedAttemptLimit,
    outcome: current ? toOutcomeResponse(current, nameOf) : null,
    outcomesEnteredInError: outcomes
      .filter((outcome) => outcome.enteredInErrorAt !== null)
      .map((outcome) => toOutcomeResponse(outcome, nameOf)),
    reopens: followUp.reopensFollowUpId,
    patientLink: null, // filled in by the service (issue 13)
  };
}

export function toOutcomeResponse(
  outcome: FollowUpOutcome,
  nameOf: (id: string) => StaffName,
): FollowUpOutcomeResponse {
  return {
    id: outcome.id,
    followUpId: outcome.followUpId,
    assessedOn: outcome.assessedOn,
    method: outcome.method,
    painNow: outcome.painNow,
    painWorstWeek: outcome.painWorstWeek,
    pgic: outcome.pgic,
    pgicWording: outcome.pgicWording,
    benefitOngoing: outcome.benefitOngoing,
    benefitReturned: outcome.benefitReturned,
    benefitEndedOn: outcome.benefitEndedOn,
    benefitEndedOnApproximate: outcome.benefitEndedOnApproximate,
    medicationChanges: outcome.medicationChanges,
    adverseEffects: outcome.adverseEffects,
    adverseEffectsGrade: outcome.adverseEffectsGrade,
    readmissionPlanned: outcome.readmissionPlanned,
    comment: outcome.comment,
    instruments: outcome.instruments.map((answers) => ({
      code: answers.code,
      version: answers.version,
      answers: answers.answers,
      score: answers.score,
      valid: answers.valid,
    })),
    recordedBy: nameOf(outcome.recordedBy),
    recordedAt: outcome.recordedAt.toISOString(),
    enteredInError:
      outcome.enteredInErrorAt && outcome.enteredInErrorBy
        ? {
            by: nameOf(outcome.enteredInErrorBy),
            at: outcome.enteredInErrorAt.toISOString(),
            reason: outcome.enteredInErrorReason ?? '',
          }
        : null,
  };
}

function toTerminalEventResponse(
  event: FollowUpTerminalEvent,
  nameOf: (id: string) => StaffName,
): TerminalEventResponse {
  return {
    id: event.id,
    kind: event.kind,
    on: event.on,
    reason: event.reason,
    recordedBy: nameOf(event.recordedBy),
    recordedAt: event.recordedAt.toISOString(),
    enteredInError:
      event.enteredInErrorAt && event.enteredInErrorBy
        ? {
            by: nameOf(event.enteredInErrorBy),
            at: event.enteredInErrorAt.toISOString(),
            reason: event.enteredInErrorReason ?? '',
          }
        : null,
  };
}
