import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { calendarDateIn } from '@infusion-tracker/clinical';
import { Admission } from '../admissions/admission.entity.js';
import type { StaffName } from '../admissions/dto/admission.response.js';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { DomainError, NotFound } from '../common/domain-error.js';
import type { RequestOrigin } from '../common/request-origin.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { OutcomeRequest } from '../follow-ups/dto/follow-up.requests.js';
import type { FollowUpResponse } from '../follow-ups/dto/follow-up.response.js';
import { FollowUpOutcome } from '../follow-ups/follow-up-outcome.entity.js';
import { FollowUp } from '../follow-ups/follow-up.entity.js';
import { FollowUpsService } from '../follow-ups/follow-ups.service.js';
import { User } from '../users/user.entity.js';
import type {
  FollowUpPatientLinksResponse,
  IssuedPatientLinkResponse,
  PatientLinkStatus,
  PatientLinkSummary,
  PatientResponseDetail,
  PatientResponseSummary,
  PublicResponsePage,
} from './dto/patient-link.responses.js';
import type { PatientAnswers, PatientAnswersRequest } from './patient-answers.js';
import { PatientLinkLimiter } from './patient-link-limiter.js';
import { OPENED_LINK_HOURS } from './patient-link-state.js';
import {
  newPatientLinkToken,
  PATIENT_LINK_TOKEN,
  normalisePatientLinkToken,
  patientLinkTokenHash,
} from './patient-link-token.js';
import { PatientLink } from './patient-link.entity.js';
import { PatientResponse } from './patient-response.entity.js';

/** The one answer for a token that is wrong, used, revoked or expired: it tells a guesser nothing. */
export const UNUSABLE_LINK = 'This link cannot be used. It may have expired or already been used.';

/**
 * One-time links for patients to answer a follow-up themselves (issue 13). Public requests are limited
 * per token and per address; a link's token is never stored or logged, only its keyed hash. The
 * patient's answers are checked by the follow-ups service's own outcome rules, when sent and again
 * when a clinician accepts them as the follow-up's outcome.
 */
@Injectable()
export class PatientLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly limiter: PatientLinkLimiter,
    private readonly followUps: FollowUpsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor, followUpId: string): Promise<IssuedPatientLinkResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The follow-ups service's lock on the admission first, as every follow-up command takes it.
      const { followUp } = await this.followUps.checkOutcome(manager, followUpId, null);
      const waiting = await manager.findOneBy(PatientResponse, { followUpId, review: IsNull() });
      if (waiting) {
        throw new DomainError(
          'conflict',
          'The patient has answered this follow-up; review the answers first.',
        );
      }
      const open = await manager.findBy(PatientLink, {
        followUpId,
        revokedAt: IsNull(),
        submittedAt: IsNull(),
      });
      for (const old of open) await this.revokeRow(manager, actor, old, 'reissued');

      const token = newPatientLinkToken();
      const tokenHash = this.hash(token);
      const [row] = await manager.query(
        `INSERT INTO patient_links (follow_up_id, admission_id, token_hash, issued_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
         RETURNING id, issued_at, expires_at`,
        [followUpId, followUp.admissionId, tokenHash, actor.id, this.config.patientLinkDays],
      );
      await this.audit.record(manager, {
        actor,
        action: 'patient-link.issued',
        entityType: 'patient-link',
        entityId: row.id,
        admissionId: followUp.admissionId,
        change: {
          before: null,
          after: { followUpId, tokenHashPrefix: tokenHash.slice(0, 8), expiresAt: iso(row.expires_at) },
          revoked: open.map((old) => old.id),
        },
      });
      return {
        id: row.id,
        followUpId,
        token,
        path: `/r/${token}`,
        issuedAt: iso(row.issued_at),
        expiresAt: iso(row.expires_at),
        servicePhone: this.config.servicePhone,
      };
    });
  }

  async revoke(actor: Actor, linkId: string): Promise<PatientLinkSummary> {
    return this.dataSource.transaction(async (manager) => {
      const link = await manager.findOne(PatientLink, {
        where: { id: linkId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!link) throw new NotFound('The patient link');
      if (link.revokedAt) throw new DomainError('conflict', 'This link is already revoked.');
      if (link.submittedAt)
        throw new DomainError('conflict', 'The patient has already answered through this link.');
      await this.revokeRow(manager, actor, link, 'revoked');
      const [summary] = await this.summaries(manager, [link.followUpId], { all: true, linkId });
      return summary;
    });
  }

  /** Every link of a follow-up, newest first, and the answers waiting for review (an audited read). */
  async forFollowUp(actor: Actor, followUpId: string): Promise<FollowUpPatientLinksResponse> {
    return this.dataSource.transaction(async (manager) => {
      const followUp = await manager.findOneBy(FollowUp, { id: followUpId });
      if (!followUp) throw new NotFound('The follow-up');
      const items = await this.summaries(manager, [followUpId], { all: true });
      const waiting = await manager.findOneBy(PatientResponse, { followUpId, review: IsNull() });
      await this.audit.record(manager, {
        actor,
        action: 'patient-links.viewed',
        entityType: 'follow-up',
        entityId: followUpId,
        admissionId: followUp.admissionId,
      });
      return { followUpId, items, waiting: waiting ? await this.detail(manager, waiting) : null };
    });
  }

  /** The patient page's data. The first opening starts the 2 hours to answer. */
  async open(typedToken: string, origin: RequestOrigin): Promise<PublicResponsePage> {
    const tokenHash = await this.admit(typedToken, origin);
    return this.dataSource.transaction(async (manager) => {
      const link = await this.usableLink(manager, tokenHash);
      const first = link.firstOpenedAt === null;
      if (first) {
        await manager.query('UPDATE patient_links SET first_opened_at = now() WHERE id = $1', [link.id]);
      }
      const [row] = await manager.query(
        `SELECT least(expires_at, first_opened_at + make_interval(hours => $2)) AS expires_at
         FROM patient_links WHERE id = $1`,
        [link.id, OPENED_LINK_HOURS],
      );
      await this.audit.record(manager, {
        actor: null,
        origin,
        action: 'patient-link.opened',
        entityType: 'patient-link',
        entityId: link.id,
        admissionId: link.admissionId,
        change: { first, tokenHashPrefix: tokenHash.slice(0, 8) },
      });
      return {
        serviceName: this.config.wardName,
        servicePhone: this.config.servicePhone,
        infusionEndedOn: await this.infusionEndedOn(manager, link.admissionId),
        today: this.today(),
        expiresAt: iso(row.expires_at),
      };
    });
  }

  /** The patient's answers, checked like a clinician's outcome; nothing is stored when they do not fit. */
  async submit(typedToken: string, answers: PatientAnswersRequest, origin: RequestOrigin): Promise<void> {
    const tokenHash = await this.admit(typedToken, origin);
    await this.dataSource.transaction(async (manager) => {
      const found = await this.usableLink(manager, tokenHash, false);
      const answeredOn = this.today();
      const stored: PatientAnswers = { ...answers };
      const outcome = await this.asOutcome(manager, found.followUpId, stored, answeredOn);
      await this.followUps.checkOutcome(manager, found.followUpId, outcome);
      const link = await this.usableLink(manager, tokenHash);
      const response = manager.create(PatientResponse, {
        patientLinkId: link.id,
        followUpId: link.followUpId,
        admissionId: link.admissionId,
        answeredOn,
        answers: stored,
        review: null,
        reviewedBy: null,
        reviewedAt: null,
        rejectionReason: null,
        outcomeId: null,
      });
      await manager.insert(PatientResponse, response);
      await manager.query('UPDATE patient_links SET submitted_at = now() WHERE id = $1', [link.id]);
      await this.audit.record(manager, {
        actor: null,
        origin,
        action: 'patient-link.submitted',
        entityType: 'patient-response',
        entityId: response.id,
        admissionId: link.admissionId,
        change: {
          before: null,
          after: { patientLinkId: link.id, followUpId: link.followUpId, answeredOn, answers: stored },
        },
      });
    });
  }

  /** The answers become the follow-up's outcome (method patient-reported), recorded by the reviewer. */
  async accept(actor: Actor, responseId: string): Promise<FollowUpResponse> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(PatientResponse, { id: responseId });
      if (!found) throw new NotFound('The patient response');
      if (found.review) throw new DomainError('conflict', `These answers were already ${found.review}.`);
      const input = await this.asOutcome(manager, found.followUpId, found.answers, found.answeredOn);
      // Checked again now: the record may have changed since the patient answered.
      const followUp = await this.followUps.recordOutcomeIn(manager, actor, found.followUpId, input);
      const response = await this.lockWaiting(manager, responseId);
      const outcomeId = followUp.outcome!.id;
      await manager.update(PatientResponse, { id: responseId }, {
        review: 'accepted',
        reviewedBy: actor.id,
        reviewedAt: () => 'now()',
        outcomeId,
      } as never);
      await this.audit.record(manager, {
        actor,
        action: 'patient-response.accepted',
        entityType: 'patient-response',
        entityId: responseId,
        admissionId: response.admissionId,
        change: { before: { review: null }, after: { review: 'accepted', outcomeId } },
      });
      return followUp;
    });
  }

  async reject(actor: Actor, responseId: string, reason: string): Promise<PatientResponseDetail> {
    return this.dataSource.transaction(async (manager) => {
      const response = await this.lockWaiting(manager, responseId);
      await manager.update(PatientResponse, { id: responseId }, {
        review: 'rejected',
        reviewedBy: actor.id,
        reviewedAt: () => 'now()',
        rejectionReason: reason.trim(),
      } as never);
      await this.audit.record(manager, {
        actor,
        action: 'patient-response.rejected',
        entityType: 'patient-response',
        entityId: responseId,
        admissionId: response.admissionId,
        change: { before: { review: null }, after: { review: 'rejected', reason: reason.trim() } },
      });
      return this.detail(manager, (await manager.findOneBy(PatientResponse, { id: responseId }))!);
    });
  }

  /**
   * The latest link of each follow-up, for the follow-up and the worklist (`all`: every link, newest
   * first). Runs in the caller's transaction.
   */
  async summaries(
    manager: EntityManager,
    followUpIds: string[],
    options: { all?: boolean; linkId?: string } = {},
  ): Promise<PatientLinkSummary[]> {
    if (followUpIds.length === 0) return [];
    const rows: LinkRow[] = await manager.query(
      `SELECT ${options.all ? '' : 'DISTINCT ON (link.follow_up_id)'}
         link.id, link.follow_up_id, link.issued_at, link.first_opened_at, link.revoked_at, link.submitted_at,
         CASE WHEN link.first_opened_at IS NULL THEN link.expires_at
              ELSE least(link.expires_at, link.first_opened_at + make_interval(hours => $2)) END AS expires_at,
         now() AS now, issuer.id AS issuer_id, issuer.display_name AS issuer_name,
         response.id AS response_id, response.answered_on::text AS answered_on,
         response.submitted_at AS response_submitted_at, response.review, response.reviewed_at,
         response.rejection_reason, response.outcome_id,
         reviewer.id AS reviewer_id, reviewer.display_name AS reviewer_name
       FROM patient_links link
       JOIN users issuer ON issuer.id = link.issued_by
       LEFT JOIN patient_responses response ON response.patient_link_id = link.id
       LEFT JOIN users reviewer ON reviewer.id = response.reviewed_by
       WHERE link.follow_up_id = ANY($1::uuid[]) ${options.linkId ? 'AND link.id = $3' : ''}
       ORDER BY link.follow_up_id, link.issued_at DESC, link.id DESC`,
      options.linkId ? [followUpIds, OPENED_LINK_HOURS, options.linkId] : [followUpIds, OPENED_LINK_HOURS],
    );
    const summaries = rows.map(toSummary);
    return options.all ? summaries.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)) : summaries;
  }

  /** Counts the request against the limits and answers the neutral problem for a token that cannot be used. */
  private async admit(typedToken: string, origin: RequestOrigin): Promise<string> {
    const token = normalisePatientLinkToken(typedToken);
    const tokenHash = this.hash(token);
    const usable = await this.dataSource.transaction(async (manager) => {
      await this.limiter.check(manager, tokenHash, origin.clientAddress);
      const found = PATIENT_LINK_TOKEN.test(token) && (await this.findUsable(manager, tokenHash)) !== null;
      await this.limiter.record(manager, tokenHash, origin.clientAddress, found);
      return found;
    });
    if (!usable) throw new DomainError('not-found', UNUSABLE_LINK);
    return tokenHash;
  }

  private async usableLink(manager: EntityManager, tokenHash: string, lock = true): Promise<PatientLink> {
    const link = await this.findUsable(manager, tokenHash, lock);
    if (!link) throw new DomainError('not-found', UNUSABLE_LINK);
    return link;
  }

  /** Not revoked, not answered, not past its expiry nor 2 hours past its first opening. */
  private async findUsable(
    manager: EntityManager,
    tokenHash: string,
    lock = false,
  ): Promise<PatientLink | null> {
    const [row] = await manager.query(
      `SELECT id FROM patient_links
       WHERE token_hash = $1 AND revoked_at IS NULL AND submitted_at IS NULL AND expires_at > now()
         AND (first_opened_at IS NULL OR first_opened_at + make_interval(hours => $2) > now())
       ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash, OPENED_LINK_HOURS],
    );
    return row ? manager.findOneByOrFail(PatientLink, { id: row.id }) : null;
  }

  private async lockWaiting(manager: EntityManager, responseId: string): Promise<PatientResponse> {
    const response = await manager.findOne(PatientResponse, {
      where: { id: responseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!response) throw new NotFound('The patient response');
    if (response.review) throw new DomainError('conflict', `These answers were already ${response.review}.`);
    return response;
  }

  private async revokeRow(
    manager: EntityManager,
    actor: Actor,
    link: PatientLink,
    reason: 'revoked' | 'reissued',
  ) {
    await manager.query(
      'UPDATE patient_links SET revoked_at = now(), revoked_by = $2, revoked_reason = $3 WHERE id = $1',
      [link.id, actor.id, reason],
    );
    await this.audit.record(manager, {
      actor,
      action: 'patient-link.revoked',
      entityType: 'patient-link',
      entityId: link.id,
      admissionId: link.admissionId,
      change: { before: { revokedAt: null }, after: { revokedReason: reason } },
    });
  }

  /**
   * The outcome the answers make: assessed on the day the patient answered, method patient-reported.
   * A patient who says the benefit is there, after an earlier outcome said it had ended, says it came
   * back: benefitReturned compares those two recorded answers, it asks the patient nothing new.
   */
  private async asOutcome(
    manager: EntityManager,
    followUpId: string,
    answers: PatientAnswers,
    answeredOn: string,
  ): Promise<OutcomeRequest> {
    const followUp = await manager.findOneByOrFail(FollowUp, { id: followUpId });
    const endedEarlier = await manager
      .createQueryBuilder(FollowUpOutcome, 'outcome')
      .where('outcome.admission_id = :admissionId', { admissionId: followUp.admissionId })
      .andWhere('outcome.entered_in_error_at IS NULL AND NOT outcome.benefit_ongoing')
      .andWhere('outcome.assessed_on < :answeredOn', { answeredOn })
      .getExists();
    return {
      ...answers,
      assessedOn: answeredOn,
      method: 'patient-reported',
      ...(answers.benefitOngoing && endedEarlier ? { benefitReturned: true } : {}),
    };
  }

  /** The local day of the last recorded stop of the infusion, else of discharge. */
  private async infusionEndedOn(manager: EntityManager, admissionId: string): Promise<string> {
    const admission = await manager.findOneByOrFail(Admission, { id: admissionId });
    const [stop] = await manager.query(
      `SELECT max(occurred_at) AS at FROM infusion_events WHERE admission_id = $1 AND type = 'stop'`,
      [admissionId],
    );
    const endedAt: Date | null = stop?.at ? new Date(stop.at) : admission.dischargedAt;
    return calendarDateIn(endedAt ?? new Date(), this.config.wardTimeZone);
  }

  private async detail(manager: EntityManager, response: PatientResponse): Promise<PatientResponseDetail> {
    const reviewer = response.reviewedBy ? await manager.findOneBy(User, { id: response.reviewedBy }) : null;
    return {
      ...responseSummary({
        id: response.id,
        answeredOn: response.answeredOn,
        submittedAt: response.submittedAt,
        review: response.review,
        reviewedAt: response.reviewedAt,
        rejectionReason: response.rejectionReason,
        outcomeId: response.outcomeId,
        reviewer: reviewer ? { id: reviewer.id, displayName: reviewer.displayName } : null,
      }),
      followUpId: response.followUpId,
      admissionId: response.admissionId,
      answers: response.answers,
    };
  }

  private hash(token: string): string {
    return patientLinkTokenHash(this.config.sessionSecret, token);
  }

  private today(): string {
    return calendarDateIn(new Date(), this.config.wardTimeZone);
  }
}

interface LinkRow {
  id: string;
  follow_up_id: string;
  issued_at: Date;
  first_opened_at: Date | null;
  revoked_at: Date | null;
  submitted_at: Date | null;
  expires_at: Date;
  now: Date;
  issuer_id: string;
  issuer_name: string;
  response_id: string | null;
  answered_on: string | null;
  response_submitted_at: Date | null;
  review: 'accepted' | 'rejected' | null;
  reviewed_at: Date | null;
  rejection_reason: string | null;
  outcome_id: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
}

function statusOf(row: LinkRow): PatientLinkStatus {
  if (row.submitted_at) return 'answered';
  if (row.revoked_at) return 'revoked';
  if (new Date(row.expires_at) <= new Date(row.now)) return 'expired';
  return row.first_opened_at ? 'opened' : 'out';
}

function toSummary(row: LinkRow): PatientLinkSummary & { followUpId: string } {
  return {
    id: row.id,
    followUpId: row.follow_up_id,
    status: statusOf(row),
    issuedBy: { id: row.issuer_id, displayName: row.issuer_name },
    issuedAt: iso(row.issued_at),
    expiresAt: iso(row.expires_at),
    openedAt: row.first_opened_at ? iso(row.first_opened_at) : null,
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    response: row.response_id
      ? responseSummary({
          id: row.response_id,
          answeredOn: row.answered_on!,
          submittedAt: row.response_submitted_at!,
          review: row.review,
          reviewedAt: row.reviewed_at,
          rejectionReason: row.rejection_reason,
          outcomeId: row.outcome_id,
          reviewer: row.reviewer_id ? { id: row.reviewer_id, displayName: row.reviewer_name! } : null,
        })
      : null,
  };
}

function responseSummary(row: {
  id: string;
  answeredOn: string;
  submittedAt: Date;
  review: 'accepted' | 'rejected' | null;
  reviewedAt: Date | null;
  rejectionReason: string | null;
  outcomeId: string | null;
  reviewer: StaffName | null;
}): PatientResponseSummary {
  return {
    id: row.id,
    answeredOn: row.answeredOn,
    submittedAt: iso(row.submittedAt),
    review: row.review ?? 'waiting',
    reviewedBy: row.reviewer,
    reviewedAt: row.reviewedAt ? iso(row.reviewedAt) : null,
    rejectionReason: row.rejectionReason,
    outcomeId: row.outcomeId,
  };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
