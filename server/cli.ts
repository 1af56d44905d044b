import { parseArgs } from 'node:util';
import { ServerError } from './http/errors';
import { ADMIN_USAGE, parseAdmin, runAdmin } from './cli/admin';
import { defaultDataDir, openCliDb } from './cli/database';
import { CliError } from './cli/errors';
import { runServer } from './cli/serve';

/*
 * `npm run server [-- options]` starts the central server; `npm run server -- admin …` manages teams
 * and accounts. Every failure is one sentence and an exit code (1 failed, 2 wrong usage).
 */

const USAGE = `Usage: npm run server -- [--port 5180] [--host 127.0.0.1] [--data-dir DIR] [--demo] [--trust-proxy]
       npm run server -- admin <command> …   (npm run server -- admin help)

DATABASE_URL=postgres://… selects a real PostgreSQL; otherwise the data lives in PGlite (embedded
PostgreSQL) under --data-dir (default ${defaultDataDir()}).`;

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<void> {
  const adminAt = argv.indexOf('admin');
  const isAdmin = adminAt !== -1 && argv.slice(0, adminAt).every((a, i, all) => a.startsWith('--') || all[i - 1] === '--data-dir');
  // --data-dir may come before or after "admin"; everything else after it belongs to the command.
  const global = isAdmin ? argv.slice(0, adminAt) : argv;
  const adminArgs = isAdmin ? argv.slice(adminAt + 1) : [];
  const dataDirInAdmin = adminArgs.indexOf('--data-dir');
  let dataDirOverride: string | undefined;
  if (dataDirInAdmin !== -1) {
    dataDirOverride = adminArgs[dataDirInAdmin + 1];
    if (!dataDirOverride) throw new CliError('--data-dir needs a folder.', 2);
    adminArgs.splice(dataDirInAdmin, 2);
  }

  let values;
  try {
    ({ values } = parseArgs({
      args: global,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean' },
        'trust-proxy': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) {
    print(USAGE);
    return;
  }
  const command = isAdmin ? await parseAdmin(adminArgs) : undefined;
  if (command?.kind === 'help') {
    print(ADMIN_USAGE);
    return;
  }
  const port = values.port === undefined ? 5180 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port takes a number from 0 to 65535, not ${values.port}.`, 2);

  const opened = await openCliDb({ dataDir: dataDirOverride ?? values['data-dir'], databaseUrl: process.env.DATABASE_URL || undefined });
  if (command) {
    try {
      await runAdmin(opened.db, command, print);
    } finally {
      await opened.close();
    }
    return;
  }
  try {
    await runServer(opened, { host: values.host ?? '127.0.0.1', port, demo: values.demo === true, trustProxy: values['trust-proxy'] === true }, print);
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.exitCode);
    }
    if (error instanceof ServerError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.code === 'BAD_INPUT' ? 2 : 1);
    }
    process.stderr.write(`Unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
