import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and roles, server-side sessions, sign-in attempts (for rate limiting across API processes)
 * and the append-only audit trail, which the database itself refuses to change or delete.
 */
export class AddUsersSessionsAndAuditTrail1764064800000 implements MigrationInterface {
  name = 'AddUsersSessionsAndAuditTrail1764064800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        CONSTRAINT users_display_name_present CHECK (length(btrim(display_name)) > 0),
        CONSTRAINT users_roles_known CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['nurse', 'prescriber', 'auditor', 'admin']::text[]
        )
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX users_username_unique ON users (username)');

    await queryRunner.query(`
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        client_address text,
        user_agent text
      )`);
    await queryRunner.query('CREATE INDEX sessions_user_open ON sessions (user_id) WHERE revoked_at IS NULL');

    await queryRunner.query(`
      CREATE TABLE sign_in_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        username text NOT NULL,
        client_address text,
        succeeded boolean NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX sign_in_attempts_failed_by_username ON sign_in_attempts (username, attempted_at) WHERE NOT succeeded',
    );
    await queryRunner.query(
      'CREATE INDEX sign_in_attempts_failed_by_address ON sign_in_attempts (client_address, attempted_at) WHERE NOT succeeded',
    );

    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        user_display_name text,
        action text NOT NULL,
        entity_type text,
        entity_id text,
        admission_id uuid,
        request_id text,
        client_address text,
        change jsonb
      )`);
    await queryRunner.query('CREATE INDEX audit_events_by_user ON audit_events (user_id, id)');
    await queryRunner.query('CREATE INDEX audit_events_by_admission ON audit_events (admission_id, id)');
    await queryRunner.query('CREATE INDEX audit_events_by_action ON audit_events (action, id)');
    await queryRunner.query('CREATE INDEX audit_events_by_time ON audit_events (occurred_at)');
    await queryRunner.query(`
      CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_or_delete
        BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate
        BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_events');
    await queryRunner.query('DROP FUNCTION audit_events_are_append_only()');
    await queryRunner.query('DROP TABLE sign_in_attempts');
    await queryRunner.query('DROP TABLE sessions');
    await queryRunner.query('DROP TABLE users');
  }
}
