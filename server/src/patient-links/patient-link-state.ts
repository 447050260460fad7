import type { EntityManager } from 'typeorm';
import type { PatientLinkState } from './dto/patient-link-state.response.js';

/** After first opening, a link left unanswered stops working this much later. */
export const OPENED_LINK_HOURS = 2;

/**
 * The latest patient link of each follow-up, for the follow-up and the worklist (issue 13). A plain
 * function in the caller's transaction, so the follow-ups service can use it without depending on
 * the patient-links module that depends on it.
 */
export async function patientLinkStates(
  manager: EntityManager,
  followUpIds: string[],
): Promise<Map<string, PatientLinkState>> {
  if (followUpIds.length === 0) return new Map();
  const rows: {
    follow_up_id: string;
    id: string;
    expires_at: Date;
    first_opened_at: Date | null;
    revoked_at: Date | null;
    submitted_at: Date | null;
    expired: boolean;
    response_id: string | null;
    review: 'accepted' | 'rejected' | null;
  }[] = await manager.query(
    `SELECT DISTINCT ON (link.follow_up_id)
       link.follow_up_id, link.id, link.first_opened_at, link.revoked_at, link.submitted_at,
       CASE WHEN link.first_opened_at IS NULL THEN link.expires_at
            ELSE least(link.expires_at, link.first_opened_at + make_interval(hours => $2)) END AS expires_at,
       (CASE WHEN link.first_opened_at IS NULL THEN link.expires_at
             ELSE least(link.expires_at, link.first_opened_at + make_interval(hours => $2)) END) <= now() AS expired,
       response.id AS response_id, response.review
     FROM patient_links link
     LEFT JOIN patient_responses response ON response.patient_link_id = link.id
     WHERE link.follow_up_id = ANY($1::uuid[])
     ORDER BY link.follow_up_id, link.issued_at DESC, link.id DESC`,
    [followUpIds, OPENED_LINK_HOURS],
  );
  return new Map(
    rows.map((row) => [
      row.follow_up_id,
      {
        id: row.id,
        status: row.submitted_at
          ? 'answered'
          : row.revoked_at
            ? 'revoked'
            : row.expired
              ? 'expired'
              : row.first_opened_at
                ? 'opened'
                : 'out',
        expiresAt: new Date(row.expires_at).toISOString(),
        responseId: row.response_id,
        review: row.response_id ? (row.review ?? 'waiting') : null,
      },
    ]),
  );
}
