import type { EntityManager } from 'typeorm';
import { addDays } from '@infusion-tracker/clinical';
import { preparedQuery } from '../database/prepared-query.js';
import { isoInstant, jsonArrayAgg, jsonObject } from '../database/sql-json.js';
import type { JsonText } from '../common/json-text.js';
import { type Actor, auditAuthor } from '../audit/audit-trail.service.js';
import { linkStateJson, OPENED_LINK_HOURS } from '../patient-links/patient-link-state.js';
import { WORKLIST_SECTIONS, type WorklistResponse } from './dto/follow-up.response.js';

/** Upcoming follow-ups show when their window opens within this many days. */
export const UPCOMING_DAYS = 7;

/** The worklist's sections, most urgent first: an entry's urgency is its section's place here (1-based). */
const URGENCY = `ARRAY[${WORKLIST_SECTIONS.map((section) => `'${section}'`).join(', ')}]`;

interface WorklistRow {
  urgency: number;
  /** The date that orders the entry within its section. */
  sort_on: string;
  family_name: string;
  admission_id: string;
  /** The entry (a WorklistItem) as JSON text. */
  item: string;
}

/**
 * One statement, so that a read of the worklist costs one round trip and one commit after the session
 * check: the open follow-ups whose window opens within the week and the missed ones whose window is
 * still open, found first (materialised) through the two expression indexes of
 * AddFollowUpWorklistIndexes, whose statistics estimate them as the hundred or so they are, not the
 * thousands the whole table suggests; then, for those alone, their attempts, latest patient link and
 * status on today's date ($1), as followUpStatus (libs/clinical) derives it for a follow-up that is
 * neither cancelled nor done; and the audit row of the read (who, which filter, how many admissions),
 * written by the same statement so that it exists exactly when the list was read. Follow-ups of an
 * admission whose follow-up ended are left out.
 *
 * Each admission comes back as one row whose entry PostgreSQL has already written as JSON text, with
 * its follow-ups by due date: the server sends that text as it is instead of parsing some two hundred
 * rows into objects and serialising them again, which was most of a request's time on a 10-year history.
 */
const WORKLIST_SQL = `
  WITH open_follow_ups AS MATERIALIZED (
    SELECT f.* FROM follow_ups f
     WHERE (CASE WHEN f.settled IS NULL THEN f.window_start END) <= $2::date
        OR (CASE WHEN f.settled = 'missed' THEN f.window_end END) >= $1::date
  ),
  listed AS (
  SELECT f.id, f.admission_id, f.weeks, f.due_on, f.window_start, f.window_end,
         coalesce(att.attempt_count, 0)::int AS attempt_count, att.last_attempt_at, att.last_attempt_result,
         link.patient_link, status.status, array_position(${URGENCY}, status.status) AS urgency,
         CASE WHEN status.status = 'upcoming' THEN f.window_start ELSE f.window_end END AS sort_on
    FROM open_follow_ups f
    JOIN admissions a ON a.id = f.admission_id
    LEFT JOIN LATERAL (
      SELECT count(*) AS attempt_count,
             count(*) FILTER (WHERE t.result <> 'reached') AS failed_attempts,
             max(t.at) AS last_attempt_at,
             (array_agg(t.result ORDER BY t.at DESC, t.recorded_at DESC))[1] AS last_attempt_result
        FROM follow_up_attempts t WHERE t.follow_up_id = f.id
    ) att ON true
    LEFT JOIN LATERAL (
      SELECT ${linkStateJson('$6::int')} AS patient_link
        FROM patient_links link
        LEFT JOIN patient_responses response ON response.patient_link_id = link.id
       WHERE link.follow_up_id = f.id
       ORDER BY link.issued_at DESC, link.id DESC LIMIT 1
    ) link ON true
    CROSS JOIN LATERAL (
      SELECT CASE WHEN coalesce(att.failed_attempts, 0) >= f.failed_attempt_limit THEN 'missed'
                  WHEN f.window_start > $1::date THEN 'upcoming'
                  WHEN f.window_end < $1::date THEN 'overdue'
                  ELSE 'due' END AS status
    ) status
   WHERE ($3::text IS NULL OR a.ward = $3)
     AND ($4::text IS NULL OR a.indication = $4)
     AND ($5::uuid IS NULL OR a.admitting_prescriber_id = $5)
     AND NOT EXISTS (
       SELECT 1 FROM follow_up_terminal_events e WHERE e.admission_id = f.admission_id AND e.entered_in_error_at IS NULL)
  ),
  audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, request_id, client_address, change)
    SELECT $7::uuid, $8, 'follow-up-worklist.viewed', 'follow-up-worklist', $9, $10,
           jsonb_build_object('filter', $11::jsonb, 'admissions', (SELECT count(DISTINCT admission_id) FROM listed))
  ),
  entries AS (
    SELECT l.admission_id, min(l.urgency) AS urgency,
           -- upcoming by the start of the window, the others by its end; the earliest of the most urgent
           (array_agg(l.sort_on ORDER BY l.urgency, l.sort_on))[1] AS sort_on,
           ${jsonArrayAgg(
             jsonObject({
               id: 'l.id',
               label: `CASE WHEN l.weeks IS NULL THEN 'Extra' ELSE 'Week ' || l.weeks END`,
               weeks: 'l.weeks',
               dueOn: 'l.due_on::text',
               windowStart: 'l.window_start::text',
               windowEnd: 'l.window_end::text',
               status: 'l.status',
               attemptCount: 'l.attempt_count',
               lastAttemptAt: isoInstant('l.last_attempt_at'),
               lastAttemptResult: 'l.last_attempt_result',
               patientLink: 'l.patient_link',
             }),
             'l.due_on, l.id',
           )} AS follow_ups
      FROM listed l
     GROUP BY l.admission_id
  )
  SELECT e.urgency, e.sort_on::text, p.family_name, a.id AS admission_id,
         ${jsonObject({
           section: `(${URGENCY})[e.urgency]`,
           patient: jsonObject({
             id: 'p.id',
             mrn: 'p.mrn',
             familyName: 'p.family_name',
             givenName: 'p.given_name',
             dateOfBirth: 'p.date_of_birth::text',
             contact: jsonObject({
               phoneNumbers: `(SELECT ${jsonArrayAgg(
                 jsonObject({ label: "phone -> 'label'", number: "phone -> 'number'" }),
                 'n',
               )} FROM jsonb_array_elements(p.phone_numbers) WITH ORDINALITY AS phones (phone, n))`,
               preferredMethod: 'p.preferred_contact_method',
             }),
           }),
           admission: jsonObject({
             id: 'a.id',
             ward: 'a.ward',
             indication: 'a.indication',
             indicationOther: 'a.indication_other',
             drug: 'a.drug',
             drugOther: 'a.drug_other',
             admittedAt: isoInstant('a.admitted_at'),
             dischargedAt: isoInstant('a.discharged_at'),
             clinician: jsonObject({ id: 'u.id', displayName: 'u.display_name' }),
           }),
           followUps: 'e.follow_ups',
         })}::text AS item
    FROM entries e
    JOIN admissions a ON a.id = e.admission_id
    JOIN patients p ON p.id = a.patient_id
    JOIN users u ON u.id = a.admitting_prescriber_id`;

/**
 * The worklist (ADR 4) as the JSON text of a WorklistResponse: one entry per admission, in its most
 * urgent section; overdue most overdue first, due and missed by the end of their window, upcoming by the
 * start of theirs; then by family name as the client would compare them. The hundred or so entries are
 * put in order here rather than in SQL, so that names compare with the same collation as before
 * (localeCompare) whatever the database's.
 */
export async function worklist(
  manager: EntityManager,
  actor: Actor,
  today: string,
  filter: { ward?: string; indication?: string; clinicianId?: string },
): Promise<JsonText<WorklistResponse>> {
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
    JSON.stringify({ ...filter }),
  ]);
  rows.sort(
    (a, b) =>
      a.urgency - b.urgency ||
      (a.sort_on < b.sort_on ? -1 : a.sort_on > b.sort_on ? 1 : 0) ||
      a.family_name.localeCompare(b.family_name) ||
      a.admission_id.localeCompare(b.admission_id),
  );
  return `{"today":${JSON.stringify(today)},"items":[${rows.map((row) => row.item).join(',')}]}`;
}
