import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's decision as fields beside its English sentence (issue 18): who was chosen, their
 * open cases at that moment and whose absence they covered, so that the reason can be phrased
 * in each reader's language and members read it without colleagues' workloads. Nullable, no
 * default: adding it rewrites nothing, and older requests keep their sentence for staff.
 */
export class RoutingFacts1764438000000 implements MigrationInterface {
  name = 'RoutingFacts1764438000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE requests ADD COLUMN routing_facts jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE requests DROP COLUMN routing_facts`);
  }
}
