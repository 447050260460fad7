import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Admission } from '../admissions/admission.entity.js';
import { lockAdmission, transition } from '../admissions/admission-lock.js';
import { currentOrderOf, loadOrders, toAdmissionResponse } from '../admissions/admission-record.js';
import type { AdmissionResponse } from '../admissions/dto/admission.response.js';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import type { Role } from '../auth/roles.js';
import { checkClinicalTime } from '../common/clinical-time.js';
import { DomainError, NotFound, ValidationFailed } from '../common/domain-error.js';
import type { CreateInfusionEventRequest } from './dto/infusion-event.request.js';
import type { CreateInfusionOrderRequest } from './dto/infusion-order.request.js';
import { InfusionEvent } from './infusion-event.entity.js';
import { InfusionOrderCorrection } from './infusion-order-correction.entity.js';
import { InfusionOrder } from './infusion-order.entity.js';
import { compareWithMaximum, type MaximumRateCheck } from './maximum-rate-check.js';

export interface OrderResult {
  admission: AdmissionResponse;
  orderId: string;
  maximumRateCheck: MaximumRateCheck;
}

const CLOSED = ['discharged', 'cancelled'];

/** The prescriber's record: orders exactly as written and infusion events. No dosing logic here. */
@Injectable()
export class InfusionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async createOrder(
    actor: Actor,
    admissionId: string,
    input: CreateInfusionOrderRequest,
  ): Promise<OrderResult> {
    return this.dataSource.transaction(async (manager) => {
      const admission = await lockAdmission(manager, admissionId, input.version);
      if (CLOSED.includes(admission.status)) {
        throw new DomainError(
          'illegal-transition',
          `Cannot write an order for an admission that is ${admission.status}.`,
        );
      }
      const effectiveFrom = new Date(input.effectiveFrom);
      checkClinicalTime('effectiveFrom', effectiveFrom, admission.admittedAt);
      if (compareWithMaximum(input.rate, input.maxRate ?? null) === 'above') {
        throw new ValidationFailed([
          { field: 'rate.value', messages: ['rate is above the maximum rate given in the same order'] },
        ]);
      }
      const current = currentOrderOf((await loadOrders(manager, [admissionId])).get(admissionId) ?? []);
      const check = compareWithMaximum(input.rate, current?.maxRate ?? null);
      if (check === 'above' && !input.overMaxReason) {
        throw new DomainError(
          'above-maximum-rate',
          `${input.rate.value} ${input.rate.unit} is above the maximum of ${current!.maxRate!.value} ${current!.maxRate!.unit} in the current order. Give overMaxReason to record it anyway.`,
          { maximumRate: current!.maxRate },
        );
      }
      const order = await manager.save(
        manager.create(InfusionOrder, {
          admissionId,
          drug: input.drug.trim(),
          route: input.route,
          concentrationValue: String(input.concentration.value),
          concentrationUnit: input.concentration.unit.trim(),
          rateValue: String(input.rate.value),
          rateUnit: input.rate.unit,
          maxRateValue: input.maxRate ? String(input.maxRate.value) : null,
          maxRateUnit: input.maxRate?.unit ?? null,
          incrementValue: input.increment ? String(input.increment.value) : null,
          incrementUnit: input.increment?.unit ?? null,
          minMinutesBetweenChanges: input.minMinutesBetweenChanges ?? null,
          endPoints: input.endPoints?.trim() || null,
          effectiveFrom,
          reason: input.reason.trim(),
          note: input.note?.trim() || null,
          overMaxReason: check === 'above' ? input.overMaxReason!.trim() : null,
          enteredBy: actor.id,
        }),
      );
      await this.bumpVersion(manager, admissionId); // the current order changed
      await this.audit.record(manager, {
        actor,
        action: 'infusion-order.created',
        entityType: 'infusion-order',
        entityId: order.id,
        admissionId,
        change: {
          before: current ? { orderId: current.id, rate: current.rate } : null,
          after: { ...input, maximumRateCheck: check },
        },
      });
      return {
        admission: await this.reload(manager, admissionId),
        orderId: order.id,
        maximumRateCheck: check,
      };
    });
  }

  /** The wrong order stays in the history, marked; the previous valid order becomes current again. */
  async markOrderInError(
    actor: Actor,
    orderId: string,
    input: { version: number; reason: string },
  ): Promise<AdmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.findOneBy(InfusionOrder, { id: orderId });
      if (!order) throw new NotFound('The infusion order');
      await lockAdmission(manager, order.admissionId, input.version);
      if (await manager.existsBy(InfusionOrderCorrection, { orderId })) {
        throw new DomainError('conflict', 'This order is already marked entered in error.');
      }
      await manager.insert(InfusionOrderCorrection, {
        orderId,
        reason: input.reason.trim(),
        markedBy: actor.id,
      });
      await this.bumpVersion(manager, order.admissionId);
      await this.audit.record(manager, {
        actor,
        action: 'infusion-order.entered-in-error',
        entityType: 'infusion-order',
        entityId: orderId,
        admissionId: order.admissionId,
        change: { before: { enteredInError: false }, after: { enteredInError: true, reason: input.reason } },
      });
      return this.reload(manager, order.admissionId);
    });
  }

  async recordEvent(
    actor: Actor & { roles: Role[] },
    admissionId: string,
    input: CreateInfusionEventRequest,
  ): Promise<AdmissionResponse> {
    if (input.type !== 'pause' && !actor.roles.includes('prescriber')) {
      throw new DomainError(
        'forbidden',
        `Only a prescriber may ${input.type} an infusion; nurses may pause it.`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const admission = await lockAdmission(manager, admissionId, input.version);
      const before = admission.status;
      const status = transition(admission, input.type);
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
      checkClinicalTime('occurredAt', occurredAt, admission.admittedAt);
      if (
        input.type === 'start' &&
        !currentOrderOf((await loadOrders(manager, [admissionId])).get(admissionId) ?? [])
      ) {
        throw new DomainError('illegal-transition', 'Write an infusion order before starting the infusion.');
      }
      const event = await manager.save(
        manager.create(InfusionEvent, {
          admissionId,
          type: input.type,
          occurredAt,
          reason: input.reason?.trim() ?? null,
          recordedBy: actor.id,
        }),
      );
      admission.status = status;
      admission.statusChangedAt = new Date();
      await manager.save(admission);
      await this.audit.record(manager, {
        actor,
        action: `infusion.${input.type}`,
        entityType: 'infusion-event',
        entityId: event.id,
        admissionId,
        change: {
          before: { status: before },
          after: { status, occurredAt: occurredAt.toISOString(), reason: input.reason ?? null },
        },
      });
      return this.reload(manager, admissionId);
    });
  }

  private async bumpVersion(manager: EntityManager, admissionId: string): Promise<void> {
    await manager.query('UPDATE admissions SET version = version + 1 WHERE id = $1', [admissionId]);
  }

  private async reload(manager: EntityManager, admissionId: string): Promise<AdmissionResponse> {
    return toAdmissionResponse(manager, await manager.findOneByOrFail(Admission, { id: admissionId }));
  }
}
