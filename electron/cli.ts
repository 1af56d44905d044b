import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/contract/result';
import { warningLines, warningSummary } from '../core/csv/warnings';
import { classifyOpenError, databasePath } from '../db/open';
import { createBackend } from './backend';
import { CliSignInError, signInForCli } from './cli-auth';
import { exportFaqCommand } from './cli-faq';
import { busyTimeoutFromEnv, clockFromEnv, defaultDataDir } from './host-options';
import { currentUser } from './services/context';

const USAGE = `Usage: npm run console -- <command> [options]

Commands:
  import FILE        Import a callback list (CSV, UTF-8 or GBK) and print the counts.
  export-faq         Export the published FAQ to a file (written whole or not at all; signs in with --user).

Options:
  --data-dir DIR     The console's data folder (default: ${defaultDataDir()}; env CONSOLE_DATA_DIR)
  --user NAME        who runs the command (your name in the console); the password is asked for
                     with no echo, or read from CONSOLE_PASSWORD
  --dry-run          Validate and count only; import nothing.
  --format FORMAT    export-faq: md, html, csv or json
  --out FILE         export-faq: the file to write
  --locale LOCALE    export-faq: zh-CN, en or both (default both; English only where an entry has it)
  --category KEY     export-faq: one ticket category (default all)

Environment:
  CONSOLE_PASSWORD         The --user's password, for scripts (never pass it as an argument).
  CONSOLE_BUSY_TIMEOUT_MS  How long to wait for another program's write to the database (default 5000).

Exit codes: 0 done; 1 failed; 75 the database stayed locked by another program (try again later).
`;

/** sysexits' EX_TEMPFAIL: nothing is wrong with the input; the same command can succeed later. */
const EXIT_LOCKED = 75;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function failLocked(dataDir: string, busyTimeoutMs: number): never {
  const seconds = Math.round(busyTimeoutMs / 100) / 10;
  fail(
    [
      `The console database is locked: another program (a console window, the web console or another import) kept it busy for longer than ${seconds} s.`,
      'Nothing was imported. Try again when it has finished, or close the other program first.',
      `  database: ${databasePath(dataDir)}`,
      '  (CONSOLE_BUSY_TIMEOUT_MS=<milliseconds> waits longer.)',
    ].join('\n'),
    EXIT_LOCKED,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: defaultDataDir() },
      'dry-run': { type: 'boolean', default: false },
      user: { type: 'string' },
      help: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      locale: { type: 'string' },
      category: { type: 'string' },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) return void console.log(USAGE);
  if (command === 'export-faq') {
    const { format, out, locale, category } = values;
    process.exit(await exportFaqCommand({ format, out, locale, category, dataDir: values['data-dir'], user: values.user }, console));
  }
  if (command !== 'import') fail(`Unknown command “${command}”.\n\n${USAGE}`);
  if (!file) fail(`Which file? ${USAGE}`);

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(file));
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const dataDir = resolve(values['data-dir']);
  const busyTimeoutMs = busyTimeoutFromEnv();
  const backend = createBackend({ dataDir, clock: clockFromEnv(), busyTimeoutMs });
  const opened = backend.context;
  if (!opened) {
    const status = (await backend.invoke('system.status', {})) as { ok: true; value: { db: { code?: string; message?: string } } };
    if (status.value.db.code === 'DB_LOCKED') failLocked(dataDir, busyTimeoutMs);
    fail(`The console database cannot be opened: ${status.value.db.message ?? 'unknown error'}`);
  }
  try {
    const ctx = await signInForCli(backend, opened, values.user, `import ${file}`);
    const user = currentUser(ctx);
    process.stderr.write(`Reading ${basename(file)}…\n`);
    const job = await ctx.imports.startAndWait(ctx, basename(file), bytes);
    if (job.phase === 'failed') fail(`Import failed: ${job.error.message}`);
    if (job.phase !== 'ready') fail(`Import stopped unexpectedly (${job.phase}).`);
    const { report } = job;
    for (const e of report.errors) console.log(`  line ${e.line}: ${e.column ?? 'row'} — ${e.message}${e.value ? ` (“${e.value}”)` : ''}`);
    if (report.invalid > report.errors.length) console.log(`  … and ${report.invalid - report.errors.length} more invalid rows`);
    for (const line of warningLines(report.warnings, report.warningCounts)) console.log(line);
    let imported = 0;
    let duplicates = report.duplicates;
    if (!values['dry-run'] && report.valid > 0) {
      process.stderr.write(`Saving ${report.valid} rows…\n`);
      const done = ctx.imports.commit(ctx, job.jobId, user.id);
      if (done.phase === 'done') ({ imported, duplicates } = done);
    }
    console.log(
      [
        `file:        ${basename(file)} (${report.encoding})`,
        `rows:        ${report.totalRows}`,
        `imported:    ${imported}${values['dry-run'] ? ' (dry run)' : ''}`,
        `duplicates:  ${duplicates} (already open, skipped)`,
        `invalid:     ${report.invalid}`,
        `blank lines: ${report.blankLines} (ignored)`,
        ...warningSummary(report.warningCounts),
      ].join('\n'),
    );
  } catch (error) {
    // SQLite gives up on a lock after the busy timeout (SQLITE_BUSY): the commit rolled back, nothing was written.
    if (classifyOpenError(error, databasePath(dataDir)).code === 'DB_LOCKED') failLocked(dataDir, busyTimeoutMs);
    if (error instanceof AppError && error.code === 'DB_LOCKED') failLocked(dataDir, busyTimeoutMs);
    if (error instanceof CliSignInError) {
      backend.close();
      fail(error.message, error.exitCode);
    }
    if (error instanceof AppError) fail(`${error.code}: ${error.message}`);
    fail(`Import failed: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`);
  } finally {
    backend.close();
  }
}

// A message, never a stack trace: whatever escapes main() is reported in one line.
await main().catch((error: unknown) => fail(`callback console: ${error instanceof Error ? error.message : String(error)}`));
