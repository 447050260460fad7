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
// Follow-ups after discharge (issue 9)
import { FollowUp } from '../follow-ups/follow-up.entity.js';
import { FollowUpAttempt } from '../follow-ups/follow-up-attempt.entity.js';
import { FollowUpOutcome } from '../follow-ups/follow-up-outcome.entity.js';
import { FollowUpCancellation } from '../follow-ups/follow-up-cancellation.entity.js';
import { FollowUpTerminalEvent } from '../follow-ups/follow-up-terminal-event.entity.js';
import { FollowUpScheduleVersion } from '../follow-ups/follow-up-schedule-version.entity.js';
import { InstrumentDefinitionRow } from '../follow-ups/instrument-definition.entity.js';
// Patient-reported follow-ups (issue 13)
import { PatientLink } from '../patient-links/patient-link.entity.js';
import { PatientResponse } from '../patient-links/patient-response.entity.js';
import { PatientLinkRequest } from '../patient-links/patient-link-request.entity.js';
// Bedside safety (issue 12)
import { Spo2Scale2Target } from '../observations/spo2-scale2-target.entity.js';

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
  // Follow-ups after discharge (issue 9)
  FollowUp,
  FollowUpAttempt,
  FollowUpOutcome,
  FollowUpCancellation,
  FollowUpTerminalEvent,
  FollowUpScheduleVersion,
  InstrumentDefinitionRow,
  // Patient-reported follow-ups (issue 13)
  PatientLink,
  PatientResponse,
  PatientLinkRequest,
  // Bedside safety (issue 12)
  Spo2Scale2Target,
];
