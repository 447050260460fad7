import { Inject, Injectable } from '@nestjs/common';
import { calendarDateIn } from '@infusion-tracker/clinical';
import { DataSource } from 'typeorm';
import type { Actor } from '../audit/audit-trail.service.js';
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
  withObservations,
} from './timeline-mapping.js';
import { timelineRecord } from './timeline.queries.js';

/** A stay's observation columns as JSON text, with the version they were made at (ADR 11). */
interface HeldColumns {
  version: string;
  text: string;
}

@Injectable()
export class TimelineService {
  /**
   * The observation columns of the stays this process read lately (about 120 KB each for a 7-day stay):
   * the statement sends them again only when their version has changed since.
   */
  private readonly columns = new RecentHints<HeldColumns>(64);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The whole stay and its follow-ups in one answer, read in one statement (one snapshot) whatever its
   * length, as JSON text (a TimelineResponse): the observation sets, nearly all of it, come from
   * PostgreSQL as JSON text and are spliced in unparsed. Reading it is an audited read of the patient's
   * record, written by the same statement. The sets' columns this process already holds at the version
   * the statement reads are not made again (ADR 11).
   */
  async timeline(actor: Actor, admissionId: string): Promise<string> {
    const held = this.columns.get(admissionId);
    const admission = await timelineRecord(this.dataSource.manager, admissionId, actor, held?.version ?? null);
    if (!admission) throw new NotFound('The admission');
    const observations = admission.observations ?? held!.text;
    this.columns.remember(admissionId, { version: admission.observations_version, text: observations });
    const events = toTimelineEvents(admission.events);
    const orders = toTimelineOrders(admission.orders, admissionId);
    const header = toTimelineAdmission(admission, events);
    const rest: Omit<TimelineResponse, 'observations'> = {
      generatedAt: new Date().toISOString(),
      patient: toPatient(admission),
      admission: header,
      orders,
      events,
      series: {
        rate: rateLines(orders, events, header.dischargedAt),
        pauses: pauseBands(events),
      },
      followUps: toTimelineFollowUps(
        admission.follow_ups,
        admission,
        calendarDateIn(new Date(), this.config.wardTimeZone),
      ),
    };
    return withObservations(rest, observations);
  }
}
