import type { EntityManager } from 'typeorm';
import {
  addDays,
  followUpLabel,
  followUpStatus,
  type AttemptResult,
  type Drug,
  type Indication,
} from '@infusion-tracker/clinical';
import type { DeferredSessionCheck } from '../auth/deferred-session-check.js';
import { sessionCheckCtes, sessionCheckValues } from '../auth/session-check-sql.js';
import { preparedQuery } from '../database/prepared-query.js';
import { isoInstant } from '../database/sql-instants.js';
import type { PhoneNumber, PreferredContactMethod } from '../patients/patient.entity.js';
import type { WorklistShow } from './dto/follow-up.requests.js';
import { type Actor, auditAuthor } from '../audit/audit-trail.service.js';
import {
  linkStateColumns,
  linkStateOf,
  OPENED_LINK_HOURS,
  type LinkStateRow,
} from '../patient-links/patient-link-state.js';
import {
  WORKLIST_SECTIONS,
  type WorklistItem,
  type WorklistResponse,
  type WorklistSection,
} from './dto/follow-up.response.js';

/** Upcoming follow-ups show when their window opens within this many days. */
export const UPCOMING_DAYS = 7;

interface WorklistRow extends LinkStateRow {
  /** Null only in the one row of a list that shows nothing (it still carries upcoming_admissions). */
  id: string | null;
  upcoming_admissions: number;
  /** False when the session the guard left to the statement is no longer usable: nothing was audited. */
  session_usable: boolean;
  admission_id: string;
  weeks: number | null;
  due_on: string;
  window_start: string;
  window_end: string;
  failed_attempts: number;
  failed_attempt_limit: number;
  attempt_count: number;
  last_attempt_at: string | null;
  last_attempt_result: AttemptResult | null;
  ward: string;
  indication: Indication;
  indication_other: string | null;
  drug: Drug;
  drug_other: string | null;
  admitted_at: string;
  discharged_at: string;
  clinician_id: string;
  clinician_name: string;
  patient_id: string;
  mrn: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  phone_numbers: PhoneNumber[];
  preferred_contact_method: PreferredContactMethod | null;
}

/**
 * One statement, so that a read of the worklist costs one round trip and one commit after the session
 * check: the open follow-ups whose window opens within the week and the missed ones whose window is
 * still open, found first (materialised) through the two expression indexes of
 * AddFollowUpWorklistIndexes, whose statistics estimate them as the hundred or so they are, not the
 * thousands the whole table suggests; then, for those alone, their attempts, which say whether each is
 * upcoming; for those the list shows (show=to-do leaves out the admissions whose follow-ups are all
 * upcoming, only counting them), the latest patient link, admission, patient and clinician; and the audit
 * row of the read (who, which filter, how many admissions), written by the same statement so that it
 * exists exactly when the list was read.
 * Follow-ups of an admission whose follow-up ended are left out.
 *
 * Instants come as the text the response carries: on a 10-year history the list is a hundred-odd
 * rows of thirty columns, and parsing their instants into Date objects and back cost a good part of its
 * Node CPU. Statuses are followUpStatus's (libs/clinical), the one place that rule is written.
 */
const WORKLIST_SQL = `
  WITH ${sessionCheckCtes({
    tokenHash: '$13::text',
    userId: '$7::uuid',
    roles: '$14::text[]',
    idleMinutes: '$15::int',
    touchSeconds: '$16::int',
  })}, open_follow_ups AS MATERIALIZED (
    SELECT f.* FROM follow_ups f
     WHERE (CASE WHEN f.settled IS NULL THEN f.window_start END) <= $2::date
        OR (CASE WHEN f.settled = 'missed' THEN f.window_end END) >= $1::date
  ),
  candidates AS (
  SELECT f.id, f.admission_id, f.weeks, f.due_on, f.window_start, f.window_end, f.failed_attempt_limit,
         coalesce(att.failed_attempts, 0)::int AS failed_attempts,
         coalesce(att.attempt_count, 0)::int AS attempt_count, att.last_attempt_at, att.last_attempt_result,
         -- Not upcoming, as followUpStatus decides for a follow-up neither cancelled nor done.
         (coalesce(att.failed_attempts, 0) >= f.failed_attempt_limit OR f.window_start <= $1::date) AS to_do
    FROM open_follow_ups f
    LEFT JOIN LATERAL (
      SELECT count(*) AS attempt_count,
             count(*) FILTER (WHERE t.result <> 'reached') AS failed_attempts,
             max(t.at) AS last_attempt_at,
             (array_agg(t.result ORDER BY t.at DESC, t.recorded_at DESC))[1] AS last_attempt_result
        FROM follow_up_attempts t WHERE t.follow_up_id = f.id
    ) att ON true
   -- Without a filter (the usual list) the planner drops the admissions lookup altogether.
   WHERE ($3::text IS NULL AND $4::text IS NULL AND $5::uuid IS NULL OR EXISTS (
       SELECT 1 FROM admissions a WHERE a.id = f.admission_id
          AND ($3::text IS NULL OR a.ward = $3)
          AND ($4::text IS NULL OR a.indication = $4)
          AND ($5::uuid IS NULL OR a.admitting_prescriber_id = $5)))
     AND NOT EXISTS (
       SELECT 1 FROM follow_up_terminal_events e WHERE e.admission_id = f.admission_id AND e.entered_in_error_at IS NULL)
  ),
  by_admission AS (
    SELECT candidates.*, bool_or(to_do) OVER (PARTITION BY admission_id) AS admission_to_do FROM candidates
  ),
  -- What the list shows, with the patient, the stay and the latest link of only those.
  shown AS (
  SELECT f.id, f.admission_id, f.weeks, f.due_on::text, f.window_start::text, f.window_end::text,
         f.failed_attempts, f.failed_attempt_limit, f.attempt_count,
         ${isoInstant('f.last_attempt_at')} AS last_attempt_at, f.last_attempt_result,
         a.ward, a.indication, a.indication_other, a.drug, a.drug_other,
         ${isoInstant('a.admitted_at')} AS admitted_at, ${isoInstant('a.discharged_at')} AS discharged_at,
         a.admitting_prescriber_id AS clinician_id, u.display_name AS clinician_name,
         p.id AS patient_id, p.mrn, p.family_name, p.given_name, p.date_of_birth::text,
         p.phone_numbers, p.preferred_contact_method,
         link.link_id, link.link_first_opened_at, link.link_revoked_at, link.link_submitted_at,
         link.link_expires_at, link.link_expired, link.link_response_id, link.link_review
    FROM by_admission f
    JOIN admissions a ON a.id = f.admission_id
    JOIN patients p ON p.id = a.patient_id
    JOIN users u ON u.id = a.admitting_prescriber_id
    LEFT JOIN LATERAL (
      SELECT ${linkStateColumns('$6::int')}
        FROM patient_links link
        LEFT JOIN patient_responses response ON response.patient_link_id = link.id
       WHERE link.follow_up_id = f.id
       ORDER BY link.issued_at DESC, link.id DESC LIMIT 1
    ) link ON true
   WHERE $12::text = 'all' OR f.admission_to_do
  ),
  audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, request_id, client_address, change)
    SELECT $7::uuid, $8, 'follow-up-worklist.viewed', 'follow-up-worklist', $9, $10,
           jsonb_build_object('filter', $11::jsonb, 'admissions', (SELECT count(DISTINCT admission_id) FROM shown))
    WHERE (SELECT usable FROM session)
  )
  SELECT shown.*, counted.upcoming_admissions, counted.session_usable
  FROM (
    SELECT count(DISTINCT admission_id) FILTER (WHERE NOT admission_to_do)::int AS upcoming_admissions,
           (SELECT usable FROM session) AS session_usable
    FROM by_admission
  ) counted
  LEFT JOIN shown ON counted.session_usable`;

/** ISO dates (YYYY-MM-DD) in calendar order. */
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The worklist (ADR 4): one entry per admission, in its most urgent section; overdue most overdue
 * first, due and missed by the end of their window, upcoming by the start of theirs. With a deferred
 * `session` check (ADR 10), the statement checks the session too; when it is no longer usable, the
 * guard's full check answers instead.
 */
export async function worklist(
  manager: EntityManager,
  actor: Actor,
  today: string,
  query: { show?: WorklistShow; ward?: string; indication?: string; clinicianId?: string },
  session: DeferredSessionCheck | null,
): Promise<WorklistResponse> {
  const { show = 'all', ...filter } = query;
  const author = auditAuthor({ actor });
  const rows = await preparedQuery<WorklistRow>(manager, 'follow-up-worklist', WORKLIST_SQL, [
    today,
    addDays(today, UPCOMING_DAYS),
    filter.ward ?? null,
    filter.indication ?? null,
    filter.clinicianId ?? null,
    OPENED_LINK_HOURS,
    author.userId,
    author.userDisplayName,
    author.requestId,
    author.clientAddress,
    JSON.stringify({ ...filter, ...(show === 'all' ? {} : { show }) }),
    show,
    ...sessionCheckValues(session),
  ]);
  if (session && !rows[0]!.session_usable) {
    await session.confirm(); // throws the guard's answer; if the session is usable after all, read again
    return worklist(manager, actor, today, query, null);
  }
  const byAdmission = new Map<string, { item: WorklistItem; urgency: number; key: string }>();
  for (const row of rows) {
    if (row.id === null) continue;
    // Listed follow-ups are neither cancelled nor done: upcoming, due, overdue or missed, as the sections.
    const status = followUpStatus(
      {
        cancelled: false,
        hasCurrentOutcome: false,
        failedAttempts: row.failed_attempts,
        windowStart: row.window_start,
        windowEnd: row.window_end,
      },
      today,
      row.failed_attempt_limit,
    ) as WorklistSection;
    const urgency = WORKLIST_SECTIONS.indexOf(status);
    // The date that orders the follow-up within its section.
    const key = status === 'upcoming' ? row.window_start : row.window_end;
    const followUp = {
      id: row.id,
      label: followUpLabel(row.weeks),
      weeks: row.weeks,
      dueOn: row.due_on,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      status,
      attemptCount: row.attempt_count,
      lastAttemptAt: row.last_attempt_at,
      lastAttemptResult: row.last_attempt_result,
      patientLink: linkStateOf(row), // patient-reported follow-ups (issue 13)
    };
    const entry = byAdmission.get(row.admission_id);
    if (entry) {
      entry.item.followUps.push(followUp);
      if (urgency < entry.urgency || (urgency === entry.urgency && key < entry.key)) {
        entry.urgency = urgency;
        entry.key = key;
        entry.item.section = status;
      }
      continue;
    }
    byAdmission.set(row.admission_id, {
      urgency,
      key,
      item: {
        section: status,
        patient: {
          id: row.patient_id,
          mrn: row.mrn,
          familyName: row.family_name,
          givenName: row.given_name,
          dateOfBirth: row.date_of_birth,
          contact: {
            phoneNumbers: row.phone_numbers.map((phone) => ({ label: phone.label, number: phone.number })),
            preferredMethod: row.preferred_contact_method,
          },
        },
        admission: {
          id: row.admission_id,
          ward: row.ward,
          indication: row.indication,
          indicationOther: row.indication_other,
          drug: row.drug,
          drugOther: row.drug_other,
          admittedAt: row.admitted_at,
          dischargedAt: row.discharged_at,
          clinician: { id: row.clinician_id, displayName: row.clinician_name },
        },
        followUps: [followUp],
      },
    });
  }
  const entries = [...byAdmission.values()];
  for (const entry of entries) entry.item.followUps.sort((a, b) => byDate(a.dueOn, b.dueOn));
  entries.sort(
    (a, b) =>
      a.urgency - b.urgency ||
      byDate(a.key, b.key) ||
      a.item.patient.familyName.localeCompare(b.item.patient.familyName) ||
      a.item.admission.id.localeCompare(b.item.admission.id),
  );
  return {
    today,
    items: entries.map((entry) => entry.item),
    upcomingAdmissions: rows[0]!.upcoming_admissions,
  };
}
