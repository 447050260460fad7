import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New observation sets get time-ordered ids (UUID version 7, RFC 9562) instead of random ones, so each
 * insert lands on the right-hand page of the primary key's index rather than on a random page: fewer
 * pages touched and written in full after a checkpoint on the ward's busiest table (issue 14). Existing
 * ids stay as they are. audit_events already has a sequential bigint key.
 *
 * `uuid_v7()` is ours, in SQL, because PostgreSQL has `uuidv7()` only from 18 and we run on 15 to 18:
 * the random bytes and variant of `gen_random_uuid()`, with the first 64 bits replaced by the Unix time in
 * milliseconds (48 bits), the version (7) and the sub-millisecond fraction in 12 bits (RFC 9562 section
 * 6.2, method 3), so ids made by one session a microsecond or more apart are in order.
 */
export class AddTimeOrderedObservationSetIds1765000000000 implements MigrationInterface {
  name = 'AddTimeOrderedObservationSetIds1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $$
      DECLARE
        micros bigint := (extract(epoch FROM clock_timestamp()) * 1000000)::bigint;
      BEGIN
        RETURN encode(
          overlay(uuid_send(gen_random_uuid())
            PLACING int8send(((micros / 1000) << 16) | (7 << 12) | ((micros % 1000) * 4096 / 1000))
            FROM 1 FOR 8),
          'hex')::uuid;
      END
      $$`);
    await queryRunner.query(
      "COMMENT ON FUNCTION uuid_v7() IS 'A UUID version 7 (RFC 9562): Unix milliseconds, version, 12 bits of sub-millisecond time, 62 random bits'",
    );
    await queryRunner.query('ALTER TABLE observation_sets ALTER COLUMN id SET DEFAULT uuid_v7()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE observation_sets ALTER COLUMN id SET DEFAULT gen_random_uuid()');
    await queryRunner.query('DROP FUNCTION uuid_v7()');
  }
}
