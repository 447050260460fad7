import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A terminal event recorded in error (ADR 4): marking it entered in error reopens the follow-ups it
 * cancelled that are still meaningful, as new follow-ups that name the cancelled one they reopen. The
 * cancelled row and its cancellation stay as they were, so a week may now have a cancelled follow-up
 * and its reopened successor: only one that is not cancelled per week.
 */
export class AddFollowUpReopening1764950000000 implements MigrationInterface {
  name = 'AddFollowUpReopening1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE follow_ups
        ADD COLUMN reopens_follow_up_id uuid REFERENCES follow_ups (id),
        ADD CONSTRAINT follow_ups_reopens_another CHECK (reopens_follow_up_id <> id)`);
    // A cancelled follow-up is reopened at most once.
    await queryRunner.query(
      'CREATE UNIQUE INDEX follow_ups_reopened_once ON follow_ups (reopens_follow_up_id) WHERE reopens_follow_up_id IS NOT NULL',
    );
    await queryRunner.query('DROP INDEX follow_ups_one_per_week');
    await queryRunner.query(
      "CREATE UNIQUE INDEX follow_ups_one_per_week ON follow_ups (admission_id, weeks) WHERE kind = 'scheduled' AND settled IS DISTINCT FROM 'cancelled'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Going back would mean deleting reopened follow-ups (clinical rows): refuse rather than do that.
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM follow_ups WHERE reopens_follow_up_id IS NOT NULL) THEN
          RAISE EXCEPTION 'follow-ups were reopened after a terminal event entered in error; cannot revert AddFollowUpReopening';
        END IF;
      END $$`);
    await queryRunner.query('DROP INDEX follow_ups_one_per_week');
    await queryRunner.query(
      "CREATE UNIQUE INDEX follow_ups_one_per_week ON follow_ups (admission_id, weeks) WHERE kind = 'scheduled'",
    );
    await queryRunner.query('DROP INDEX follow_ups_reopened_once');
    await queryRunner.query(`
      ALTER TABLE follow_ups
        DROP CONSTRAINT follow_ups_reopens_another,
        DROP COLUMN reopens_follow_up_id`);
  }
}
