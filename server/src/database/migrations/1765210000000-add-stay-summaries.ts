import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A summary of each stay's observation sets for the service report (ADR 9): derived data, never a
 * clinical record. Every change to a row it is made from (an observation set, its correction, an
 * infusion event, a rate order or its correction, a schedule) bumps the admission's `generation` in
 * the same transaction; the figures count only while `summarized_generation` equals it, so a summary
 * made from an older snapshot can never be read as current, whatever the interleaving. The bump is one
 * upsert by primary key: cheap enough for the recording of a set (issue 14). The worst grade of each
 * side effect (0 none to 3 severe, NULL not graded) is an array in the order of libs/clinical's
 * SIDE_EFFECTS: counting array elements is three times cheaper than reading jsonb keys, and a change of
 * that list must bump every generation (ADR 9).
 */
export class AddStaySummaries1765210000000 implements MigrationInterface {
  name = 'AddStaySummaries1765210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stay_summaries (
        admission_id uuid PRIMARY KEY REFERENCES admissions (id) ON DELETE CASCADE,
        generation bigint NOT NULL DEFAULT 0,
        summarized_generation bigint,
        sets integer,
        sedation_rank smallint,
        side_effect_grades smallint[],
        complete_news2 integer,
        news2_high_sets integer,
        news2_episodes integer,
        pump_checks integer,
        pump_discrepancies integer,
        on_time_assessed integer,
        on_time integer
      )`);
    await queryRunner.query(`
      CREATE FUNCTION stay_summary_outdated(admission uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO stay_summaries (admission_id, generation) VALUES (admission, 1)
        ON CONFLICT (admission_id) DO UPDATE SET generation = stay_summaries.generation + 1
      $$`);
    // Rows that carry their admission.
    await queryRunner.query(`
      CREATE FUNCTION stay_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'DELETE' THEN PERFORM stay_summary_outdated(NEW.admission_id); END IF;
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.admission_id IS DISTINCT FROM NEW.admission_id) THEN
          PERFORM stay_summary_outdated(OLD.admission_id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['observation_sets', 'infusion_events', 'infusion_orders', 'observation_schedules']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_outdate_stay_summary AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION stay_row_changed()`,
      );
    }
    // Corrections, which name the set or the order.
    await queryRunner.query(`
      CREATE FUNCTION observation_set_correction_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stay_summary_outdated(s.admission_id) FROM observation_sets s
        WHERE s.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.set_id ELSE NEW.set_id END;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER observation_set_corrections_outdate_stay_summary
      AFTER INSERT OR UPDATE OR DELETE ON observation_set_corrections
      FOR EACH ROW EXECUTE FUNCTION observation_set_correction_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION infusion_order_correction_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stay_summary_outdated(o.admission_id) FROM infusion_orders o
        WHERE o.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.order_id ELSE NEW.order_id END;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER infusion_order_corrections_outdate_stay_summary
      AFTER INSERT OR UPDATE OR DELETE ON infusion_order_corrections
      FOR EACH ROW EXECUTE FUNCTION infusion_order_correction_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER infusion_order_corrections_outdate_stay_summary ON infusion_order_corrections',
    );
    await queryRunner.query('DROP FUNCTION infusion_order_correction_changed()');
    await queryRunner.query(
      'DROP TRIGGER observation_set_corrections_outdate_stay_summary ON observation_set_corrections',
    );
    await queryRunner.query('DROP FUNCTION observation_set_correction_changed()');
    for (const table of ['observation_sets', 'infusion_events', 'infusion_orders', 'observation_schedules']) {
      await queryRunner.query(`DROP TRIGGER ${table}_outdate_stay_summary ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION stay_row_changed()');
    await queryRunner.query('DROP FUNCTION stay_summary_outdated(uuid)');
    await queryRunner.query('DROP TABLE stay_summaries');
  }
}
