import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/migrate';

/**
 * Operator commands:
 *   node cli.js migrate            apply pending migrations to DATABASE_URL (and the demo data with SEED_DEMO=true)
 *   node cli.js revert             undo the last migration
 *   node cli.js embedded-postgres  serve an embedded PGlite database over the wire protocol
 *                                  on a free loopback port (DATA_DIR, or in memory with DATA_DIR=:memory:)
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
          const applied = await prepareDatabase(dataSource, config.DATABASE_URL, { seedDemo: config.SEED_DEMO === true });
          process.stdout.write(`migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}\n`);
        }
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'embedded-postgres': {
      const memory = config.DATA_DIR === ':memory:';
      const server = await startEmbeddedPostgres(memory ? null : config.DATA_DIR, { onWarning: (message, error) => process.stderr.write(`${message} ${String(error ?? '')}\n`) });
      process.stdout.write(`embedded-postgres ready ${server.url}\n`);
      const stop = () => server.stop().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      return;
    }
    default:
      throw new ConfigError(`unknown command "${command ?? ''}": use migrate, revert or embedded-postgres`);
  }
}

run(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
