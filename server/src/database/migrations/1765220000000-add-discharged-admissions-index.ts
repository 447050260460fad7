import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The discharged admissions in discharge order, for the analysis data set's keyset batches
 * (outcome-report.queries.ts, analysisRows): each batch reads its next rows from the index instead of
 * scanning and sorting every admission, so that a whole export costs one pass rather than one per batch.
 */
export class AddDischargedAdmissionsIndex1765220000000 implements MigrationInterface {
  name = 'AddDischargedAdmissionsIndex1765220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE INDEX admissions_discharged_in_order ON admissions (discharged_at, id) WHERE status = 'discharged'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX admissions_discharged_in_order');
  }
}
