import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions later features rely on: accent-insensitive patient search and trigram indexes. */
export class EnableExtensions1764061200000 implements MigrationInterface {
  name = 'EnableExtensions1764061200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
