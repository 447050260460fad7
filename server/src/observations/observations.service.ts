import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  type News2Result,
  PLAUSIBLE_RANGES,
  describeReading,
  implausibleReadings,
  observationFlags,
  scoreNews2,
} from '@infusion-tracker/clinical';
import { Admission } from '../admissions/admission.entity.js';
import { OPEN_STATUSES } from '../admissions/admission-status.js';
import { User } from '../users/user.entity.js';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import type { DeferredSessionCheck } from '../auth/deferred-session-check.js';
import { checkClinicalTime } from '../common/clinical-time.js';
import {
  DomainError,
  NotFound,
  ObservationSetRuleViolated,
  ValidationFailed,
} from '../common/domain-error.js';
import { stableJson } from '../common/stable-json.js';
import type { CreateObservationSetRequest } from './dto/observation-set.request.js';
import { toObservationSetResponse, type ObservationSetResponse } from './dto/observation-set.response.js';
import type { ObservationScheduleRequest } from './dto/observation-schedule.request.js';
import { ObservationSet } from './observation-set.entity.js';
import { ObservationSetCorrection } from './observation-set-correction.entity.js';
import { ObservationScheduleRow } from './observation-schedule.entity.js';
import { Spo2Scale2Target } from './spo2-scale2-target.entity.js';
import { currentSpo2Scale2Target, toSpo2Scale2TargetResponse } from './spo2-scale2-target.js';
import type { Spo2Scale2TargetResponse } from './dto/spo2-scale2-target.request.js';
import { ContextHints } from './context-hints.js';
import {
  infusionHalted,
  insertObservationSetWithAudit,
  observationContext,
  RECORDABLE_STATUSES,
  type NewObservationSet,
  type ObservationContext,
} from './observations.queries.js';

export interface RecordResult {
  set: ObservationSetResponse;
  /** True when an earlier request with the same Idempotency-Key already stored this set. */
  replayed: boolean;
}

/** A remembered context may be stale, then the one the insert returned can be too (a busy admission). */
const RECORD_ATTEMPTS = 3;

@Injectable()
export class ObservationsService {
  private readonly contextHints = new ContextHints();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores a set with its server-computed NEWS2 and flags. With an Idempotency-Key, a retry of the same
   * body returns the first result and stores nothing; the same key with another body is refused.
   * Usually one statement: the flags are computed from the context remembered for the admission, and the
   * insert stores the set only if that context is still the database's (see ContextHints). With a
   * `deferredSession`, the session is checked by that statement too; any other answer (a refusal, a
   * replay, not found) waits for the guard's full check first, so a session that has ended learns nothing.
   */
  async record(
    actor: Actor,
    admissionId: string,
    input: CreateObservationSetRequest,
    idempotencyKey: string | null,
    deferredSession: DeferredSessionCheck | null = null,
  ): Promise<RecordResult> {
    let sessionToCheck = deferredSession;
    const confirmSession = async () => {
      await sessionToCheck?.confirm();
      sessionToCheck = null;
    };
    // The same body gives the same fingerprint whatever its key order, so a retry is recognised.
    const fingerprint = createHash('sha256').update(stableJson(input)!).digest('hex');
    const manager = this.dataSource.manager;
    const takenAt = input.takenAt ? new Date(input.takenAt) : new Date();
    // What the body itself says is wrong is refused before anything is read or stored.
    const news2 = scoreNews2({ ...input, spo2Scale: input.spo2Scale ?? 1 });
    const inputRefusal = setRefusal(input, news2);
    if (inputRefusal) {
      await confirmSession();
      throw inputRefusal;
    }
    // A retry may come after the admission closed, or race its twin: the first result still stands.
    const replayOr = async (error: Error): Promise<RecordResult> => {
      await confirmSession();
      const earlier = idempotencyKey ? await this.findByKey(manager, admissionId, idempotencyKey) : null;
      if (earlier) return this.replay(earlier, fingerprint);
      throw error;
    };
    let context = this.contextHints.get(admissionId) ?? null;
    for (let attempt = 1; attempt <= RECORD_ATTEMPTS; attempt += 1) {
      if (context === null || recordRefusal(context, takenAt, input)) {
        await confirmSession();
        context = await observationContext(manager, admissionId, takenAt);
        if (!context) return replayOr(new NotFound('The admission'));
        const refusal = recordRefusal(context, takenAt, input);
        if (refusal) return replayOr(refusal);
      }
      const set = newObservationSet(admissionId, takenAt, input, news2, context, actor.id, {
        idempotencyKey,
        requestFingerprint: fingerprint,
      });
      const outcome = await insertObservationSetWithAudit(
        manager,
        set,
        context,
        {
          actor,
          action: 'observation-set.created',
          change: {
            before: null,
            after: { ...input, news2Total: set.news2Total, flags: set.flags },
          },
        },
        sessionToCheck,
      );
      if (outcome.kind === 'session-unusable') {
        await confirmSession(); // throws the guard's answer; if the session is usable after all, go again
        continue;
      }
      if (outcome.kind === 'no-admission') {
        await confirmSession();
        throw new NotFound('The admission');
      }
      this.contextHints.remember(admissionId, outcome.context);
      if (outcome.kind === 'inserted') {
        const stored: ObservationSet = { ...set, id: outcome.id, recordedAt: outcome.recordedAt };
        return { set: toObservationSetResponse(stored, null, actor.displayName), replayed: false };
      }
      if (outcome.kind === 'key-taken') {
        return replayOr(
          new DomainError('conflict', 'This Idempotency-Key is being used by another request.'),
        );
      }
      context = outcome.context; // changed since it was remembered: compute the flags again
    }
    throw new DomainError(
      'conflict',
      'The admission kept changing while the set was being saved. Nothing was stored: save it again.',
    );
  }

  async list(admissionId: string): Promise<ObservationSetResponse[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Admission, { id: admissionId }))) throw new NotFound('The admission');
    const sets = await manager.find(ObservationSet, {
      where: { admissionId },
      order: { takenAt: 'DESC', recordedAt: 'DESC' },
    });
    const corrections = sets.length
      ? await manager.findBy(ObservationSetCorrection, { setId: In(sets.map((set) => set.id)) })
      : [];
    const correctionOf = new Map(corrections.map((correction) => [correction.setId, correction]));
    const names = await this.namesOf(sets.map((set) => set.recordedBy));
    return sets.map((set) =>
      toObservationSetResponse(set, correctionOf.get(set.id) ?? null, names.get(set.recordedBy) ?? ''),
    );
  }

  async markInError(actor: Actor, setId: string, reason: string): Promise<ObservationSetResponse> {
    return this.dataSource.transaction(async (manager) => {
      const set = await manager.findOneBy(ObservationSet, { id: setId });
      if (!set) throw new NotFound('The observation set');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ObservationSetCorrection)
        .values({ setId, reason: reason.trim(), markedBy: actor.id })
        .orIgnore()
        .returning('set_id')
        .execute();
      if (inserted.raw.length === 0) {
        throw new DomainError('conflict', 'This observation set is already marked entered in error.');
      }
      await this.audit.record(manager, {
        actor,
        action: 'observation-set.entered-in-error',
        entityType: 'observation-set',
        entityId: setId,
        admissionId: set.admissionId,
        change: { before: { enteredInError: false }, after: { enteredInError: true, reason } },
      });
      const names = await this.namesOf([set.recordedBy], manager);
      const correction = await manager.findOneByOrFail(ObservationSetCorrection, { setId });
      return toObservationSetResponse(set, correction, names.get(set.recordedBy) ?? '');
    });
  }

  async setSchedule(
    actor: Actor,
    admissionId: string,
    input: ObservationScheduleRequest,
  ): Promise<ObservationScheduleRow> {
    if (input.intensifiedMinutes > input.routineMinutes) {
      throw new ValidationFailed([
        {
          field: 'intensifiedMinutes',
          messages: ['intensifiedMinutes must not be longer than routineMinutes'],
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Admission, { id: admissionId }))) throw new NotFound('The admission');
      const saved = await manager.save(
        manager.create(ObservationScheduleRow, { admissionId, ...input, setBy: actor.id }),
      );
      const row = await manager.findOneByOrFail(ObservationScheduleRow, { id: saved.id });
      await this.audit.record(manager, {
        actor,
        action: 'observation-schedule.set',
        entityType: 'observation-schedule',
        entityId: row.id,
        admissionId,
        change: { before: null, after: { ...input } },
      });
      return row;
    });
  }

  /** Documents (or, with null, withdraws) the SpO2 scale 2 target: a new row, audited. */
  async setSpo2Scale2Target(
    actor: Actor,
    admissionId: string,
    target: string | null,
  ): Promise<Spo2Scale2TargetResponse | null> {
    return this.dataSource.transaction(async (manager) => {
      const admission = await manager.findOneBy(Admission, { id: admissionId });
      if (!admission) throw new NotFound('The admission');
      if (!OPEN_STATUSES.includes(admission.status)) {
        throw new DomainError(
          'illegal-transition',
          `Cannot document an SpO2 target for an admission that is ${admission.status}.`,
        );
      }
      const before = await currentSpo2Scale2Target(manager, admissionId);
      const saved = await manager.save(
        manager.create(Spo2Scale2Target, { admissionId, target: target?.trim() || null, setBy: actor.id }),
      );
      const row = await manager.findOneByOrFail(Spo2Scale2Target, { id: saved.id });
      await this.audit.record(manager, {
        actor,
        action: 'spo2-scale2-target.set',
        entityType: 'spo2-scale2-target',
        entityId: row.id,
        admissionId,
        change: { before: { target: before?.target ?? null }, after: { target: row.target } },
      });
      return toSpo2Scale2TargetResponse(row);
    });
  }

  private findByKey(manager: EntityManager, admissionId: string, idempotencyKey: string) {
    return manager.findOneBy(ObservationSet, { admissionId, idempotencyKey });
  }

  private async replay(earlier: ObservationSet, fingerprint: string): Promise<RecordResult> {
    if (earlier.requestFingerprint !== fingerprint) {
      throw new DomainError(
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different observation set.',
      );
    }
    const correction = await this.dataSource.manager.findOneBy(ObservationSetCorrection, {
      setId: earlier.id,
    });
    const names = await this.namesOf([earlier.recordedBy]);
    return {
      set: toObservationSetResponse(earlier, correction, names.get(earlier.recordedBy) ?? ''),
      replayed: true,
    };
  }

  private async namesOf(userIds: string[], manager = this.dataSource.manager): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const users = await manager.find(User, {
      where: { id: In([...new Set(userIds)]) },
      select: { id: true, displayName: true },
    });
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

/** The items a set records; spo2Scale, oxygenDevice, comment, reasons and times alone record nothing. */
const RECORDED_ITEMS = [
  'respirationRate',
  'spo2',
  'supplementalOxygen',
  'systolicBp',
  'diastolicBp',
  'pulse',
  'consciousness',
  'temperatureC',
  'sedation',
  'painScore',
  'pumpRate',
] as const;

/** Side effects as stored: null when not assessed ({} asserts nothing either). */
function assessedSideEffects(input: CreateObservationSetRequest): ObservationSet['sideEffects'] {
  const graded = Object.entries(input.sideEffects ?? {}).filter(([, grade]) => grade !== undefined);
  return graded.length > 0 ? (Object.fromEntries(graded) as ObservationSet['sideEffects']) : null;
}

/**
 * What is wrong with the set itself, whatever the admission (issue 12): no item recorded; an
 * incomplete NEWS2 without a reason (or a reason for a complete one); an extreme reading not confirmed.
 */
function setRefusal(
  input: CreateObservationSetRequest,
  news2: News2Result,
): ObservationSetRuleViolated | null {
  const recordsSomething =
    RECORDED_ITEMS.some((item) => input[item] !== undefined && input[item] !== null) ||
    assessedSideEffects(input) !== null;
  if (!recordsSomething) {
    return new ObservationSetRuleViolated([
      { field: 'set', messages: ['An observation set must record at least one observation.'] },
    ]);
  }
  const errors: { field: string; messages: string[] }[] = [];
  if (!news2.complete && !input.partialReason) {
    errors.push({
      field: 'partialReason',
      messages: [
        `The set has no complete NEWS2 (missing: ${news2.missing.join(', ')}): give the reason (asleep, refused, unable, equipment-unavailable or other).`,
      ],
    });
  }
  if (news2.complete && input.partialReason) {
    errors.push({ field: 'partialReason', messages: ['A set with a complete NEWS2 has no partial reason.'] });
  }
  if (input.partialReasonText !== undefined && !input.partialReasonText.trim()) {
    errors.push({ field: 'partialReasonText', messages: ['partialReasonText must not be blank'] });
  } else if (input.partialReason === 'other' && !input.partialReasonText) {
    errors.push({ field: 'partialReasonText', messages: ['Say what the other reason is.'] });
  } else if (input.partialReasonText && !input.partialReason) {
    errors.push({ field: 'partialReasonText', messages: ['partialReasonText goes with a partialReason.'] });
  }
  const extreme = implausibleReadings(input);
  const confirmed = input.confirmedReadings ?? [];
  for (const reading of extreme) {
    if (!confirmed.includes(reading)) {
      const range = PLAUSIBLE_RANGES[reading];
      errors.push({
        field: reading,
        messages: [
          `${describeReading(reading, input[reading]!)} is outside ${range.min}-${range.max} ${range.unit}: confirm it (confirmedReadings) or correct it.`,
        ],
      });
    }
  }
  for (const reading of confirmed) {
    if (!extreme.includes(reading)) {
      errors.push({
        field: 'confirmedReadings',
        messages: [`${reading} is not a reading outside its plausible range in this set.`],
      });
    }
  }
  return errors.length > 0 ? new ObservationSetRuleViolated(errors) : null;
}

/** Why a set cannot be recorded for this admission at this time, or null when it can. */
function recordRefusal(
  context: ObservationContext,
  takenAt: Date,
  input: CreateObservationSetRequest,
): Error | null {
  if (!RECORDABLE_STATUSES.includes(context.status)) {
    return new DomainError(
      'illegal-transition',
      `Cannot record observations for an admission that is ${context.status}.`,
    );
  }
  if (input.spo2Scale === 2 && context.spo2Scale2Target === null) {
    return new ObservationSetRuleViolated([
      {
        field: 'spo2Scale',
        messages: ['SpO2 scale 2 needs a target documented by the prescriber on the admission.'],
      },
    ]);
  }
  try {
    checkClinicalTime('takenAt', takenAt, context.admittedAt);
    return null;
  } catch (error) {
    return error as Error;
  }
}

/** The row to store: the set as entered, with the NEWS2 and flags computed from it and its context. */
function newObservationSet(
  admissionId: string,
  takenAt: Date,
  input: CreateObservationSetRequest,
  news2: News2Result,
  context: ObservationContext,
  recordedBy: string,
  request: Pick<NewObservationSet, 'idempotencyKey' | 'requestFingerprint'>,
): NewObservationSet {
  const sideEffects = assessedSideEffects(input);
  const flags = observationFlags({
    news2,
    sedation: input.sedation,
    sideEffects,
    pumpRate: input.pumpRate,
    currentOrderRate: context.orderRate,
    infusionHalted: infusionHalted(context),
  });
  return {
    admissionId,
    takenAt,
    respirationRate: input.respirationRate ?? null,
    spo2: input.spo2 ?? null,
    spo2Scale: input.spo2Scale ?? 1,
    supplementalOxygen: input.supplementalOxygen ?? null,
    oxygenDevice: input.oxygenDevice?.trim() || null,
    systolicBp: input.systolicBp ?? null,
    diastolicBp: input.diastolicBp ?? null,
    pulse: input.pulse ?? null,
    consciousness: input.consciousness ?? null,
    temperatureC: input.temperatureC === undefined ? null : String(input.temperatureC),
    sedation: input.sedation ?? null,
    painScore: input.painScore ?? null,
    sideEffects,
    pumpRateValue: input.pumpRate ? String(input.pumpRate.value) : null,
    pumpRateUnit: input.pumpRate?.unit ?? null,
    comment: input.comment?.trim() || null,
    partialReason: input.partialReason ?? null,
    partialReasonText: input.partialReasonText?.trim() || null,
    confirmedReadings: input.confirmedReadings ?? [],
    news2,
    news2Total: news2.total,
    news2Response: news2.response,
    flags,
    recordedBy,
    ...request,
  };
}
