import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pgliteWire, PreparedNames } from './pglite-wire';
import type { Queryable } from './queryable';

export type { Queryable, QueryResult } from './queryable';

/*
 * The server's database: PGlite (embedded PostgreSQL in a folder, the default) or a real PostgreSQL
 * (DATABASE_URL). Both answer the same small interface, so the store driver, the auth code and the
 * tests never ask which one they have. bigint and numeric come back as JS numbers: every integer the
 * schema holds (epoch ms, fen, counts) is far below 2^53.
 */

export interface ServerDb extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenServerDbOptions {
  /** A postgres:// URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite's folder; absent means in memory. */
  dataDir?: string;
  migrationsFolder?: string;
  /** Connections in the pool (real PostgreSQL only). */
  poolSize?: number;
}

const INT8 = 20;
const NUMERIC = 1700;
const PGLITE_PARSERS = { [INT8]: Number, [NUMERIC]: Number };

export function serverMigrationsFolder(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export async function openServerDb(options: OpenServerDbOptions = {}): Promise<ServerDb> {
  const migrationsFolder = options.migrationsFolder ?? serverMigrationsFolder();
  if (options.databaseUrl) return openPostgres(options.databaseUrl, migrationsFolder, options.poolSize ?? 8);
  return openPglite(options.dataDir, migrationsFolder);
}

async function openPglite(dataDir: string | undefined, migrationsFolder: string): Promise<ServerDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  // On the instance: PGlite 0.6 ignores the constructor's `parsers` (sum() over bigint came back a
  // string), and overrides given per query are merged into a copy of every parser on each call.
  Object.assign(client.parsers, PGLITE_PARSERS);
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  const names = new PreparedNames();
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async script(sql: string) {
      await q.exec(sql);
    },
  });
  // PGlite is one connection: transactions queue behind each other, which is what one process needs.
  return {
    kind: 'pglite',
    ...wrap(client),
    // A transaction speaks the wire protocol itself (see pglite-wire.ts); PGlite's lock is held meanwhile.
    transaction: (fn) =>
      client.transaction(async () => {
        const wire = pgliteWire(client, names);
        try {
          return await fn(wire);
        } finally {
          // PGlite commits or rolls back right after: nothing sent may still be on its way then.
          await wire.drained();
        }
      }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, migrationsFolder: string, poolSize: number): Promise<ServerDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A client sends queued queries at once and matches the answers in order (node-postgres 8.23's
    // pipeline mode); only a transaction's own client relies on it (see `pipelined` below).
    pipeline: true,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that PostgreSQL ends (a restart, a failover, an administrator) is dropped from the
  // pool, which opens a new one when needed; without a listener the error would end the whole process.
  pool.on('error', (error) => {
    if (process.env.LOG_LEVEL !== 'silent') console.warn(`[db] an idle database connection ended: ${error.message}`);
  });
  await migratePg(drizzlePg(pool), { migrationsFolder });
  const wrap = (q: pg.Pool | pg.PoolClient, pipelined = false): Queryable => ({
    pipelined,
    async query<R>(sql: string, params: readonly unknown[] = []) {
      // Named (server-side prepared) statements: each connection parses and plans an applier's few
      // dozen statements once, not on every call.
      const name = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql) ? statementName(sql) : undefined;
      const result = await q.query({ name, text: sql, values: params as unknown[] });
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async script(sql: string) {
      // No values: node-postgres sends it as one simple query, several statements in one round trip.
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // One connection, queries answered in the order sent: a transaction may pipeline its writes.
        const value = await fn(wrap(client, true));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `s${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name;
}
