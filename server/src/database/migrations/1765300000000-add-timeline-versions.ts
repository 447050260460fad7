import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline keeps its last answer for each stay while nothing it is made from has changed (ADR 11).
 * The stay's generation (stay_summaries, ADR 9) already covers its admission, orders, events, sets,
 * follow-ups, outcomes and their corrections; this adds the patient's details (a change to a patient
 * bumps the generation of each of their admissions) and the staff names written beside every record: a
 * one-row counter bumped by any change of a user's display name. Both in the same transaction as the
 * change, so a read sees a value and its version together.
 */
export class AddTimelineVersions1765300000000 implements MigrationInterface {
  name = 'AddTimelineVersions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION patient_details_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stay_summary_outdated(a.id) FROM admissions a WHERE a.patient_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER patients_outdate_stays AFTER UPDATE ON patients
      FOR EACH ROW EXECUTE FUNCTION patient_details_changed()`);
    await queryRunner.query(`
      CREATE TABLE staff_name_versions (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        version bigint NOT NULL
      )`);
    await queryRunner.query('INSERT INTO staff_name_versions (version) VALUES (1)');
    await queryRunner.query(`
      CREATE FUNCTION staff_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE staff_name_versions SET version = version + 1;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_staff_name_changed AFTER UPDATE OF display_name ON users
      FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
      EXECUTE FUNCTION staff_name_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER users_staff_name_changed ON users');
    await queryRunner.query('DROP FUNCTION staff_name_changed()');
    await queryRunner.query('DROP TABLE staff_name_versions');
    await queryRunner.query('DROP TRIGGER patients_outdate_stays ON patients');
    await queryRunner.query('DROP FUNCTION patient_details_changed()');
  }
}
