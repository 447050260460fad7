import { Inject, Injectable } from '@nestjs/common';
import { PGIC_WORDING_ID } from '@infusion-tracker/clinical';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { createScheduledFollowUps } from '../follow-ups/follow-up-creation.js';
import { DataSource, In, Not } from 'typeorm';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { checkClinicalTime } from '../common/clinical-time.js';
import { DomainError, NotFound, ValidationFailed } from '../common/domain-error.js';
import { Patient } from '../patients/patient.entity.js';
import { Admission } from './admission.entity.js';
import { lockAdmission, transition } from './admission-lock.js';
import { toAdmissionResponse, toAdmissionSummaries } from './admission-record.js';
import { OPEN_STATUSES, type AdmissionStatus } from './admission-status.js';
import type { CreateAdmissionRequest } from './dto/create-admission.request.js';
import type { UpdateAdmissionRequest } from './dto/update-admission.request.js';
import type { AdmissionResponse, AdmissionSummaryResponse } from './dto/admission.response.js';

@Injectable()
export class AdmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async admit(actor: Actor, input: CreateAdmissionRequest): Promise<AdmissionResponse> {
    const admittedAt = input.admittedAt ? new Date(input.admittedAt) : new Date();
    checkClinicalTime('admittedAt', admittedAt, null);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Patient, { id: input.patientId }))) throw new NotFound('The patient');
      // Serialises admissions of one patient; the partial unique index is the last word.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`admit:${input.patientId}`]);
      if (await manager.existsBy(Admission, { patientId: input.patientId, status: In([...OPEN_STATUSES]) })) {
        throw new DomainError(
          'open-admission-exists',
          'This patient already has an open admission; discharge or cancel it first.',
        );
      }
      const now = new Date();
      const admission = await manager.save(
        manager.create(Admission, {
          patientId: input.patientId,
          ward: input.ward.trim(),
          bed: input.bed.trim(),
          indication: input.indication,
          indicationOther: input.indication === 'other' ? input.indicationOther!.trim() : null,
          drug: input.drug ?? 'ketamine',
          drugOther: input.drug === 'other' ? input.drugOther!.trim() : null,
          admittingPrescriberId: actor.id,
          admittedAt,
          plannedDays: input.plannedDays,
          weightKg: input.weightKg === undefined ? null : String(input.weightKg),
          weightMeasuredOn: input.weightMeasuredOn ?? null,
          baselinePain: input.baselinePain,
          baselineBpiInterference:
            input.baselineBpiInterference === undefined ? null : String(input.baselineBpiInterference),
          consentRecordedBy: input.consentObtained ? actor.id : null,
          consentRecordedAt: input.consentObtained ? now : null,
          status: input.planned ? 'planned' : 'admitted',
          statusChangedAt: now,
        }),
      );
      const response = await toAdmissionResponse(manager, admission);
      await this.audit.record(manager, {
        actor,
        action: 'admission.created',
        entityType: 'admission',
        entityId: admission.id,
        admissionId: admission.id,
        change: { before: null, after: { ...input } },
      });
      return response;
    });
  }

  async list(filter: { ward?: string; status?: AdmissionStatus[] }): Promise<AdmissionSummaryResponse[]> {
    const manager = this.dataSource.manager;
    const admissions = await manager.find(Admission, {
      where: {
        ...(filter.ward ? { ward: filter.ward } : {}),
        status: filter.status?.length ? In(filter.status) : Not(In(['discharged', 'cancelled'])),
      },
      order: { ward: 'ASC', bed: 'ASC' },
      take: 200,
    });
    return toAdmissionSummaries(manager, admissions);
  }

  /** Reading a patient's record is itself audited. */
  async get(actor: Actor, id: string): Promise<AdmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const admission = await manager.findOneBy(Admission, { id });
      if (!admission) throw new NotFound('The admission');
      await this.audit.record(manager, {
        actor,
        action: 'admission.viewed',
        entityType: 'admission',
        entityId: id,
        admissionId: id,
      });
      return toAdmissionResponse(manager, admission);
    });
  }

  /** Moves a bed, corrects a weight or the planned length, records consent; audited before/after. */
  async update(actor: Actor, id: string, input: UpdateAdmissionRequest): Promise<AdmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const admission = await lockAdmission(manager, id, input.version);
      if (!OPEN_STATUSES.includes(admission.status)) {
        throw new DomainError(
          'illegal-transition',
          `Cannot change an admission that is ${admission.status}.`,
        );
      }
      const fields = [
        'ward',
        'bed',
        'plannedDays',
        'weightKg',
        'weightMeasuredOn',
        'consentRecordedAt',
      ] as const;
      const before = Object.fromEntries(fields.map((field) => [field, admission[field]]));
      if (input.ward !== undefined) admission.ward = input.ward.trim();
      if (input.bed !== undefined) admission.bed = input.bed.trim();
      if (input.plannedDays !== undefined) admission.plannedDays = input.plannedDays;
      if (input.weightKg !== undefined) {
        admission.weightKg = String(input.weightKg);
        admission.weightMeasuredOn = input.weightMeasuredOn!;
      }
      if (input.consentObtained && !admission.consentRecordedAt) {
        admission.consentRecordedBy = actor.id;
        admission.consentRecordedAt = new Date();
      }
      const saved = await manager.save(admission);
      await this.audit.record(manager, {
        actor,
        action: 'admission.updated',
        entityType: 'admission',
        entityId: id,
        admissionId: id,
        change: { before, after: Object.fromEntries(fields.map((field) => [field, saved[field]])) },
      });
      return toAdmissionResponse(manager, saved);
    });
  }

  /** planned → admitted, discharge, cancel: the commands that are not infusion events. */
  async applyCommand(
    actor: Actor,
    id: string,
    command: 'admit' | 'discharge' | 'cancel',
    input: {
      version: number;
      summary?: string;
      reason?: string;
      at?: string;
      painAtDischarge?: number;
      pgicAtDischarge?: number;
    },
  ): Promise<AdmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const admission = await lockAdmission(manager, id, input.version);
      const before = { status: admission.status };
      const status = transition(admission, command);
      const at = input.at ? new Date(input.at) : new Date();
      if (command === 'discharge') {
        checkClinicalTime('dischargedAt', at, admission.admittedAt);
        if (admission.status === 'admitted' && !input.reason) {
          throw new ValidationFailed([
            { field: 'reason', messages: ['reason is required when the infusion never started'] },
          ]);
        }
        if (admission.status !== 'admitted' && input.painAtDischarge === undefined) {
          throw new ValidationFailed([
            {
              field: 'painAtDischarge',
              messages: ['painAtDischarge is required once the infusion has started'],
            },
          ]);
        }
        admission.dischargedAt = at;
        admission.dischargeSummary = input.summary ?? null;
        admission.painAtDischarge = input.painAtDischarge ?? null;
        admission.pgicAtDischarge = input.pgicAtDischarge ?? null;
        admission.pgicWording = input.pgicAtDischarge === undefined ? null : PGIC_WORDING_ID;
      }
      if (command === 'admit') {
        // The stay starts when the patient arrives, not when it was booked.
        checkClinicalTime('admittedAt', at, null);
        admission.admittedAt = at;
      }
      if (input.reason) admission.closingReason = input.reason;
      admission.status = status;
      admission.statusChangedAt = new Date();
      const infusionStarted = before.status !== 'admitted';
      const saved = await manager.save(admission);
      // Only an infusion that ran has benefit to follow up.
      const followUps =
        command === 'discharge' && infusionStarted
          ? await createScheduledFollowUps(manager, saved, actor.id, this.config.wardTimeZone)
          : [];
      await this.audit.record(manager, {
        actor,
        action: `admission.${command}`,
        entityType: 'admission',
        entityId: id,
        admissionId: id,
        change: {
          before,
          after: {
            status,
            summary: input.summary,
            reason: input.reason,
            at: at.toISOString(),
            ...(command === 'discharge'
              ? {
                  painAtDischarge: admission.painAtDischarge,
                  pgicAtDischarge: admission.pgicAtDischarge,
                  pgicWording: admission.pgicWording,
                  followUps: followUps.map((followUp) => ({ weeks: followUp.weeks, dueOn: followUp.dueOn })),
                }
              : {}),
          },
        },
      });
      return toAdmissionResponse(manager, saved);
    });
  }
}
