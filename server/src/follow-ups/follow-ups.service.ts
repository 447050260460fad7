import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import {
  calendarDateIn,
  daysBetween,
  instrumentAnswerProblems,
  PGIC_WORDING_ID,
  scoreInstrument,
  windowAround,
} from '@infusion-tracker/clinical';
import { Admission } from '../admissions/admission.entity.js';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import type { Role } from '../auth/roles.js';
import { checkClinicalTime } from '../common/clinical-time.js';
import {
  DomainError,
  FollowUpRuleViolated,
  NotFound,
  ValidationFailed,
  type FieldError,
} from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type {
  AttemptRequest,
  ExtraFollowUpRequest,
  OutcomeRequest,
  TerminalEventRequest,
  WorklistQuery,
} from './dto/follow-up.requests.js';
import type {
  AdmissionFollowUpsResponse,
  FollowUpResponse,
  WorklistResponse,
} from './dto/follow-up.response.js';
import { FollowUpAttempt } from './follow-up-attempt.entity.js';
import { FollowUpCancellation } from './follow-up-cancellation.entity.js';
import { currentScheduleVersion } from './follow-up-creation.js';
import { FollowUpOutcome, type StoredInstrumentAnswers } from './follow-up-outcome.entity.js';
import {
  failedAttemptCount,
  loadFollowUpRecord,
  settledStatus,
  toAdmissionFollowUpsResponse,
  type FollowUpRecord,
} from './follow-up-record.js';
import { FollowUpTerminalEvent } from './follow-up-terminal-event.entity.js';
import { FollowUp } from './follow-up.entity.js';
import { worklist } from './follow-ups.queries.js';
import type { DeferredSessionCheck } from '../auth/deferred-session-check.js';
import { currentInstruments } from './instrument-catalogue.js';
import { outcomeRuleViolations } from './outcome-rules.js';
// Patient-reported follow-ups (issue 13)
import { patientLinkStates } from '../patient-links/patient-link-state.js';

const TERMINAL_EVENT_WORDS = {
  lost: 'Lost to follow-up',
  died: 'Patient died',
  withdrew: 'Patient withdrew consent',
  readmitted: 'Readmitted for another infusion',
} as const;

/** The roles that may record each terminal event: a readmission is the prescriber's decision. */
const TERMINAL_EVENT_ROLES: Record<keyof typeof TERMINAL_EVENT_WORDS, readonly Role[]> = {
  lost: ['nurse', 'prescriber'],
  died: ['nurse', 'prescriber'],
  withdrew: ['nurse', 'prescriber'],
  readmitted: ['prescriber'],
};

/** An admission's follow-ups, locked for one command. */
interface Locked {
  admission: Admission;
  dischargedOn: string;
  record: FollowUpRecord;
}

/**
 * Follow-ups after discharge (ADR 4): one transaction per command, every write audited, every read of a
 * patient's follow-ups an audited read. Statuses are derived; `settled` caches the date-independent ones.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return calendarDateIn(new Date(), this.config.wardTimeZone);
  }

  async forAdmission(actor: Actor, admissionId: string): Promise<AdmissionFollowUpsResponse> {
    return this.dataSource.transaction(async (manager) => {
      const admission = await manager.findOneBy(Admission, { id: admissionId });
      if (!admission) throw new NotFound('The admission');
      await this.audit.record(manager, {
        actor,
        action: 'follow-ups.viewed',
        entityType: 'admission',
        entityId: admissionId,
        admissionId,
      });
      return this.respond(manager, admission, await loadFollowUpRecord(manager, admissionId));
    });
  }

  async addExtra(actor: Actor, admissionId: string, input: ExtraFollowUpRequest): Promise<FollowUpResponse> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, admissionId);
      this.refuseAfterTerminalEvent(locked);
      if (daysBetween(locked.dischargedOn, input.dueOn) <= 0) {
        throw new FollowUpRuleViolated([
          { field: 'dueOn', messages: [`dueOn must be after the discharge date (${locked.dischargedOn})`] },
        ]);
      }
      const schedule = await currentScheduleVersion(manager);
      const windowDays = input.windowDays ?? 3;
      const dates = windowAround(input.dueOn, windowDays);
      const followUp = manager.create(FollowUp, {
        admissionId,
        kind: 'extra',
        weeks: null,
        scheduleVersion: schedule.version,
        failedAttemptLimit: schedule.failedAttemptLimit,
        ...dates,
        reason: input.reason.trim(),
        settled: null,
        createdBy: actor.id,
      });
      await manager.insert(FollowUp, followUp);
      await this.audit.record(manager, {
        actor,
        action: 'follow-up.added',
        entityType: 'follow-up',
        entityId: followUp.id,
        admissionId,
        change: { before: null, after: { ...input, windowDays } },
      });
      return this.respondFor(manager, locked.admission, followUp.id);
    });
  }

  async cancel(actor: Actor, followUpId: string, reason: string): Promise<FollowUpResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { locked, followUp } = await this.lockFollowUp(manager, followUpId);
      this.refuseAfterTerminalEvent(locked);
      const state = stateOf(locked.record, followUp.id);
      if (state.cancelled) throw new DomainError('follow-up-closed', 'This follow-up is already cancelled.');
      if (state.hasCurrentOutcome) {
        throw new DomainError(
          'follow-up-closed',
          'This follow-up is done; mark its outcome entered in error before cancelling it.',
        );
      }
      await manager.insert(FollowUpCancellation, {
        followUpId,
        reason: reason.trim(),
        terminalEventId: null,
        cancelledBy: actor.id,
      });
      await this.settle(manager, followUp, { ...state, cancelled: true });
      await this.audit.record(manager, {
        actor,
        action: 'follow-up.cancelled',
        entityType: 'follow-up',
        entityId: followUpId,
        admissionId: followUp.admissionId,
        change: { before: { status: followUp.settled }, after: { status: 'cancelled', reason } },
      });
      return this.respondFor(manager, locked.admission, followUpId);
    });
  }

  async recordAttempt(actor: Actor, followUpId: string, input: AttemptRequest): Promise<FollowUpResponse> {
    const at = new Date(input.at);
    return this.dataSource.transaction(async (manager) => {
      const { locked, followUp } = await this.lockFollowUp(manager, followUpId);
      this.refuseClosed(locked, followUp.id);
      try {
        checkClinicalTime('at', at, locked.admission.dischargedAt);
      } catch (error) {
        if (error instanceof ValidationFailed) throw new FollowUpRuleViolated(error.errors);
        throw error;
      }
      const attempt = manager.create(FollowUpAttempt, {
        followUpId,
        method: input.method,
        at,
        result: input.result,
        note: input.note?.trim() || null,
        recordedBy: actor.id,
      });
      await manager.insert(FollowUpAttempt, attempt);
      const state = stateOf(locked.record, followUpId);
      const failedAttempts = state.failedAttempts + (input.result === 'reached' ? 0 : 1);
      await this.settle(manager, followUp, { ...state, failedAttempts });
      await this.audit.record(manager, {
        actor,
        action: 'follow-up.attempt-recorded',
        entityType: 'follow-up-attempt',
        entityId: attempt.id,
        admissionId: followUp.admissionId,
        change: { before: null, after: { followUpId, ...input, failedAttempts } },
      });
      return this.respondFor(manager, locked.admission, followUpId);
    });
  }

  async recordOutcome(actor: Actor, followUpId: string, input: OutcomeRequest): Promise<FollowUpResponse> {
    return this.dataSource.transaction((manager) => this.recordOutcomeIn(manager, actor, followUpId, input));
  }

  /**
   * Locks the follow-up's admission and checks an outcome against every rule, in the caller's
   * transaction; without an outcome, only that the follow-up still takes one. Patients' answers are
   * checked here too (issue 13), so theirs and the clinician's are validated alike.
   */
  async checkOutcome(manager: EntityManager, followUpId: string, input: OutcomeRequest | null) {
    const { locked, followUp } = await this.lockFollowUp(manager, followUpId);
    this.refuseClosed(locked, followUp.id);
    if (input === null) return { locked, followUp, instruments: [] as StoredInstrumentAnswers[] };
    const others = locked.record.outcomes.filter((outcome) => outcome.enteredInErrorAt === null);
    const errors = outcomeRuleViolations(input, {
      dischargedOn: locked.dischargedOn,
      today: this.today(),
      others,
    });
    if (errors.length) throw new FollowUpRuleViolated(errors);
    const instruments = await this.scoreInstruments(manager, input.instruments ?? []);
    return { locked, followUp, instruments };
  }

  /** recordOutcome in the caller's transaction (a patient's answers accepted, issue 13). */
  async recordOutcomeIn(
    manager: EntityManager,
    actor: Actor,
    followUpId: string,
    input: OutcomeRequest,
  ): Promise<FollowUpResponse> {
    const { locked, followUp, instruments } = await this.checkOutcome(manager, followUpId, input);
    const outcome = manager.create(FollowUpOutcome, {
      followUpId,
      admissionId: followUp.admissionId,
      assessedOn: input.assessedOn,
      method: input.method,
      painNow: input.painNow,
      painWorstWeek: input.painWorstWeek ?? null,
      pgic: input.pgic ?? null,
      pgicWording: input.pgic === undefined ? null : PGIC_WORDING_ID,
      benefitOngoing: input.benefitOngoing,
      benefitReturned: input.benefitReturned ?? null,
      benefitEndedOn: input.benefitEndedOn ?? null,
      benefitEndedOnApproximate: input.benefitEndedOnApproximate ?? false,
      medicationChanges: input.medicationChanges?.trim() || null,
      adverseEffects: input.adverseEffects?.trim() || null,
      adverseEffectsGrade: input.adverseEffectsGrade ?? null,
      readmissionPlanned: input.readmissionPlanned ?? null,
      comment: input.comment?.trim() || null,
      instruments,
      recordedBy: actor.id,
      enteredInErrorBy: null,
      enteredInErrorAt: null,
      enteredInErrorReason: null,
    });
    await manager.insert(FollowUpOutcome, outcome);
    await this.settle(manager, followUp, {
      ...stateOf(locked.record, followUpId),
      hasCurrentOutcome: true,
    });
    await this.audit.record(manager, {
      actor,
      action: 'follow-up.outcome-recorded',
      entityType: 'follow-up-outcome',
      entityId: outcome.id,
      admissionId: followUp.admissionId,
      change: { before: null, after: { followUpId, ...input, instruments } },
    });
    return this.respondFor(manager, locked.admission, followUpId);
  }

  async markOutcomeInError(actor: Actor, outcomeId: string, reason: string): Promise<FollowUpResponse> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(FollowUpOutcome, { id: outcomeId });
      if (!found) throw new NotFound('The follow-up outcome');
      const { locked, followUp } = await this.lockFollowUp(manager, found.followUpId);
      const outcome = locked.record.outcomes.find((row) => row.id === outcomeId)!;
      if (outcome.enteredInErrorAt !== null) {
        throw new DomainError('conflict', 'This outcome is already marked entered in error.');
      }
      const markedAt = new Date();
      await manager.update(
        FollowUpOutcome,
        { id: outcomeId, enteredInErrorAt: IsNull() },
        { enteredInErrorAt: markedAt, enteredInErrorBy: actor.id, enteredInErrorReason: reason.trim() },
      );
      const state = { ...stateOf(locked.record, followUp.id), hasCurrentOutcome: false };
      // After the admission's follow-up ended, a follow-up reopened by a correction ends with it.
      if (locked.record.terminalEvent && !state.cancelled) {
        await manager.insert(FollowUpCancellation, {
          followUpId: followUp.id,
          reason: terminalReason(locked.record.terminalEvent),
          terminalEventId: locked.record.terminalEvent.id,
          cancelledBy: actor.id,
        });
        state.cancelled = true;
      }
      await this.settle(manager, followUp, state);
      await this.audit.record(manager, {
        actor,
        action: 'follow-up.outcome-entered-in-error',
        entityType: 'follow-up-outcome',
        entityId: outcomeId,
        admissionId: followUp.admissionId,
        change: {
          before: { enteredInError: null },
          after: { enteredInError: { reason, at: markedAt.toISOString() } },
        },
      });
      return this.respondFor(manager, locked.admission, followUp.id);
    });
  }

  async recordTerminalEvent(
    actor: Actor & { roles: readonly Role[] },
    admissionId: string,
    input: TerminalEventRequest,
  ): Promise<AdmissionFollowUpsResponse> {
    if (!TERMINAL_EVENT_ROLES[input.kind].some((role) => actor.roles.includes(role))) {
      throw new DomainError(
        'forbidden',
        `Only a ${TERMINAL_EVENT_ROLES[input.kind].join(' or ')} may record this.`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, admissionId);
      if (locked.record.terminalEvent) {
        throw new DomainError(
          'terminal-event-exists',
          `Follow-up of this admission already ended: ${TERMINAL_EVENT_WORDS[locked.record.terminalEvent.kind].toLowerCase()} on ${locked.record.terminalEvent.on}.`,
        );
      }
      const errors: FieldError[] = [];
      if (daysBetween(locked.dischargedOn, input.on) < 0) {
        errors.push({
          field: 'on',
          messages: [`on must not be before the discharge date (${locked.dischargedOn})`],
        });
      } else if (daysBetween(this.today(), input.on) > 0) {
        errors.push({ field: 'on', messages: ['on must not be in the future'] });
      }
      if (errors.length) throw new FollowUpRuleViolated(errors);
      const event = manager.create(FollowUpTerminalEvent, {
        admissionId,
        kind: input.kind,
        on: input.on,
        reason: input.reason.trim(),
        recordedBy: actor.id,
        enteredInErrorBy: null,
        enteredInErrorAt: null,
        enteredInErrorReason: null,
      });
      await manager.insert(FollowUpTerminalEvent, event);
      const remaining = locked.record.followUps.filter((followUp) => {
        const state = stateOf(locked.record, followUp.id);
        return !state.cancelled && !state.hasCurrentOutcome;
      });
      if (remaining.length) {
        await manager.insert(
          FollowUpCancellation,
          remaining.map((followUp) => ({
            followUpId: followUp.id,
            reason: terminalReason(event),
            terminalEventId: event.id,
            cancelledBy: actor.id,
          })),
        );
        await manager.update(
          FollowUp,
          remaining.map((followUp) => followUp.id),
          { settled: 'cancelled' },
        );
      }
      await this.audit.record(manager, {
        actor,
        action: 'follow-up.terminal-event-recorded',
        entityType: 'follow-up-terminal-event',
        entityId: event.id,
        admissionId,
        change: {
          before: null,
          after: { ...input, cancelledFollowUps: remaining.map((followUp) => followUp.id) },
        },
      });
      return this.respond(manager, locked.admission, await loadFollowUpRecord(manager, admissionId));
    });
  }

  /**
   * A terminal event recorded in error (ADR 4): marked entered in error with the reason, never deleted.
   * The follow-ups it cancelled whose window has not closed reopen as new follow-ups with the same dates
   * (the cancelled ones stay, with their attempts); those whose window closed stay cancelled.
   */
  async markTerminalEventInError(
    actor: Actor & { roles: readonly Role[] },
    eventId: string,
    reason: string,
  ): Promise<AdmissionFollowUpsResponse> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(FollowUpTerminalEvent, { id: eventId });
      if (!found) throw new NotFound('The terminal event');
      if (!TERMINAL_EVENT_ROLES[found.kind].some((role) => actor.roles.includes(role))) {
        throw new DomainError(
          'forbidden',
          `Only a ${TERMINAL_EVENT_ROLES[found.kind].join(' or ')} may correct this.`,
        );
      }
      const locked = await this.lock(manager, found.admissionId);
      if (locked.record.terminalEvent?.id !== eventId) {
        throw new DomainError('conflict', 'This terminal event is already marked entered in error.');
      }
      const markedAt = new Date();
      await manager.update(
        FollowUpTerminalEvent,
        { id: eventId, enteredInErrorAt: IsNull() },
        { enteredInErrorAt: markedAt, enteredInErrorBy: actor.id, enteredInErrorReason: reason.trim() },
      );
      const today = this.today();
      const cancelledByEvent = locked.record.followUps.filter((followUp) =>
        locked.record.cancellations.some(
          (row) => row.followUpId === followUp.id && row.terminalEventId === eventId,
        ),
      );
      const reopen = cancelledByEvent.filter((followUp) => daysBetween(today, followUp.windowEnd) >= 0);
      const reopened = reopen.map((followUp) =>
        manager.create(FollowUp, {
          admissionId: followUp.admissionId,
          kind: followUp.kind,
          weeks: followUp.weeks,
          scheduleVersion: followUp.scheduleVersion,
          failedAttemptLimit: followUp.failedAttemptLimit,
          dueOn: followUp.dueOn,
          windowStart: followUp.windowStart,
          windowEnd: followUp.windowEnd,
          reason: followUp.reason,
          settled: null,
          reopensFollowUpId: followUp.id,
          createdBy: actor.id,
        }),
      );
      if (reopened.length) await manager.insert(FollowUp, reopened);
      await this.audit.record(manager, {
        actor,
        action: 'follow-up.terminal-event-entered-in-error',
        entityType: 'follow-up-terminal-event',
        entityId: eventId,
        admissionId: found.admissionId,
        change: {
          before: { enteredInError: null },
          after: {
            enteredInError: { reason, at: markedAt.toISOString() },
            reopened: reopened.map((row) => ({ followUpId: row.id, reopens: row.reopensFollowUpId })),
            leftCancelled: cancelledByEvent
              .filter((followUp) => !reopen.includes(followUp))
              .map((followUp) => followUp.id),
          },
        },
      });
      return this.respond(manager, locked.admission, await loadFollowUpRecord(manager, found.admissionId));
    });
  }

  /**
   * The worklist is a read of many patients' follow-ups: one audit row, written by the same statement,
   * which checks the session too when the guard left that to it (ADR 10).
   */
  worklist(
    actor: Actor,
    filter: WorklistQuery,
    deferredSession: DeferredSessionCheck | null = null,
  ): Promise<WorklistResponse> {
    return worklist(this.dataSource.manager, actor, this.today(), filter, deferredSession);
  }

  private async scoreInstruments(
    manager: EntityManager,
    answered: { code: string; answers: Record<string, number | null> }[],
  ): Promise<StoredInstrumentAnswers[]> {
    if (answered.length === 0) return [];
    const definitions = await currentInstruments(manager);
    const errors: FieldError[] = [];
    const stored: StoredInstrumentAnswers[] = [];
    answered.forEach((entry, index) => {
      const field = `instruments.${index}`;
      const definition = definitions.find((candidate) => candidate.code === entry.code);
      if (!definition) {
        errors.push({ field: `${field}.code`, messages: [`no instrument "${entry.code}" is loaded`] });
        return;
      }
      if (answered.findIndex((other) => other.code === entry.code) !== index) {
        errors.push({ field: `${field}.code`, messages: [`${entry.code} is answered twice`] });
        return;
      }
      const problems = instrumentAnswerProblems(definition, entry.answers);
      if (problems.length) {
        errors.push({ field: `${field}.answers`, messages: problems });
        return;
      }
      const { score, valid } = scoreInstrument(definition, entry.answers);
      // Only what was asked is stored: an item left out is not stored as anything.
      stored.push({
        code: definition.code,
        version: definition.version,
        answers: { ...entry.answers },
        score,
        valid,
      });
    });
    if (errors.length) throw new ValidationFailed(errors);
    return stored;
  }

  /** Serialises the commands on one admission's follow-ups; the consistency rules read them all. */
  private async lock(manager: EntityManager, admissionId: string): Promise<Locked> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`follow-ups:${admissionId}`]);
    const admission = await manager.findOneBy(Admission, { id: admissionId });
    if (!admission) throw new NotFound('The admission');
    if (admission.status !== 'discharged' || !admission.dischargedAt) {
      throw new DomainError(
        'illegal-transition',
        'Follow-ups start at discharge; this admission is not discharged.',
      );
    }
    return {
      admission,
      dischargedOn: calendarDateIn(admission.dischargedAt, this.config.wardTimeZone),
      record: await loadFollowUpRecord(manager, admissionId),
    };
  }

  private async lockFollowUp(manager: EntityManager, followUpId: string) {
    const found = await manager.findOneBy(FollowUp, { id: followUpId });
    if (!found) throw new NotFound('The follow-up');
    const locked = await this.lock(manager, found.admissionId);
    return { locked, followUp: locked.record.followUps.find((row) => row.id === followUpId)! };
  }

  private refuseAfterTerminalEvent(locked: Locked): void {
    const event = locked.record.terminalEvent;
    if (event) {
      throw new DomainError(
        'follow-up-closed',
        `Follow-up of this admission ended: ${TERMINAL_EVENT_WORDS[event.kind].toLowerCase()} on ${event.on}.`,
      );
    }
  }

  /** No attempt or outcome on a cancelled or done follow-up, nor after the admission's terminal event. */
  private refuseClosed(locked: Locked, followUpId: string): void {
    this.refuseAfterTerminalEvent(locked);
    const state = stateOf(locked.record, followUpId);
    if (state.cancelled) throw new DomainError('follow-up-closed', 'This follow-up is cancelled.');
    if (state.hasCurrentOutcome) {
      throw new DomainError(
        'outcome-exists',
        'This follow-up already has an outcome; mark it entered in error to record another.',
      );
    }
  }

  private async settle(
    manager: EntityManager,
    followUp: FollowUp,
    state: { cancelled: boolean; hasCurrentOutcome: boolean; failedAttempts: number },
  ): Promise<void> {
    const settled = settledStatus(followUp, state);
    if (settled !== followUp.settled) await manager.update(FollowUp, { id: followUp.id }, { settled });
  }

  private async respond(
    manager: EntityManager,
    admission: Admission,
    record: FollowUpRecord,
  ): Promise<AdmissionFollowUpsResponse> {
    const response = await toAdmissionFollowUpsResponse(manager, admission, record, this.config.wardTimeZone);
    // Patient-reported follow-ups (issue 13)
    const links = await patientLinkStates(
      manager,
      response.items.map((item) => item.id),
    );
    for (const item of response.items) item.patientLink = links.get(item.id) ?? null;
    return response;
  }

  private async respondFor(
    manager: EntityManager,
    admission: Admission,
    followUpId: string,
  ): Promise<FollowUpResponse> {
    const response = await this.respond(manager, admission, await loadFollowUpRecord(manager, admission.id));
    return response.items.find((item) => item.id === followUpId)!;
  }
}

function stateOf(record: FollowUpRecord, followUpId: string) {
  return {
    cancelled: record.cancellations.some((row) => row.followUpId === followUpId),
    hasCurrentOutcome: record.outcomes.some(
      (outcome) => outcome.followUpId === followUpId && outcome.enteredInErrorAt === null,
    ),
    failedAttempts: failedAttemptCount(
      record.attempts.filter((attempt) => attempt.followUpId === followUpId),
    ),
  };
}

function terminalReason(event: Pick<FollowUpTerminalEvent, 'kind' | 'reason'>): string {
  return `${TERMINAL_EVENT_WORDS[event.kind]}: ${event.reason}`;
}
