import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: a set records only what was assessed. Side effects may be "not assessed" (NULL, never
 * "none"); a set without a complete NEWS2 carries the reason the nurse gave; extreme readings carry the
 * nurse's confirmation. SpO2 scale 2 needs the prescriber's documented target, kept append-only per
 * admission (the newest row applies; a row with a NULL target withdraws it).
 */
export class AddPartialSetsAndConfirmations1764600000000 implements MigrationInterface {
  name = 'AddPartialSetsAndConfirmations1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE observation_sets
        ALTER COLUMN side_effects DROP NOT NULL,
        ALTER COLUMN side_effects DROP DEFAULT,
        ADD COLUMN partial_reason text,
        ADD COLUMN partial_reason_text text,
        ADD COLUMN confirmed_readings text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT observation_sets_partial_reason CHECK (
          partial_reason IN ('asleep', 'refused', 'unable', 'equipment-unavailable', 'other')),
        ADD CONSTRAINT observation_sets_partial_reason_text CHECK (
          (partial_reason_text IS NULL OR (partial_reason IS NOT NULL AND length(btrim(partial_reason_text)) > 0))
          AND (partial_reason IS DISTINCT FROM 'other' OR partial_reason_text IS NOT NULL)),
        ADD CONSTRAINT observation_sets_confirmed_readings CHECK (
          confirmed_readings <@ ARRAY['respirationRate', 'spo2', 'systolicBp', 'pulse', 'temperatureC']::text[])`);
    await queryRunner.query(`
      CREATE TABLE spo2_scale2_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        target text,
        set_by uuid NOT NULL REFERENCES users (id),
        set_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spo2_scale2_targets_target CHECK (target IS NULL OR length(btrim(target)) > 0)
      )`);
    await queryRunner.query(
      'CREATE INDEX spo2_scale2_targets_by_admission ON spo2_scale2_targets (admission_id, set_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE spo2_scale2_targets');
    // Sets stored with side effects not assessed keep that meaning as an empty object, as before.
    await queryRunner.query(`UPDATE observation_sets SET side_effects = '{}' WHERE side_effects IS NULL`);
    await queryRunner.query(`
      ALTER TABLE observation_sets
        DROP CONSTRAINT observation_sets_confirmed_readings,
        DROP CONSTRAINT observation_sets_partial_reason_text,
        DROP CONSTRAINT observation_sets_partial_reason,
        DROP COLUMN confirmed_readings,
        DROP COLUMN partial_reason_text,
        DROP COLUMN partial_reason,
        ALTER COLUMN side_effects SET DEFAULT '{}',
        ALTER COLUMN side_effects SET NOT NULL`);
  }
}
