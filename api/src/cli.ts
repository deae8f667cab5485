import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/migrate';
import { copyPortalDatabase } from './database/move-to-postgres';

/**
 * Operator commands:
 *   node cli.js migrate            apply pending migrations to DATABASE_URL (and the demo data with SEED_DEMO=true)
 *   node cli.js revert             undo the last migration
 *   node cli.js embedded-postgres  serve an embedded PGlite database over the wire protocol
 *                                  on a free loopback port (DATA_DIR, or in memory with DATA_DIR=:memory:)
 *   node cli.js move-embedded-to-postgres
 *                                  copy the embedded database of DATA_DIR (the portal stopped) into
 *                                  the new, empty PostgreSQL database of DATABASE_URL (migrated first)
 */
async function run(command: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate':
    case 'revert': {
      if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL: required for this command');
      const dataSource = createDataSource(config.DATABASE_URL, 2);
      await dataSource.initialize();
      try {
        if (command === 'revert') await dataSource.undoLastMigration({ transaction: 'each' });
        else {
          const applied = await prepareDatabase(dataSource, config.DATABASE_URL, {
            seedDemo: config.SEED_DEMO === true,
          });
          process.stdout.write(`migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}\n`);
        }
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'embedded-postgres': {
      const memory = config.DATA_DIR === ':memory:';
      const server = await startEmbeddedPostgres(memory ? null : config.DATA_DIR, {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever came along, as text
        onWarning: (message, error) => process.stderr.write(`${message} ${String(error ?? '')}\n`),
      });
      process.stdout.write(`embedded-postgres ready ${server.url}\n`);
      const stop = () => void server.stop().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      return;
    }
    case 'move-embedded-to-postgres': {
      if (!config.DATABASE_URL)
        throw new ConfigError('DATABASE_URL: the PostgreSQL database to move the embedded data into');
      const embedded = await startEmbeddedPostgres(config.DATA_DIR);
      try {
        // Both at the schema version of this build, so that every table and column matches.
        for (const url of [embedded.url, config.DATABASE_URL]) {
          const dataSource = createDataSource(url, 2);
          await dataSource.initialize();
          try {
            await prepareDatabase(dataSource, url, { seedDemo: false });
          } finally {
            await dataSource.destroy();
          }
        }
        const counts = await copyPortalDatabase(embedded.url, config.DATABASE_URL);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `moved ${total} rows from ${config.DATA_DIR} into DATABASE_URL: ${counts.requests ?? 0} requests, ${counts.users ?? 0} people, ${counts.organizations ?? 0} organizations\n`,
        );
        process.stdout.write(
          `start the portal with this DATABASE_URL (and SEED_DEMO=true to keep signing in with the demo accounts); attachments stay in ${config.attachmentsDir}: copy that folder to the new ATTACHMENTS_DIR\n`,
        );
      } finally {
        await embedded.stop();
      }
      return;
    }
    default:
      throw new ConfigError(
        `unknown command "${command ?? ''}": use migrate, revert, embedded-postgres or move-embedded-to-postgres`,
      );
  }
}

run(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
