import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The receipt a member gets by email for a request it filed (issue 18). */
export class RequestReceipt1764426000000 implements MigrationInterface {
  name = 'RequestReceipt1764426000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        'request.assigned', 'request.reply', 'request.status_changed', 'request.resolved', 'request.breached', 'request.escalated',
        'request.received', 'account.invitation', 'account.password-reset'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = 'request.received'`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        'request.assigned', 'request.reply', 'request.status_changed', 'request.resolved', 'request.breached', 'request.escalated',
        'account.invitation', 'account.password-reset'))`);
  }
}
