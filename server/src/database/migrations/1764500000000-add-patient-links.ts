import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patient-reported follow-ups (issue 13): one-time links a clinician issues for a follow-up (only a
 * keyed hash of the token is stored), the answers a patient sends through one, waiting for a
 * clinician's review, and the public requests counted for rate limiting. Nothing here is deleted: a
 * link is revoked, a response accepted or rejected, each once.
 */
export class AddPatientLinks1764500000000 implements MigrationInterface {
  name = 'AddPatientLinks1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patient_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        token_hash text NOT NULL UNIQUE,
        issued_by uuid NOT NULL REFERENCES users (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        first_opened_at timestamptz,
        submitted_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id),
        revoked_reason text,
        CONSTRAINT patient_links_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT patient_links_expires_after_issue CHECK (expires_at > issued_at),
        CONSTRAINT patient_links_opened_after_issue CHECK (first_opened_at >= issued_at),
        CONSTRAINT patient_links_submitted_after_opening CHECK (
          submitted_at IS NULL OR (first_opened_at IS NOT NULL AND submitted_at >= first_opened_at)),
        CONSTRAINT patient_links_revocation_whole CHECK (
          (revoked_at IS NULL AND revoked_by IS NULL AND revoked_reason IS NULL)
          OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoked_reason IN ('revoked', 'reissued'))),
        CONSTRAINT patient_links_not_both_submitted_and_revoked CHECK (submitted_at IS NULL OR revoked_at IS NULL)
      )`);
    // At most one link per follow-up that can still be answered (issuing a new one revokes the old).
    await queryRunner.query(
      'CREATE UNIQUE INDEX patient_links_one_open ON patient_links (follow_up_id) WHERE revoked_at IS NULL AND submitted_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX patient_links_by_follow_up ON patient_links (follow_up_id, issued_at)',
    );

    await queryRunner.query(`
      CREATE TABLE patient_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_link_id uuid NOT NULL UNIQUE REFERENCES patient_links (id),
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        answered_on date NOT NULL,
        answers jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        review text,
        reviewed_by uuid REFERENCES users (id),
        reviewed_at timestamptz,
        rejection_reason text,
        outcome_id uuid REFERENCES follow_up_outcomes (id),
        CONSTRAINT patient_responses_answers_object CHECK (jsonb_typeof(answers) = 'object'),
        CONSTRAINT patient_responses_pain_now_nrs CHECK ((answers ->> 'painNow')::int BETWEEN 0 AND 10),
        CONSTRAINT patient_responses_review_known CHECK (review IN ('accepted', 'rejected')),
        CONSTRAINT patient_responses_review_whole CHECK (
          (review IS NULL AND reviewed_by IS NULL AND reviewed_at IS NULL AND rejection_reason IS NULL AND outcome_id IS NULL)
          OR (review = 'accepted' AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL
              AND rejection_reason IS NULL AND outcome_id IS NOT NULL)
          OR (review = 'rejected' AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL
              AND length(btrim(coalesce(rejection_reason, ''))) > 0 AND outcome_id IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX patient_responses_waiting ON patient_responses (follow_up_id) WHERE review IS NULL',
    );

    // Every public request, for the limits per token and per address (kept like sign_in_attempts).
    await queryRunner.query(`
      CREATE TABLE patient_link_requests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        requested_at timestamptz NOT NULL DEFAULT now(),
        token_hash text NOT NULL,
        client_address text,
        usable boolean NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX patient_link_requests_by_token ON patient_link_requests (token_hash, requested_at)',
    );
    await queryRunner.query(
      'CREATE INDEX patient_link_requests_unusable_by_address ON patient_link_requests (client_address, requested_at) WHERE NOT usable',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE patient_link_requests');
    await queryRunner.query('DROP TABLE patient_responses');
    await queryRunner.query('DROP TABLE patient_links');
  }
}
