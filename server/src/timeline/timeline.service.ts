import { Inject, Injectable } from '@nestjs/common';
import { calendarDateIn } from '@infusion-tracker/clinical';
import { DataSource } from 'typeorm';
import type { Actor } from '../audit/audit-trail.service.js';
import type { DeferredSessionCheck } from '../auth/deferred-session-check.js';
import { NotFound } from '../common/domain-error.js';
import { RecentHints } from '../common/recent-hints.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { TimelineResponse } from './dto/timeline.response.js';
import {
  pauseBands,
  rateLines,
  toPatient,
  toTimelineFollowUps,
  toTimelineAdmission,
  toTimelineEvents,
  toTimelineOrders,
} from './timeline-mapping.js';
import { type StayRecord, type TimelineRow, timelineRecord } from './timeline.queries.js';
import { KeptTimeline, TimelineBody } from './timeline-body.js';

@Injectable()
export class TimelineService {
  /** The last answer for each stay this process read lately: given again while current (ADR 11). */
  private readonly kept = new RecentHints<KeptTimeline>(64);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The whole stay and its follow-ups in one answer, read in one statement (one snapshot) whatever its
   * length. Reading it is an audited read of the patient's record, written by the same statement. The
   * answer this process last gave for the stay is given again when the statement finds it current, for
   * the same ward date (ADR 11). With a `deferredSession`, the statement checks the session too
   * (ADR 10), and any other answer than the timeline waits for the guard's full check.
   */
  async timeline(
    actor: Actor,
    admissionId: string,
    deferredSession: DeferredSessionCheck | null = null,
  ): Promise<TimelineBody> {
    const now = new Date();
    const today = calendarDateIn(now, this.config.wardTimeZone);
    const held = this.kept.get(admissionId);
    const heldVersion = held?.today === today ? held.version : null;
    const read = (session: DeferredSessionCheck | null) =>
      timelineRecord(this.dataSource.manager, admissionId, actor, heldVersion, session);
    let row = await read(deferredSession);
    if (deferredSession && !row?.session_usable) {
      await deferredSession.confirm(); // throws the guard's answer; if the session is usable after all, read again
      if (row) row = await read(null);
    }
    if (!row) throw new NotFound('The admission');
    const kept = row.orders === null ? held! : keptTimeline(row, today);
    this.kept.remember(admissionId, kept);
    return new TimelineBody(kept, now);
  }

  /**
   * The answer this process last gave for the stay, as of now, when it was made for today's ward date;
   * else null. It is not a read of the record: nothing is read, and nothing of it leaves the server
   * through this (PagePictures draws from it what a reader then asks for, with an audited read).
   */
  keptAnswer(admissionId: string): TimelineBody | null {
    const now = new Date();
    const held = this.kept.get(admissionId);
    return held?.today === calendarDateIn(now, this.config.wardTimeZone) ? new TimelineBody(held, now) : null;
  }
}

/** The timeline made from the statement's row, for the ward date `today`. */
function keptTimeline(row: TimelineRow & StayRecord, today: string): KeptTimeline {
  const events = toTimelineEvents(row.events);
  const orders = toTimelineOrders(row.orders, row.id);
  const header = toTimelineAdmission(row, events);
  const rest: Omit<TimelineResponse, 'observations' | 'generatedAt'> = {
    patient: toPatient(row),
    admission: header,
    orders,
    events,
    series: {
      rate: rateLines(orders, events, header.dischargedAt),
      pauses: pauseBands(events),
    },
    followUps: toTimelineFollowUps(row.follow_ups, row, today),
  };
  return new KeptTimeline(row.version, today, rest, row.observations);
}
