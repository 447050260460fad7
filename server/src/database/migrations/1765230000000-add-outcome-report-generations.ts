import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcome report's answers are kept while nothing they are made from has changed (ADR 9): the
 * admission's generation (stay_summaries, AddStaySummaries) is now bumped also by its follow-ups, their
 * outcomes and cancellations, its terminal events, and any write to an admission of the same patient
 * (a readmission changes how an earlier stay is censored). One upsert per row written, by primary key.
 */
export class AddOutcomeReportGenerations1765230000000 implements MigrationInterface {
  name = 'AddOutcomeReportGenerations1765230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['follow_ups', 'follow_up_outcomes', 'follow_up_terminal_events']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_outdate_stay_summary AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION stay_row_changed()`,
      );
    }
    await queryRunner.query(`
      CREATE FUNCTION follow_up_cancellation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stay_summary_outdated(f.admission_id) FROM follow_ups f
        WHERE f.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.follow_up_id ELSE NEW.follow_up_id END;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER follow_up_cancellations_outdate_stay_summary
      AFTER INSERT OR UPDATE OR DELETE ON follow_up_cancellations
      FOR EACH ROW EXECUTE FUNCTION follow_up_cancellation_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION patient_admission_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stay_summary_outdated(a.id) FROM admissions a
        WHERE a.patient_id IN (
          CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.patient_id END,
          CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.patient_id END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER admissions_outdate_stay_summary AFTER INSERT OR UPDATE OR DELETE ON admissions
      FOR EACH ROW EXECUTE FUNCTION patient_admission_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER admissions_outdate_stay_summary ON admissions');
    await queryRunner.query('DROP FUNCTION patient_admission_changed()');
    await queryRunner.query(
      'DROP TRIGGER follow_up_cancellations_outdate_stay_summary ON follow_up_cancellations',
    );
    await queryRunner.query('DROP FUNCTION follow_up_cancellation_changed()');
    for (const table of ['follow_ups', 'follow_up_outcomes', 'follow_up_terminal_events']) {
      await queryRunner.query(`DROP TRIGGER ${table}_outdate_stay_summary ON ${table}`);
    }
  }
}
