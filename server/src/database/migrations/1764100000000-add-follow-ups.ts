import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups after discharge (ADR 4): patients' contact details, pain and PGIC at discharge, the
 * service's follow-up schedule (versioned; version 1 is the default), follow-ups with their contact
 * attempts, outcomes (corrected by entered-in-error columns, never edited), cancellations, terminal
 * events, and loaded instrument definitions. Clinical rows are never deleted.
 */
export class AddFollowUps1764100000000 implements MigrationInterface {
  name = 'AddFollowUps1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A number is 6-20 characters of digits, spaces, + ( ) -, with at least 6 digits (ADR 4).
    await queryRunner.query(`
      ALTER TABLE patients
        ADD COLUMN phone_numbers jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN preferred_contact_method text,
        ADD CONSTRAINT patients_phone_numbers_list CHECK (
          jsonb_typeof(phone_numbers) = 'array' AND jsonb_array_length(phone_numbers) <= 5
          AND NOT jsonb_path_exists(phone_numbers,
            '$[*] ? (!(@.label == "mobile" || @.label == "home" || @.label == "work" || @.label == "other")
                     || !(@.number like_regex "^[0-9 +()-]{6,20}$"))')),
        ADD CONSTRAINT patients_preferred_contact_method_known CHECK (
          preferred_contact_method IN ('phone', 'video', 'clinic', 'letter'))`);

    await queryRunner.query(`
      ALTER TABLE admissions
        ADD COLUMN pain_at_discharge integer,
        ADD COLUMN pgic_at_discharge integer,
        ADD COLUMN pgic_wording text,
        ADD CONSTRAINT admissions_pain_at_discharge_nrs CHECK (pain_at_discharge BETWEEN 0 AND 10),
        ADD CONSTRAINT admissions_pgic_at_discharge_range CHECK (pgic_at_discharge BETWEEN 1 AND 7),
        ADD CONSTRAINT admissions_pgic_wording_named CHECK ((pgic_at_discharge IS NULL) = (pgic_wording IS NULL)),
        ADD CONSTRAINT admissions_discharge_scores_at_discharge CHECK (
          status = 'discharged' OR (pain_at_discharge IS NULL AND pgic_at_discharge IS NULL))`);

    await queryRunner.query(`
      CREATE TABLE follow_up_schedule_versions (
        version integer PRIMARY KEY,
        items jsonb NOT NULL,
        failed_attempt_limit integer NOT NULL,
        changed_by uuid REFERENCES users (id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_up_schedule_versions_positive CHECK (version >= 1),
        CONSTRAINT follow_up_schedule_versions_items CHECK (
          jsonb_typeof(items) = 'array' AND jsonb_array_length(items) BETWEEN 1 AND 20
          AND NOT jsonb_path_exists(items,
            '$[*] ? (!(@.weeks >= 1 && @.weeks <= 104) || !(@.windowDays >= 0 && @.windowDays <= 28))')),
        CONSTRAINT follow_up_schedule_versions_attempt_limit CHECK (failed_attempt_limit BETWEEN 1 AND 10)
      )`);
    await queryRunner.query(`
      INSERT INTO follow_up_schedule_versions (version, items, failed_attempt_limit, changed_by)
      VALUES (1, '[{"weeks":1,"windowDays":3},{"weeks":2,"windowDays":3},{"weeks":4,"windowDays":3},
                   {"weeks":8,"windowDays":7},{"weeks":12,"windowDays":7},{"weeks":26,"windowDays":7}]', 3, NULL)`);

    await queryRunner.query(`
      CREATE TABLE follow_up_terminal_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        kind text NOT NULL,
        "on" date NOT NULL,
        reason text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        entered_in_error_by uuid REFERENCES users (id),
        entered_in_error_at timestamptz,
        entered_in_error_reason text,
        CONSTRAINT follow_up_terminal_events_kind CHECK (kind IN ('lost', 'died', 'withdrew', 'readmitted')),
        CONSTRAINT follow_up_terminal_events_reason CHECK (length(btrim(reason)) > 0),
        CONSTRAINT follow_up_terminal_events_error_whole CHECK (
          (entered_in_error_at IS NULL AND entered_in_error_by IS NULL AND entered_in_error_reason IS NULL)
          OR (entered_in_error_at IS NOT NULL AND entered_in_error_by IS NOT NULL
              AND length(btrim(coalesce(entered_in_error_reason, ''))) > 0))
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX follow_up_terminal_events_one_per_admission ON follow_up_terminal_events (admission_id) WHERE entered_in_error_at IS NULL',
    );

    // settled caches the status that no longer depends on the date (done, missed, cancelled); it is
    // written in the transaction that writes the row deciding it, and keeps the worklist's index small.
    await queryRunner.query(`
      CREATE TABLE follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        kind text NOT NULL,
        weeks integer,
        schedule_version integer NOT NULL REFERENCES follow_up_schedule_versions (version),
        failed_attempt_limit integer NOT NULL,
        due_on date NOT NULL,
        window_start date NOT NULL,
        window_end date NOT NULL,
        reason text,
        settled text,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_ups_kind CHECK (kind IN ('scheduled', 'extra')),
        CONSTRAINT follow_ups_scheduled_has_weeks CHECK ((kind = 'scheduled') = (weeks IS NOT NULL)),
        CONSTRAINT follow_ups_extra_has_reason CHECK (kind = 'scheduled' OR length(btrim(coalesce(reason, ''))) > 0),
        CONSTRAINT follow_ups_weeks_range CHECK (weeks BETWEEN 1 AND 104),
        CONSTRAINT follow_ups_attempt_limit CHECK (failed_attempt_limit BETWEEN 1 AND 10),
        CONSTRAINT follow_ups_window_around_due CHECK (
          window_start <= due_on AND due_on - window_start = window_end - due_on AND window_end - due_on <= 28),
        CONSTRAINT follow_ups_settled_known CHECK (settled IN ('done', 'missed', 'cancelled'))
      )`);
    await queryRunner.query('CREATE INDEX follow_ups_by_admission ON follow_ups (admission_id, due_on)');
    await queryRunner.query(
      "CREATE UNIQUE INDEX follow_ups_one_per_week ON follow_ups (admission_id, weeks) WHERE kind = 'scheduled'",
    );
    // The worklist: open follow-ups whose window opens within the week, and missed ones still in their window.
    await queryRunner.query(
      'CREATE INDEX follow_ups_open ON follow_ups (window_start) WHERE settled IS NULL',
    );
    await queryRunner.query(
      "CREATE INDEX follow_ups_missed_in_window ON follow_ups (window_end) WHERE settled = 'missed'",
    );

    await queryRunner.query(`
      CREATE TABLE follow_up_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id),
        method text NOT NULL,
        at timestamptz NOT NULL,
        result text NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_up_attempts_method CHECK (method IN ('phone', 'clinic', 'video', 'letter')),
        CONSTRAINT follow_up_attempts_result CHECK (
          result IN ('reached', 'no-answer', 'message-left', 'wrong-number', 'declined')),
        CONSTRAINT follow_up_attempts_note_length CHECK (length(note) <= 2000)
      )`);
    await queryRunner.query(
      'CREATE INDEX follow_up_attempts_by_follow_up ON follow_up_attempts (follow_up_id, at)',
    );

    await queryRunner.query(`
      CREATE TABLE follow_up_outcomes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        assessed_on date NOT NULL,
        method text NOT NULL,
        pain_now integer NOT NULL,
        pain_worst_week integer,
        pgic integer,
        pgic_wording text,
        benefit_ongoing boolean NOT NULL,
        benefit_returned boolean,
        benefit_ended_on date,
        benefit_ended_on_approximate boolean NOT NULL DEFAULT false,
        medication_changes text,
        adverse_effects text,
        adverse_effects_grade text,
        readmission_planned boolean,
        comment text,
        instruments jsonb NOT NULL DEFAULT '[]',
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        entered_in_error_by uuid REFERENCES users (id),
        entered_in_error_at timestamptz,
        entered_in_error_reason text,
        CONSTRAINT follow_up_outcomes_method CHECK (method IN ('phone', 'clinic', 'video', 'letter', 'patient-reported')),
        CONSTRAINT follow_up_outcomes_pain_now_nrs CHECK (pain_now BETWEEN 0 AND 10),
        CONSTRAINT follow_up_outcomes_pain_worst_nrs CHECK (pain_worst_week BETWEEN 0 AND 10),
        CONSTRAINT follow_up_outcomes_pgic_range CHECK (pgic BETWEEN 1 AND 7),
        CONSTRAINT follow_up_outcomes_pgic_wording CHECK ((pgic IS NULL) = (pgic_wording IS NULL)),
        CONSTRAINT follow_up_outcomes_benefit_end CHECK (benefit_ongoing = (benefit_ended_on IS NULL)),
        CONSTRAINT follow_up_outcomes_benefit_end_not_after_assessment CHECK (benefit_ended_on <= assessed_on),
        CONSTRAINT follow_up_outcomes_approximate_needs_date CHECK (NOT benefit_ended_on_approximate OR benefit_ended_on IS NOT NULL),
        CONSTRAINT follow_up_outcomes_returned_only_when_ongoing CHECK (benefit_returned IS NULL OR benefit_ongoing),
        CONSTRAINT follow_up_outcomes_grade CHECK (adverse_effects_grade IN ('none', 'mild', 'moderate', 'severe')),
        CONSTRAINT follow_up_outcomes_text_lengths CHECK (
          length(medication_changes) <= 2000 AND length(adverse_effects) <= 2000 AND length(comment) <= 2000),
        CONSTRAINT follow_up_outcomes_instruments_list CHECK (jsonb_typeof(instruments) = 'array'),
        CONSTRAINT follow_up_outcomes_error_whole CHECK (
          (entered_in_error_at IS NULL AND entered_in_error_by IS NULL AND entered_in_error_reason IS NULL)
          OR (entered_in_error_at IS NOT NULL AND entered_in_error_by IS NOT NULL
              AND length(btrim(coalesce(entered_in_error_reason, ''))) > 0))
      )`);
    // No second current outcome on one follow-up (the service answers 409 first).
    await queryRunner.query(
      'CREATE UNIQUE INDEX follow_up_outcomes_one_current ON follow_up_outcomes (follow_up_id) WHERE entered_in_error_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX follow_up_outcomes_by_admission ON follow_up_outcomes (admission_id, assessed_on)',
    );

    await queryRunner.query(`
      CREATE TABLE follow_up_cancellations (
        follow_up_id uuid PRIMARY KEY REFERENCES follow_ups (id),
        reason text NOT NULL,
        terminal_event_id uuid REFERENCES follow_up_terminal_events (id),
        cancelled_by uuid NOT NULL REFERENCES users (id),
        cancelled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_up_cancellations_reason CHECK (length(btrim(reason)) > 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE instrument_definitions (
        code text NOT NULL,
        version text NOT NULL,
        definition jsonb NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version),
        CONSTRAINT instrument_definitions_code CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
        CONSTRAINT instrument_definitions_matches CHECK (definition ->> 'code' = code AND definition ->> 'version' = version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE instrument_definitions');
    await queryRunner.query('DROP TABLE follow_up_cancellations');
    await queryRunner.query('DROP TABLE follow_up_outcomes');
    await queryRunner.query('DROP TABLE follow_up_attempts');
    await queryRunner.query('DROP TABLE follow_ups');
    await queryRunner.query('DROP TABLE follow_up_terminal_events');
    await queryRunner.query('DROP TABLE follow_up_schedule_versions');
    await queryRunner.query(`
      ALTER TABLE admissions
        DROP CONSTRAINT admissions_discharge_scores_at_discharge,
        DROP COLUMN pgic_wording,
        DROP COLUMN pgic_at_discharge,
        DROP COLUMN pain_at_discharge`);
    await queryRunner.query(`
      ALTER TABLE patients
        DROP COLUMN preferred_contact_method,
        DROP COLUMN phone_numbers`);
  }
}
