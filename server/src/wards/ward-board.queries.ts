import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';

export interface WardBoardRow {
  admission_id: string;
  bed: string;
  status: string;
  admitted_at: Date;
  planned_days: number;
  mrn: string;
  family_name: string;
  given_name: string;
  drug: string | null;
  concentration_value: string | null;
  concentration_unit: string | null;
  rate_value: string | null;
  rate_unit: string | null;
  order_effective_from: Date | null;
  last_taken_at: Date | null;
  news2_total: number | null;
  news2_response: string | null;
  news2_complete: boolean | null;
  sedation: string | null;
  partial_reason: string | null;
  partial_reason_text: string | null;
  pain_score: number | null;
  flags: string[] | null;
  last_event_type: string | null;
  last_event_at: Date | null;
  last_event_reason: string | null;
  last_started_at: Date | null;
  routine_minutes: number | null;
  intensified_minutes: number | null;
  intensified_for_minutes: number | null;
}

/**
 * Everything the ward board shows, for every open admission on one ward, in one query: the current
 * order, the latest valid observation set, the latest infusion event, the latest start or resume
 * and the schedule, each by an
 * indexed LATERAL lookup (no N+1).
 */
export function wardBoardRows(manager: EntityManager, ward: string): Promise<WardBoardRow[]> {
  return preparedQuery<WardBoardRow>(
    manager,
    'ward-board',
    `SELECT a.id AS admission_id, a.bed, a.status, a.admitted_at, a.planned_days,
            p.mrn, p.family_name, p.given_name,
            o.drug, o.concentration_value, o.concentration_unit, o.rate_value, o.rate_unit,
            o.effective_from AS order_effective_from,
            s.taken_at AS last_taken_at, s.news2_total, s.news2_response, (s.news2->>'complete')::boolean AS news2_complete,
            s.sedation, s.partial_reason, s.partial_reason_text, s.pain_score, s.flags,
            le.type AS last_event_type, le.occurred_at AS last_event_at, le.reason AS last_event_reason,
            e.last_started_at,
            sch.routine_minutes, sch.intensified_minutes, sch.intensified_for_minutes
     FROM admissions a
     JOIN patients p ON p.id = a.patient_id
     LEFT JOIN LATERAL (
       SELECT o.drug, o.concentration_value, o.concentration_unit, o.rate_value, o.rate_unit, o.effective_from
       FROM infusion_orders o
       WHERE o.admission_id = a.id AND NOT EXISTS (SELECT 1 FROM infusion_order_corrections c WHERE c.order_id = o.id)
       ORDER BY o.effective_from DESC, o.entered_at DESC LIMIT 1
     ) o ON true
     LEFT JOIN LATERAL (
       SELECT s.taken_at, s.news2_total, s.news2_response, s.news2, s.sedation, s.partial_reason, s.partial_reason_text, s.pain_score, s.flags
       FROM observation_sets s
       WHERE s.admission_id = a.id AND NOT EXISTS (SELECT 1 FROM observation_set_corrections c WHERE c.set_id = s.id)
       ORDER BY s.taken_at DESC LIMIT 1
     ) s ON true
     LEFT JOIN LATERAL (
       SELECT e.type, e.occurred_at, e.reason FROM infusion_events e
       WHERE e.admission_id = a.id ORDER BY e.occurred_at DESC, e.recorded_at DESC LIMIT 1
     ) le ON true
     LEFT JOIN LATERAL (
       SELECT max(e.occurred_at) AS last_started_at FROM infusion_events e
       WHERE e.admission_id = a.id AND e.type IN ('start', 'resume')
     ) e ON true
     LEFT JOIN LATERAL (
       SELECT sch.routine_minutes, sch.intensified_minutes, sch.intensified_for_minutes FROM observation_schedules sch
       WHERE sch.admission_id = a.id ORDER BY sch.set_at DESC LIMIT 1
     ) sch ON true
     WHERE a.ward = $1 AND a.status NOT IN ('discharged', 'cancelled')`,
    [ward],
  );
}

export function wardsWithOpenAdmissions(
  manager: EntityManager,
): Promise<{ ward: string; open_admissions: number }[]> {
  return manager.query(
    `SELECT ward, count(*)::int AS open_admissions FROM admissions
     WHERE status NOT IN ('discharged', 'cancelled') GROUP BY ward ORDER BY ward`,
  );
}
