import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline keeps each stay's observation columns while nothing they are made from has changed
 * (ADR 11): the stay's generation (stay_summaries, ADR 9) covers its sets and their corrections, and
 * this one-row counter covers the staff names written beside them. It is bumped in the same
 * transaction as any change of a user's display name, so a read sees a name and its version together.
 */
export class AddStaffNameVersions1765300000000 implements MigrationInterface {
  name = 'AddStaffNameVersions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
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
  }
}
