import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { observationFlags, scoreNews2 } from '@infusion-tracker/clinical';
import { Admission } from '../admissions/admission.entity.js';
import { User } from '../users/user.entity.js';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { checkClinicalTime } from '../common/clinical-time.js';
import { DomainError, NotFound, ValidationFailed } from '../common/domain-error.js';
import { stableJson } from '../common/stable-json.js';
import type { CreateObservationSetRequest } from './dto/observation-set.request.js';
import { toObservationSetResponse, type ObservationSetResponse } from './dto/observation-set.response.js';
import type { ObservationScheduleRequest } from './dto/observation-schedule.request.js';
import { ObservationSet } from './observation-set.entity.js';
import { ObservationSetCorrection } from './observation-set-correction.entity.js';
import { ObservationScheduleRow } from './observation-schedule.entity.js';
import { ContextHints } from './context-hints.js';
import {
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
   * insert stores the set only if that context is still the database's (see ContextHints).
   */
  async record(
    actor: Actor,
    admissionId: string,
    input: CreateObservationSetRequest,
    idempotencyKey: string | null,
  ): Promise<RecordResult> {
    // The same body gives the same fingerprint whatever its key order, so a retry is recognised.
    const fingerprint = createHash('sha256').update(stableJson(input)!).digest('hex');
    const manager = this.dataSource.manager;
    const takenAt = input.takenAt ? new Date(input.takenAt) : new Date();
    // A retry may come after the admission closed, or race its twin: the first result still stands.
    const replayOr = async (error: Error): Promise<RecordResult> => {
      const earlier = idempotencyKey ? await this.findByKey(manager, admissionId, idempotencyKey) : null;
      if (earlier) return this.replay(earlier, fingerprint);
      throw error;
    };
    let context = this.contextHints.get(admissionId) ?? null;
    for (let attempt = 1; attempt <= RECORD_ATTEMPTS; attempt += 1) {
      if (context === null || recordRefusal(context, takenAt)) {
        context = await observationContext(manager, admissionId, takenAt);
        if (!context) return replayOr(new NotFound('The admission'));
        const refusal = recordRefusal(context, takenAt);
        if (refusal) return replayOr(refusal);
      }
      const set = newObservationSet(admissionId, takenAt, input, context, actor.id, {
        idempotencyKey,
        requestFingerprint: fingerprint,
      });
      const outcome = await insertObservationSetWithAudit(manager, set, context, {
        actor,
        action: 'observation-set.created',
        change: {
          before: null,
          after: { ...input, news2Total: set.news2Total, flags: set.flags },
        },
      });
      if (outcome.kind === 'no-admission') throw new NotFound('The admission');
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

/** Why a set cannot be recorded for this admission at this time, or null when it can. */
function recordRefusal(context: ObservationContext, takenAt: Date): Error | null {
  if (!RECORDABLE_STATUSES.includes(context.status)) {
    return new DomainError(
      'illegal-transition',
      `Cannot record observations for an admission that is ${context.status}.`,
    );
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
  context: ObservationContext,
  recordedBy: string,
  request: Pick<NewObservationSet, 'idempotencyKey' | 'requestFingerprint'>,
): NewObservationSet {
  const news2 = scoreNews2({ ...input, spo2Scale: input.spo2Scale ?? 1 });
  const flags = observationFlags({
    news2,
    sedation: input.sedation,
    sideEffects: input.sideEffects,
    pumpRate: input.pumpRate,
    currentOrderRate: context.orderRate,
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
    sideEffects: { ...input.sideEffects },
    pumpRateValue: input.pumpRate ? String(input.pumpRate.value) : null,
    pumpRateUnit: input.pumpRate?.unit ?? null,
    comment: input.comment?.trim() || null,
    news2,
    news2Total: news2.total,
    news2Response: news2.response,
    flags,
    recordedBy,
    ...request,
  };
}
