import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  dayOfStay,
  DEFAULT_SCHEDULE,
  nextObservationDue,
  type News2Response,
  type PartialReason,
  type Poss,
} from '@infusion-tracker/clinical';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { WardBoardResponse, WardBoardRowResponse, WardResponse } from './dto/ward-board.response.js';
import { wardBoardRows, wardsWithOpenAdmissions, type WardBoardRow } from './ward-board.queries.js';

const INFUSION_STARTED = ['infusing', 'paused', 'infusion-stopped'];

@Injectable()
export class WardsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Wards with open admissions, and always the configured ward. */
  async list(): Promise<WardResponse[]> {
    const rows = await wardsWithOpenAdmissions(this.dataSource.manager);
    if (!rows.some((row) => row.ward === this.config.wardName))
      rows.unshift({ ward: this.config.wardName, open_admissions: 0 });
    return rows.map((row) => ({ id: row.ward, name: row.ward, openAdmissions: row.open_admissions }));
  }

  async board(ward: string, now = new Date()): Promise<WardBoardResponse> {
    const rows = (await wardBoardRows(this.dataSource.manager, ward)).map((row) => this.toRow(row, now));
    rows.sort(
      (a, b) =>
        b.overdueMinutes - a.overdueMinutes ||
        a.nextDueAt.localeCompare(b.nextDueAt) ||
        a.bed.localeCompare(b.bed, 'en', { numeric: true }),
    );
    return { ward, timeZone: this.config.wardTimeZone, generatedAt: now.toISOString(), rows };
  }

  private toRow(row: WardBoardRow, now: Date): WardBoardRowResponse {
    const admittedAt = new Date(row.admitted_at);
    const started = INFUSION_STARTED.includes(row.status);
    const intensifying = started
      ? latest(
          row.last_started_at,
          row.order_effective_from && row.last_started_at && row.order_effective_from > row.last_started_at
            ? row.order_effective_from
            : null,
        )
      : null;
    const due = nextObservationDue({
      schedule: row.routine_minutes
        ? {
            routineMinutes: row.routine_minutes,
            intensifiedMinutes: row.intensified_minutes!,
            intensifiedForMinutes: row.intensified_for_minutes!,
          }
        : DEFAULT_SCHEDULE,
      admittedAt,
      last: row.last_taken_at
        ? {
            takenAt: new Date(row.last_taken_at),
            news2Total: row.news2_total,
            news2Response: row.news2_response as News2Response | null,
            sedation: row.sedation as Poss | null,
            partialReason: row.partial_reason as PartialReason | null,
          }
        : null,
      lastIntensifyingEventAt: intensifying,
      now,
    });
    return {
      admissionId: row.admission_id,
      bed: row.bed,
      patient: { mrn: row.mrn, familyName: row.family_name, givenName: row.given_name },
      dayOfStay: dayOfStay(admittedAt, now, this.config.wardTimeZone),
      plannedDays: row.planned_days,
      status: row.status,
      currentOrder:
        row.rate_value !== null
          ? {
              drug: row.drug!,
              concentration: { value: Number(row.concentration_value), unit: row.concentration_unit! },
              rate: { value: Number(row.rate_value), unit: row.rate_unit as never },
              effectiveFrom: new Date(row.order_effective_from!).toISOString(),
            }
          : null,
      lastSet: row.last_taken_at
        ? {
            takenAt: new Date(row.last_taken_at).toISOString(),
            news2Total: row.news2_total,
            news2Response: row.news2_response,
            news2Complete: row.news2_complete ?? false,
            sedation: row.sedation,
            partialReason: row.partial_reason,
            partialReasonText: row.partial_reason_text,
            painScore: row.pain_score,
            flags: row.flags ?? [],
          }
        : null,
      lastInfusionEvent: row.last_event_type
        ? {
            type: row.last_event_type,
            occurredAt: new Date(row.last_event_at!).toISOString(),
            reason: row.last_event_reason,
          }
        : null,
      nextDueAt: due.nextDueAt.toISOString(),
      overdueMinutes: due.overdueMinutes,
      dueReason: due.reason,
    };
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b ? new Date(b) : null;
  if (!b) return new Date(a);
  return new Date(Math.max(new Date(a).getTime(), new Date(b).getTime()));
}
