import { DataSource } from 'typeorm';
import type { ApiClient } from './api-client.js';
import { aPatient, anAdmission, anOrder } from './clinical-factories.js';
import type { TestApp } from './test-app.js';

/** The ISO calendar date n days after another. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today's UTC date moved by n days. */
export function daysFromToday(days: number): string {
  return addDays(new Date().toISOString().slice(0, 10), days);
}

export interface DischargedAdmissionOptions {
  ward: string;
  /** Arrives at 02:00 UTC: noon or 1 pm in Sydney, the same calendar day there. */
  admittedOn: string;
  dischargedOn: string;
  /** The stop event's instant; default 01:00 UTC on the discharge day. */
  stoppedAt?: string;
  /** false: discharged without the infusion ever starting (no stop event). */
  started?: boolean;
  baselinePain?: number;
  painAtDischarge: number | null;
  indication?: string;
  drug?: string;
  patientId?: string;
}

export interface DischargedAdmission {
  id: string;
  patientId: string;
  dischargedOn: string;
}

/**
 * Builds outcome-report cohorts: admissions admitted, infused, stopped and discharged through the
 * API on chosen days, and their follow-ups. Follow-up rows are written in SQL with the columns of
 * ADR 4, so that a test can place a follow-up, an outcome or a terminal event on any day it reasons
 * about, including days the API's rules (no outcome in the future) would refuse relative to today.
 */
export class OutcomeCohorts {
  private readonly database: DataSource;

  constructor(
    testApp: TestApp,
    private readonly prescriber: ApiClient,
    private readonly recorderId: string,
  ) {
    this.database = testApp.app.get(DataSource);
  }

  async discharged(options: DischargedAdmissionOptions): Promise<DischargedAdmission> {
    const patientId = options.patientId ?? (await this.prescriber.post('/api/patients', aPatient())).body.id;
    const admittedAt = `${options.admittedOn}T02:00:00.000Z`;
    let admission = await this.expect(
      this.prescriber.post(
        '/api/admissions',
        anAdmission(patientId, {
          ward: options.ward,
          admittedAt,
          baselinePain: options.baselinePain ?? 8,
          indication: options.indication ?? 'crps',
          ...(options.indication === 'other' ? { indicationOther: 'Other neuropathic pain' } : {}),
        }),
      ),
    );
    const dischargedAt = `${options.dischargedOn}T02:00:00.000Z`;
    if (options.started ?? true) {
      const drug = options.drug ?? 'ketamine';
      admission = await this.expect(
        this.prescriber.post(
          `/api/admissions/${admission.id}/infusion-orders`,
          anOrder(admission.version, {
            drug,
            ...(drug === 'other' ? { drugOther: 'Other drug' } : {}),
            effectiveFrom: `${options.admittedOn}T02:30:00.000Z`,
          }),
        ),
        'admission',
      );
      for (const [type, occurredAt] of [
        ['start', `${options.admittedOn}T03:00:00.000Z`],
        ['stop', options.stoppedAt ?? `${options.dischargedOn}T01:00:00.000Z`],
      ]) {
        admission = await this.expect(
          this.prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
            version: admission.version,
            type,
            occurredAt,
          }),
        );
      }
      await this.expect(
        this.prescriber.post(`/api/admissions/${admission.id}/discharge`, {
          version: admission.version,
          summary: 'Home with follow-up by phone.',
          dischargedAt,
          painAtDischarge: options.painAtDischarge ?? 5,
        }),
      );
    } else {
      await this.expect(
        this.prescriber.post(`/api/admissions/${admission.id}/discharge`, {
          version: admission.version,
          summary: 'Home without the infusion.',
          reason: 'Intercurrent infection',
          dischargedAt,
          ...(options.painAtDischarge === null ? {} : { painAtDischarge: options.painAtDischarge }),
        }),
      );
    }
    if (options.painAtDischarge === null) {
      // Recorded before pain at discharge was asked (the API now requires it once the infusion started).
      await this.database.query('UPDATE admissions SET pain_at_discharge = NULL WHERE id = $1', [
        admission.id,
      ]);
    }
    // Each test places the follow-ups it reasons about by hand, as for admissions discharged before
    // follow-ups were scheduled; the schedule itself is tested in follow-ups/.
    await this.database.query('DELETE FROM follow_ups WHERE admission_id = $1', [admission.id]);
    return { id: admission.id, patientId, dischargedOn: options.dischargedOn };
  }

  /** A scheduled follow-up at `weeks` after discharge, with its window (ADR 4). */
  async followUp(
    admission: DischargedAdmission,
    weeks: number,
    options: { windowDays?: number; settled?: 'missed' } = {},
  ): Promise<string> {
    const windowDays = options.windowDays ?? (weeks <= 4 ? 3 : 7);
    const dueOn = addDays(admission.dischargedOn, 7 * weeks);
    const rows = await this.database.query(
      `INSERT INTO follow_ups (admission_id, kind, weeks, schedule_version, failed_attempt_limit, due_on,
         window_start, window_end, settled, created_by)
       VALUES ($1, 'scheduled', $2, 1, 3, $3, $4, $5, $6, $7) RETURNING id`,
      [
        admission.id,
        weeks,
        dueOn,
        addDays(dueOn, -windowDays),
        addDays(dueOn, windowDays),
        options.settled ?? null,
        this.recorderId,
      ],
    );
    return rows[0].id;
  }

  /** A follow-up's outcome: pain now, and whether benefit is ongoing (or when it ended). */
  async outcome(
    admission: DischargedAdmission,
    weeks: number,
    outcome: { assessedOn: string; painNow: number; benefitEndedOn?: string },
  ): Promise<void> {
    const followUpId = await this.followUp(admission, weeks);
    await this.database.query(
      `INSERT INTO follow_up_outcomes (follow_up_id, admission_id, assessed_on, method, pain_now,
         benefit_ongoing, benefit_ended_on, recorded_by)
       VALUES ($1, $2, $3, 'phone', $4, $5, $6, $7)`,
      [
        followUpId,
        admission.id,
        outcome.assessedOn,
        outcome.painNow,
        outcome.benefitEndedOn === undefined,
        outcome.benefitEndedOn ?? null,
        this.recorderId,
      ],
    );
    await this.database.query(`UPDATE follow_ups SET settled = 'done' WHERE id = $1`, [followUpId]);
  }

  /** Lost, died, withdrew or readmitted on a day, cancelling the follow-ups given. */
  async terminal(
    admission: DischargedAdmission,
    kind: 'lost' | 'died' | 'withdrew' | 'readmitted',
    on: string,
    cancels: string[] = [],
  ): Promise<void> {
    const rows = await this.database.query(
      `INSERT INTO follow_up_terminal_events (admission_id, kind, "on", reason, recorded_by)
       VALUES ($1, $2, $3, 'No answer to three calls and a letter', $4) RETURNING id`,
      [admission.id, kind, on, this.recorderId],
    );
    for (const followUpId of cancels) {
      await this.database.query(
        `INSERT INTO follow_up_cancellations (follow_up_id, reason, terminal_event_id, cancelled_by)
         VALUES ($1, 'No answer to three calls and a letter', $2, $3)`,
        [followUpId, rows[0].id, this.recorderId],
      );
      await this.database.query(`UPDATE follow_ups SET settled = 'cancelled' WHERE id = $1`, [followUpId]);
    }
  }

  private async expect(
    pending: Promise<{
      status: number;
      body: { id: string; version: number; admission?: unknown };
      text: string;
    }>,
    pick?: 'admission',
  ): Promise<{ id: string; version: number }> {
    const response = await pending;
    if (response.status >= 300) throw new Error(`cohort set-up failed: ${response.status} ${response.text}`);
    const body =
      pick && response.body.admission ? (response.body.admission as typeof response.body) : response.body;
    return { id: body.id, version: body.version };
  }
}
