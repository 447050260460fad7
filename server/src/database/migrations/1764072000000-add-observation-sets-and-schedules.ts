import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bedside observation sets with their stored NEWS2 and flags (never edited: corrections mark a set
 * entered in error), idempotent creation, and the prescriber's observation schedule per admission
 * (append-only: the newest row applies).
 */
export class AddObservationSetsAndSchedules1764072000000 implements MigrationInterface {
  name = 'AddObservationSetsAndSchedules1764072000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE observation_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        taken_at timestamptz NOT NULL,
        respiration_rate integer,
        spo2 integer,
        spo2_scale smallint NOT NULL DEFAULT 1,
        supplemental_oxygen boolean,
        oxygen_device text,
        systolic_bp integer,
        diastolic_bp integer,
        pulse integer,
        consciousness text,
        temperature_c numeric(3, 1),
        sedation text,
        pain_score integer,
        side_effects jsonb NOT NULL DEFAULT '{}',
        pump_rate_value numeric,
        pump_rate_unit text,
        comment text,
        news2 jsonb NOT NULL,
        news2_total integer,
        news2_response text,
        flags text[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        idempotency_key text,
        request_fingerprint text,
        CONSTRAINT observation_sets_rr CHECK (respiration_rate BETWEEN 0 AND 80),
        CONSTRAINT observation_sets_spo2 CHECK (spo2 BETWEEN 40 AND 100),
        CONSTRAINT observation_sets_spo2_scale CHECK (spo2_scale IN (1, 2)),
        CONSTRAINT observation_sets_bp CHECK (systolic_bp BETWEEN 30 AND 300 AND diastolic_bp BETWEEN 10 AND 200),
        CONSTRAINT observation_sets_pulse CHECK (pulse BETWEEN 20 AND 250),
        CONSTRAINT observation_sets_temperature CHECK (temperature_c BETWEEN 25.0 AND 45.0),
        CONSTRAINT observation_sets_consciousness CHECK (consciousness IN ('alert', 'confusion', 'voice', 'pain', 'unresponsive')),
        CONSTRAINT observation_sets_sedation_poss CHECK (sedation IN ('S', '1', '2', '3', '4')),
        CONSTRAINT observation_sets_pain_nrs CHECK (pain_score BETWEEN 0 AND 10),
        CONSTRAINT observation_sets_pump_whole CHECK ((pump_rate_value IS NULL) = (pump_rate_unit IS NULL)),
        CONSTRAINT observation_sets_pump_unit CHECK (pump_rate_unit IN ('mg/kg/h', 'mg/h', 'mcg/kg/min', 'mL/h'))
      )`);
    await queryRunner.query(
      'CREATE INDEX observation_sets_by_admission ON observation_sets (admission_id, taken_at DESC)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX observation_sets_idempotency ON observation_sets (admission_id, idempotency_key) WHERE idempotency_key IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE observation_set_corrections (
        set_id uuid PRIMARY KEY REFERENCES observation_sets (id),
        reason text NOT NULL,
        marked_by uuid NOT NULL REFERENCES users (id),
        marked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT observation_set_corrections_reason CHECK (length(btrim(reason)) > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE observation_schedules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        routine_minutes integer NOT NULL,
        intensified_minutes integer NOT NULL,
        intensified_for_minutes integer NOT NULL,
        set_by uuid NOT NULL REFERENCES users (id),
        set_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT observation_schedules_ranges CHECK (
          routine_minutes BETWEEN 15 AND 720 AND intensified_minutes BETWEEN 5 AND routine_minutes
          AND intensified_for_minutes BETWEEN 0 AND 1440)
      )`);
    await queryRunner.query(
      'CREATE INDEX observation_schedules_by_admission ON observation_schedules (admission_id, set_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE observation_schedules');
    await queryRunner.query('DROP TABLE observation_set_corrections');
    await queryRunner.query('DROP TABLE observation_sets');
  }
}
