import type { EntityManager } from 'typeorm';
import { DomainError, NotFound } from '../common/domain-error.js';
import { Admission } from './admission.entity.js';
import type { AdmissionCommand } from './admission-transitions.js';
import { allowedFrom, nextStatus } from './admission-transitions.js';
import { toAdmissionResponse } from './admission-record.js';
import type { AdmissionStatus } from './admission-status.js';

/**
 * Locks the admission for one command and checks the version the caller saw: two prescribers changing
 * the same admission never silently overwrite each other. A stale write gets 409 with the current state.
 */
export async function lockAdmission(manager: EntityManager, id: string, version: number): Promise<Admission> {
  const admission = await manager.findOne(Admission, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!admission) throw new NotFound('The admission');
  if (admission.version !== version) {
    throw new DomainError(
      'stale-version',
      `The admission changed since you loaded it (your version ${version}, now ${admission.version}). Review the current state and try again.`,
      { current: await toAdmissionResponse(manager, admission) },
    );
  }
  return admission;
}

export function transition(admission: Admission, command: AdmissionCommand): AdmissionStatus {
  const next = nextStatus(admission.status, command);
  if (!next) {
    throw new DomainError(
      'illegal-transition',
      `Cannot ${command} an admission that is ${admission.status}; ${command} is possible only when it is ${allowedFrom(command).join(' or ')}.`,
    );
  }
  return next;
}
