import type { EntityManager } from 'typeorm';
import type { Spo2Scale2TargetResponse } from './dto/spo2-scale2-target.request.js';
import { Spo2Scale2Target } from './spo2-scale2-target.entity.js';

/** The newest row for the admission, or null when none was ever set. */
export function currentSpo2Scale2Target(
  manager: EntityManager,
  admissionId: string,
): Promise<Spo2Scale2Target | null> {
  return manager.findOne(Spo2Scale2Target, { where: { admissionId }, order: { setAt: 'DESC' } });
}

/** The target in force, or null when there is none (never set, or withdrawn). */
export function toSpo2Scale2TargetResponse(row: Spo2Scale2Target | null): Spo2Scale2TargetResponse | null {
  return row?.target ? { target: row.target, setBy: row.setBy, setAt: row.setAt.toISOString() } : null;
}
