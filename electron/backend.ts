import { contract } from '../core/contract/api';
import { METHOD_NAMES, PUBLIC_METHODS, type MethodName } from '../core/contract/methods';
import { AppError, fail, ok, type Result } from '../core/contract/result';
import type { SystemStatus } from '../core/contract/views';
import { databasePath, openDatabase, readJournal, defaultMigrationsFolder, type Db } from '../db/open';
import { countPending } from '../db/repos/outbox';
import type { ScryptParams } from '../core/auth/password';
import { Auth, createConsolePasswordHasher, type CallSession } from './services/auth';
import { makeIdFactory, type ServiceContext } from './services/context';
import { handlers } from './services/handlers';
import { ImportJobs } from './services/import-jobs';
import { installBuiltinScripts } from './services/scripts';
import { sessionInfo } from './services/session';
import { listUsers } from '../db/repos/users';
import { sweepBreaches } from './services/tickets';
import { getMeta } from '../db/repos/meta';
import { stmt } from '../db/repos/stmt';
import { SyncEngine } from './services/sync/engine';
import type { Fetch } from './services/sync/http';
import { classifyOpenError } from '../db/open';

export const APP_VERSION = '0.1.0';

export interface Backend {
  /**
   * Runs one contract method for the caller whose session the transport holds (`session.token`; the back
   * end sets it on sign-in and clears it on sign-out). Without a signed-in session only PUBLIC_METHODS run.
   */
  invoke(method: string, input: unknown, session?: CallSession): Promise<Result<unknown>>;
  /** Sessions in this process: tests and the CLI open one for a user directly (never over a transport). */
  readonly auth: Auth;
  /** Direct access for the CLI and tests; undefined when the database could not be opened. */
  readonly context: ServiceContext | undefined;
  close(): void;
}

export interface BackendOptions {
  dataDir: string;
  clock?: () => number;
  migrationsFolder?: string;
  /** How long a write waits for another connection's lock before failing with DB_LOCKED (default 5 s). */
  busyTimeoutMs?: number;
  /**
   * Record due SLA breaches on a timer too, not only when the renderer polls its notifications: a console
   * left on another page (or minimised) still escalates on time. Off by default (tests drive the clock).
   */
  sweepBreachesEveryMs?: number;
  /** scrypt cost for new password hashes (tests pass a small N; default core's SCRYPT_DEFAULTS). */
  passwordParams?: Partial<Omit<ScryptParams, 'maxmem'>>;
  /** How the console reaches the central server (tests route it to an in-process server with faults). */
  fetch?: Fetch;
  /** Run the sync loop of a connected console in the background (default true; tests drive it by hand). */
  syncInBackground?: boolean;
  /** Backoff of the sync loop while the server is unreachable. */
  syncBackoff?: { minMs: number; maxMs: number };
}

const known = new Set<string>(METHOD_NAMES);

/**
 * The console's back end: the same object behind Electron IPC, the web host and the CLI. It never
 * throws: a database that cannot be opened turns every method into a typed error, so the UI can say
 * what is wrong instead of showing a white screen.
 */
export function createBackend(options: BackendOptions): Backend {
  const now = options.clock ?? Date.now;
  const path = databasePath(options.dataDir);
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const auth = new Auth(createConsolePasswordHasher(options.passwordParams));
  let db: Db | undefined;
  let openError: AppError | undefined;
  try {
    db = openDatabase(path, { migrationsFolder, busyTimeoutMs: options.busyTimeoutMs });
    db.$client.pragma('wal_autocheckpoint = 0');
  } catch (error) {
    openError = classifyOpenError(error, path);
  }
  const sync =
    db &&
    new SyncEngine(db, {
      now,
      fetch: options.fetch,
      backoff: options.syncBackoff,
    });
  const context: ServiceContext | undefined = db && {
    db,
    sync: sync!,
    now,
    newId: makeIdFactory(),
    dataDir: options.dataDir,
    imports: new ImportJobs(),
    auth,
    userId: null,
    session: { token: null },
  };

  // A console set up before questionnaires existed gets the built-in scripts on its first start after the upgrade.
  // A console joined to a team takes the team's questionnaires from the server (its supervisors manage them).
  if (context && getMeta(context.db, 'setUpAt') !== undefined && !context.sync.serverUrl()) {
    try {
      // On behalf of the console's first user (no one is signed in at start; the mapping needs someone).
      installBuiltinScripts(context, sessionInfo(context).locale, listUsers(context.db)[0]?.id ?? null);
    } catch (error) {
      console.error('[backend] installing the built-in scripts failed:', error);
    }
  }

  function status(): SystemStatus {
    return {
      db: openError
        ? { state: 'error', code: openError.code, message: openError.message, path }
        : { state: 'ready' },
      dataDir: options.dataDir,
      appVersion: APP_VERSION,
      schemaVersion: readJournal(migrationsFolder).entries.length,
      now: now(),
      pendingOutbox: db ? countPending(db) : 0,
    };
  }

  async function invoke(method: string, rawInput: unknown, session: CallSession = { token: null }): Promise<Result<unknown>> {
    if (!known.has(method)) return fail('UNKNOWN_METHOD', `There is no method called “${String(method).slice(0, 80)}”.`);
    const name = method as MethodName;
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      return fail('BAD_INPUT', `${issue?.message ?? 'Invalid input'}${where}`, { issues: parsed.error.issues.slice(0, 5) });
    }
    if (name === 'system.status') return ok(status());
    if (!context) return { ok: false, error: { code: openError!.code, message: openError!.message } };
    try {
      // Each call sees its own session's user, never one shared "current user".
      const userId = auth.resolve(context.db, session.token);
      if (userId === null && !PUBLIC_METHODS.has(name)) {
        if (getMeta(context.db, 'setUpAt') === undefined) return fail('NOT_SET_UP', 'This console has no users yet. Finish the first-run setup.');
        return fail('UNAUTHENTICATED', 'You are not signed in (or your session ended). Sign in with your name and password.');
      }
      const handler = handlers[name] as (ctx: ServiceContext, input: unknown) => unknown;
      const before = lastOutboxSeq(context.db);
      const value = await handler({ ...context, userId, session }, parsed.data);
      // A change was recorded: send it now rather than at the next poke.
      if (lastOutboxSeq(context.db) !== before) context.sync.nudge();
      return ok(value);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      const classified = classifyOpenError(error, path);
      if (classified.code === 'DB_LOCKED' || classified.code === 'DB_CORRUPT') return fail(classified.code, classified.message);
      console.error(`[backend] ${name} failed:`, error);
      return fail('INTERNAL', 'Something went wrong inside the console. Your last action was not saved; please try again.');
    }
  }

  const checkpoint = db && setInterval(() => {
    try {
      db!.$client.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closed: the next tick tries again.
    }
  }, 10_000);
  checkpoint?.unref();

  const sweep =
    context && options.sweepBreachesEveryMs
      ? setInterval(() => {
          try {
            if (getMeta(context.db, 'setUpAt') !== undefined) sweepBreaches(context);
          } catch (error) {
            console.error('[backend] recording SLA breaches failed:', error);
          }
        }, options.sweepBreachesEveryMs)
      : undefined;
  sweep?.unref();

  if (sync && sync.serverUrl() && options.syncInBackground !== false) sync.start();

  return {
    invoke,
    auth,
    context,
    close: () => {
      sync?.stop();
      if (checkpoint) clearInterval(checkpoint);
      if (sweep) clearInterval(sweep);
      db?.$client.close(); // closing the last connection checkpoints the rest
    },
  };
}

function lastOutboxSeq(db: Db): number {
  return (stmt(db, 'SELECT coalesce(max(seq), 0) AS n FROM outbox').get() as { n: number }).n;
}
