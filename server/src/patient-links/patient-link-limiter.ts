import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { PatientLinkRequest } from './patient-link-request.entity.js';

export const PATIENT_LINK_WINDOW_SECONDS = 15 * 60;
/** Opening and sending one link takes a handful of requests; a patient retrying stays well under this. */
export const MAX_REQUESTS_PER_TOKEN = 20;
/** Guessing tokens from one address: a few typing mistakes are fine, a search is not. */
export const MAX_UNUSABLE_REQUESTS_PER_ADDRESS = 10;

export class TooManyPatientLinkRequests extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super('too-many-requests', `Too many tries. Please wait ${minutes} minute(s) and try again.`);
  }
}

/**
 * Limits the public response routes per token and per address, counted in PostgreSQL (like the
 * sign-in limiter) so the limits hold across API processes. Any request counts against its token;
 * requests with a token that cannot be used count against their address.
 */
@Injectable()
export class PatientLinkLimiter {
  async check(manager: EntityManager, tokenHash: string, clientAddress: string | null): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `patient-link:${clientAddress ?? ''}`,
    ]);
    const [row] = await manager.query(
      `SELECT
         count(*) FILTER (WHERE token_hash = $1)::int AS by_token,
         min(requested_at) FILTER (WHERE token_hash = $1) AS oldest_by_token,
         count(*) FILTER (WHERE client_address = $2 AND NOT usable)::int AS by_address,
         min(requested_at) FILTER (WHERE client_address = $2 AND NOT usable) AS oldest_by_address,
         now() AS now
       FROM patient_link_requests
       WHERE requested_at > now() - make_interval(secs => $3)
         AND (token_hash = $1 OR (client_address = $2 AND NOT usable))`,
      [tokenHash, clientAddress, PATIENT_LINK_WINDOW_SECONDS],
    );
    const limited =
      row.by_token >= MAX_REQUESTS_PER_TOKEN
        ? row.oldest_by_token
        : row.by_address >= MAX_UNUSABLE_REQUESTS_PER_ADDRESS
          ? row.oldest_by_address
          : null;
    if (limited) {
      const retryAt = new Date(limited).getTime() + PATIENT_LINK_WINDOW_SECONDS * 1000;
      throw new TooManyPatientLinkRequests(
        Math.max(1, Math.ceil((retryAt - new Date(row.now).getTime()) / 1000)),
      );
    }
  }

  async record(
    manager: EntityManager,
    tokenHash: string,
    clientAddress: string | null,
    usable: boolean,
  ): Promise<void> {
    await manager.insert(PatientLinkRequest, { tokenHash, clientAddress, usable });
  }
}
