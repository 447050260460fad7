import type { EntityManager } from 'typeorm';
import type { PatientLinkState } from './dto/patient-link-state.response.js';

/** After first opening, a link left unanswered stops working this much later. */
export const OPENED_LINK_HOURS = 2;

/** The columns linkStateOf reads, of a link `link` and its response `response`; `$hours` is OPENED_LINK_HOURS. */
export function linkStateColumns(hours: string): string {
  const expiresAt = `CASE WHEN link.first_opened_at IS NULL THEN link.expires_at
            ELSE least(link.expires_at, link.first_opened_at + make_interval(hours => ${hours})) END`;
  return `link.id AS link_id, link.first_opened_at AS link_first_opened_at, link.revoked_at AS link_revoked_at,
       link.submitted_at AS link_submitted_at, ${expiresAt} AS link_expires_at, (${expiresAt}) <= now() AS link_expired,
       response.id AS link_response_id, response.review AS link_review`;
}

export interface LinkStateRow {
  link_id: string | null;
  link_first_opened_at: Date | null;
  link_revoked_at: Date | null;
  link_submitted_at: Date | null;
  link_expires_at: Date | null;
  link_expired: boolean | null;
  link_response_id: string | null;
  link_review: 'accepted' | 'rejected' | null;
}

/** The state of the link in a row read with linkStateColumns, or null when the follow-up has none. */
export function linkStateOf(row: LinkStateRow): PatientLinkState | null {
  if (row.link_id === null) return null;
  return {
    id: row.link_id,
    status: row.link_submitted_at
      ? 'answered'
      : row.link_revoked_at
        ? 'revoked'
        : row.link_expired
          ? 'expired'
          : row.link_first_opened_at
            ? 'opened'
            : 'out',
    expiresAt: new Date(row.link_expires_at!).toISOString(),
    responseId: row.link_response_id,
    review: row.link_response_id ? (row.link_review ?? 'waiting') : null,
  };
}

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
  const rows: (LinkStateRow & { follow_up_id: string })[] = await manager.query(
    `SELECT DISTINCT ON (link.follow_up_id) link.follow_up_id, ${linkStateColumns('$2')}
     FROM patient_links link
     LEFT JOIN patient_responses response ON response.patient_link_id = link.id
     WHERE link.follow_up_id = ANY($1::uuid[])
     ORDER BY link.follow_up_id, link.issued_at DESC, link.id DESC`,
    [followUpIds, OPENED_LINK_HOURS],
  );
  return new Map(rows.map((row) => [row.follow_up_id, linkStateOf(row)!]));
}
