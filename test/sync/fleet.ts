import pino from 'pino';
import { createServerApp } from '../../server/app';
import { openServerDb, type ServerDb } from '../../server/database/open';
import { testHasher } from '../../server/testing/harness';
import type { TestDb } from '../../server/testing/databases';
import type { Fetch } from '../../electron/services/sync/http';
import { teamNow } from './fixture';

/*
 * Two server processes on one database, as in production behind a load balancer: each request goes to
 * either at random. On a real PostgreSQL each "process" has its own connection pool, so their pushes
 * truly interleave; on PGlite (one connection) they share it. A crash fails the next write transaction
 * after its work and before its commit (the process died: nothing it did is kept, the client hears
 * nothing useful); a restart replaces both apps (their caches and wake-up lists are gone).
 */

export interface Fleet {
  fetch: Fetch;
  crashNextCommit(): void;
  restart(): void;
  readonly crashes: number;
  readonly restarts: number;
  close(): Promise<void>;
}

export async function startFleet(testDb: TestDb, random: () => number): Promise<Fleet> {
  const second: ServerDb = testDb.url ? await openServerDb({ databaseUrl: testDb.url, poolSize: 4 }) : testDb.db;
  let crashPending = false;
  let crashes = 0;
  let restarts = 0;
  const crashing = (db: ServerDb): ServerDb => ({
    ...db,
    kind: db.kind,
    query: db.query.bind(db),
    close: db.close.bind(db),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const value = await fn(tx);
        if (crashPending) {
          crashPending = false;
          crashes++;
          throw new Error('the server process was killed before it committed');
        }
        return value;
      }),
  });
  const make = () => [testDb.db, second].map((db) => createServerApp({ db: crashing(db), hasher: testHasher, logger: pino({ level: 'silent' }), now: teamNow }));
  let apps = make();
  return {
    fetch: async (url, init) => apps[random() < 0.5 ? 0 : 1]!.request(url, init),
    crashNextCommit() {
      crashPending = true;
    },
    restart() {
      restarts++;
      apps = make();
    },
    get crashes() {
      return crashes;
    },
    get restarts() {
      return restarts;
    },
    async close() {
      if (second !== testDb.db) await second.close();
    },
  };
}
