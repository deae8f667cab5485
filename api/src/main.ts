import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { DEMO_PASSWORD } from './auth/demo-password';
import { DEMO_ACCOUNTS } from './database/demo-seed';
import { startPortal } from './portal';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const portal = await startPortal(config);

  const lines = [
    '',
    `  Service request portal running at ${portal.url}`,
    `  API: ${portal.url}/api/v1${config.apiDocs ? ` · OpenAPI: ${portal.url}/api/docs` : ''}`,
    `  Database: ${portal.embedded ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (config.demoMode) {
    lines.push(`  Demo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.role.padEnd(15)} ${account.email.padEnd(34)} ${account.name}`);
    const history = portal.demoHistory;
    if (history?.state === 'loading') {
      lines.push(
        '  Demo history: loading in the background (about 18 months of requests); the reports and inboxes fill in within a minute.',
      );
    } else if (history?.state === 'loaded') {
      const summary = await history.done;
      lines.push(
        `  Demo history: ${summary?.requests.toLocaleString('en') ?? 'its'} requests of the 18 months before the first start (loaded then).`,
      );
    } else if (!config.DEMO_HISTORY) {
      lines.push('  Demo history: off (DEMO_HISTORY=false).');
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  if (portal.demoHistory?.state === 'loading') {
    portal.demoHistory.done.then(
      (summary) => {
        if (summary)
          process.stdout.write(
            `  Demo history loaded: ${summary.requests.toLocaleString('en')} requests, ${summary.messages.toLocaleString('en')} messages, ${summary.attachments.toLocaleString('en')} files, in ${summary.seconds} s.\n`,
          );
      },
      (error: unknown) =>
        process.stdout.write(
          `  Demo history could not be loaded (${error instanceof Error ? error.message : String(error)}); the next start tries again.\n`,
        ),
    );
  }

  // Graceful shutdown: stop taking connections, let in-flight requests finish, then close
  // the database (and the embedded server, which flushes its data folder).
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received: shutting down\n`);
    // A shutdown that cannot finish (a stuck connection) must not keep the process forever.
    setTimeout(() => {
      process.stderr.write('shutdown took longer than 25 s: exiting\n');
      process.exit(1);
    }, 25_000).unref();
    portal.stop().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(
    `The portal could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
