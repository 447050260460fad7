import { EnableExtensions1764061200000 } from './1764061200000-enable-extensions.js';
import { AddUsersSessionsAndAuditTrail1764064800000 } from './1764064800000-add-users-sessions-and-audit-trail.js';
import { AddPatientsAdmissionsAndInfusionRecord1764068400000 } from './1764068400000-add-patients-admissions-and-infusion-record.js';
import { AddObservationSetsAndSchedules1764072000000 } from './1764072000000-add-observation-sets-and-schedules.js';
// Follow-ups after discharge (issue 9)
import { AddFollowUps1764100000000 } from './1764100000000-add-follow-ups.js';
// Patient-reported follow-ups (issue 13)
import { AddPatientLinks1764500000000 } from './1764500000000-add-patient-links.js';
// Bedside safety: partial sets, confirmed extremes, SpO2 scale 2 targets (issue 12)
import { AddPartialSetsAndConfirmations1764600000000 } from './1764600000000-add-partial-sets-and-confirmations.js';
// Correcting a terminal event of follow-ups (issue 9)
import { AddFollowUpReopening1764950000000 } from './1764950000000-add-follow-up-reopening.js';
// Time-ordered observation set ids (issue 14)
import { AddTimeOrderedObservationSetIds1765000000000 } from './1765000000000-add-time-ordered-observation-set-ids.js';
// The follow-up worklist's indexes, with statistics (issue 9)
import { AddFollowUpWorklistIndexes1765100000000 } from './1765100000000-add-follow-up-worklist-indexes.js';
// The service report's stay summaries (issue 11, ADR 9)
import { AddStaySummaries1765210000000 } from './1765210000000-add-stay-summaries.js';
// The analysis data set's batches in discharge order (issue 11)
import { AddDischargedAdmissionsIndex1765220000000 } from './1765220000000-add-discharged-admissions-index.js';
// The outcome report's answers kept while their admissions are unchanged (issue 11, ADR 9)
import { AddOutcomeReportGenerations1765230000000 } from './1765230000000-add-outcome-report-generations.js';
// The timeline's answers kept while their stay is unchanged (issue 10, ADR 11)
import { AddTimelineVersions1765300000000 } from './1765300000000-add-timeline-versions.js';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const migrations = [
  EnableExtensions1764061200000,
  AddUsersSessionsAndAuditTrail1764064800000,
  AddPatientsAdmissionsAndInfusionRecord1764068400000,
  AddObservationSetsAndSchedules1764072000000,
  // Follow-ups after discharge (issue 9)
  AddFollowUps1764100000000,
  // Patient-reported follow-ups (issue 13)
  AddPatientLinks1764500000000,
  // Bedside safety: partial sets, confirmed extremes, SpO2 scale 2 targets (issue 12)
  AddPartialSetsAndConfirmations1764600000000,
  // Correcting a terminal event of follow-ups (issue 9)
  AddFollowUpReopening1764950000000,
  // Time-ordered observation set ids (issue 14)
  AddTimeOrderedObservationSetIds1765000000000,
  // The follow-up worklist's indexes, with statistics (issue 9)
  AddFollowUpWorklistIndexes1765100000000,
  // The service report's stay summaries (issue 11, ADR 9)
  AddStaySummaries1765210000000,
  // The analysis data set's batches in discharge order (issue 11)
  AddDischargedAdmissionsIndex1765220000000,
  // The outcome report's answers kept while their admissions are unchanged (issue 11, ADR 9)
  AddOutcomeReportGenerations1765230000000,
  // The timeline's answers kept while their stay is unchanged (issue 10, ADR 11)
  AddTimelineVersions1765300000000,
];
