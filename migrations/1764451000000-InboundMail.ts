import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answer by email (issue 22): every mail the portal's mailbox received, once per Message-ID
 * (the unique key is what makes a mail processed exactly once across API processes: the row
 * is inserted in the transaction that writes the message or the request), and the polite
 * answers sent to unknown senders, at most one a day per address.
 */
export class InboundMail1764451000000 implements MigrationInterface {
  name = 'InboundMail1764451000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbound_mails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_key text NOT NULL CHECK (length(message_key) BETWEEN 1 AND 1000),
        received_at timestamptz NOT NULL DEFAULT now(),
        from_address text NOT NULL,
        subject text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('reply', 'request', 'refused')),
        refusal text CHECK (refusal IN ('unknown-sender', 'automatic', 'loop', 'forged-reply-address', 'not-allowed',
          'request-closed', 'staff-new-mail', 'inactive-organization', 'empty', 'too-large', 'failed-authentication')),
        request_id uuid REFERENCES requests (id),
        message_id uuid REFERENCES request_messages (id),
        sender_id uuid REFERENCES users (id),
        refused_files jsonb NOT NULL DEFAULT '[]',
        CHECK ((outcome = 'refused') = (refusal IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX inbound_mails_message_key ON inbound_mails (message_key)`);
    await db.query(
      `CREATE INDEX inbound_mails_listed_idx ON inbound_mails ((outcome = 'refused') DESC, received_at DESC)`,
    );
    await db.query(`
      CREATE TABLE inbound_mail_answers (
        address text PRIMARY KEY,
        answered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inbound_mail_answers`);
    await db.query(`DROP TABLE inbound_mails`);
  }
}
