import { Admission } from '../admissions/admission.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Session } from '../auth/session.entity.js';
import { SignInAttempt } from '../auth/sign-in-attempt.entity.js';
import { InfusionEvent } from '../infusions/infusion-event.entity.js';
import { InfusionOrderCorrection } from '../infusions/infusion-order-correction.entity.js';
import { InfusionOrder } from '../infusions/infusion-order.entity.js';
import { Patient } from '../patients/patient.entity.js';
import { User } from '../users/user.entity.js';
import { ObservationSet } from '../observations/observation-set.entity.js';
import { ObservationSetCorrection } from '../observations/observation-set-correction.entity.js';
import { ObservationScheduleRow } from '../observations/observation-schedule.entity.js';

/** Every TypeORM entity, listed explicitly (ES modules and glob patterns do not mix well). */
export const entities = [
  User,
  Session,
  SignInAttempt,
  AuditEvent,
  Patient,
  Admission,
  InfusionOrder,
  InfusionOrderCorrection,
  InfusionEvent,
  ObservationSet,
  ObservationSetCorrection,
  ObservationScheduleRow,
];
