import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/contract/result';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DB_FILE_NAME = 'callback-console.sqlite';

export function defaultMigrationsFolder(): string {
  if (process.env.CONSOLE_MIGRATIONS_DIR) return process.env.CONSOLE_MIGRATIONS_DIR;
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** Turns SQLite's failures into the typed errors the UI explains to the user. */
export function classifyOpenError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new AppError('DB_CORRUPT', `The database file is damaged or is not a console database: ${path}`, { path });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('DB_LOCKED', `The database is locked by another program: ${path}`, { path });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new AppError('DB_UNAVAILABLE', `The database file cannot be opened for writing: ${path}`, { path });
  }
  return new AppError('DB_UNAVAILABLE', `The database could not be opened: ${message}`, { path });
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** How long a write waits for another connection's lock before giving up. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) and migrates the console database. A file written by a newer console
 * is refused instead of being silently half-understood.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // 64 MB page cache (SQLite's default is 2 MB): the queue's index walks stay in memory at 1M callbacks.
    sqlite.pragma('cache_size = -65536');
    const db = drizzle(sqlite, { schema }) as Db;
    const journal = readJournal(migrationsFolder);
    assertNotNewer(sqlite, journal, path);
    migrate(db, { migrationsFolder });
    sqlite.pragma(`user_version = ${journal.entries.length}`);
    return db;
  } catch (error) {
    sqlite?.close();
    throw classifyOpenError(error, path);
  }
}

function assertNotNewer(sqlite: Database.Database, journal: Journal, path: string): void {
  const known = journal.entries.length;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
    .get();
  const applied = hasTable
    ? (sqlite.prepare('SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations').get() as { n: number; last: number | null })
    : { n: 0, last: null };
  const lastKnown = journal.entries.at(-1)?.when ?? 0;
  if (userVersion > known || applied.n > known || (applied.last ?? 0) > lastKnown) {
    throw new AppError(
      'DB_NEWER_SCHEMA',
      `This database was written by a newer version of the console (schema ${Math.max(userVersion, applied.n)}, this app knows ${known}). Update the console to open it.`,
      { path, fileVersion: Math.max(userVersion, applied.n), appVersion: known },
    );
  }
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}

export function databaseExists(dataDir: string): boolean {
  return existsSync(databasePath(dataDir));
}
