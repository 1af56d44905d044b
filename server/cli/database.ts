import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { openServerDb, type ServerDb } from '../database/open';
import { CliError, describeDbError } from './errors';

/*
 * Opens the database the command line was pointed at: DATABASE_URL (a real PostgreSQL, shared by any
 * number of server processes) or PGlite in the data folder (one process at a time: a lock file says
 * which, because two processes writing one PGlite folder would corrupt it).
 */

export function defaultDataDir(): string {
  return process.env.SERVER_DATA_DIR || join(homedir(), '.callback-console-server');
}

export interface OpenedDb {
  db: ServerDb;
  /** For people: "PostgreSQL at host:5432/db" or "PGlite in /path". */
  description: string;
  close(): Promise<void>;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export async function openCliDb(options: { dataDir?: string; databaseUrl?: string }): Promise<OpenedDb> {
  if (options.databaseUrl) {
    const where = redact(options.databaseUrl);
    const db = await openServerDb({ databaseUrl: options.databaseUrl }).catch((error: unknown) => {
      throw new CliError(describeDbError(error, where) ?? `Cannot open PostgreSQL at ${where}: ${(error as Error).message}`);
    });
    return { db, description: `PostgreSQL at ${where}`, close: () => db.close() };
  }
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const release = lockDataDir(dataDir);
  try {
    const db = await openServerDb({ dataDir: join(dataDir, 'pgdata') });
    return {
      db,
      description: `PGlite (embedded PostgreSQL) in ${dataDir}`,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw new CliError(`Cannot open the database in ${dataDir}: ${(error as Error).message}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder for this process; a lock left by a process that has died is taken over. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new CliError(
          `The data folder ${dataDir} is in use by another server process (pid ${pid}). Stop it first, ` +
            `or manage accounts through that server's /admin routes; several processes can share a database only on PostgreSQL (DATABASE_URL).`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new CliError(`Cannot lock the data folder ${dataDir}.`);
}
