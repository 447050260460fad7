import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist's indexes, on expressions the planner keeps statistics for. The partial indexes of
 * AddFollowUps (window_start WHERE settled IS NULL, window_end WHERE settled = 'missed') found the right
 * rows, but the planner estimated them from the whole table: "settled IS NULL" (every upcoming
 * follow-up of the last half year) times "window_start <= today + 7" (nearly every row) came to
 * thousands of rows on 10 years of history instead of the hundred or so, and it hashed all admissions
 * and patients for each read. ANALYZE gathers statistics on an index's expression, so that
 * CASE WHEN settled IS NULL THEN window_start END <= today + 7 is estimated from the open follow-ups
 * alone; the worklist query (follow-ups.queries.ts) uses these expressions, and the partial indexes go.
 */
export class AddFollowUpWorklistIndexes1765100000000 implements MigrationInterface {
  name = 'AddFollowUpWorklistIndexes1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX follow_ups_open_by_window_start ON follow_ups ((CASE WHEN settled IS NULL THEN window_start END))',
    );
    await queryRunner.query(
      "CREATE INDEX follow_ups_missed_by_window_end ON follow_ups ((CASE WHEN settled = 'missed' THEN window_end END))",
    );
    await queryRunner.query('DROP INDEX follow_ups_open');
    await queryRunner.query('DROP INDEX follow_ups_missed_in_window');
    // The statistics of the new expressions, now rather than at the next autovacuum.
    await queryRunner.query('ANALYZE follow_ups');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX follow_ups_open ON follow_ups (window_start) WHERE settled IS NULL',
    );
    await queryRunner.query(
      "CREATE INDEX follow_ups_missed_in_window ON follow_ups (window_end) WHERE settled = 'missed'",
    );
    await queryRunner.query('DROP INDEX follow_ups_missed_by_window_end');
    await queryRunner.query('DROP INDEX follow_ups_open_by_window_start');
  }
}
