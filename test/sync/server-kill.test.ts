import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../core/contract/views';
import type { SyncStatus } from '../../core/contract/views-sync';
import { createAccount, createTeam } from '../../server/auth/accounts';
import { openServerDb } from '../../server/database/open';
import { seedDemoData } from '../../server/demo';
import { testHasher } from '../../server/testing/harness';
import { createTestDb, dbKinds, type TestDb, type TestDbKind } from '../../server/testing/databases';
import { cleanup, tempDir } from '../helpers';
import { CLOCK_OFFSET_MS, openConsole, teamNow } from './fixture';

/*
 * The server as a real process, killed with SIGKILL while it applies a console's push of 300 changes,
 * then started again on the same database: the console retries, and every change is applied exactly
 * once (none lost with the dead transaction, none twice because the retry carries the same ids).
 */

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(port: number, where: { dataDir?: string; url?: string }): Promise<ChildProcess> {
  const args = ['--import', 'tsx', 'server/cli.ts', '--port', String(port)];
  if (where.dataDir) args.push('--data-dir', where.dataDir);
  const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: where.url ?? '', LOG_LEVEL: 'warn', CLOCK_OFFSET_MS: String(CLOCK_OFFSET_MS) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
  return child;
}

/** A team with one agent and a few demo customers, written before the server process starts. */
async function seed(where: { dataDir?: string; url?: string }): Promise<void> {
  const db = where.url ? await openServerDb({ databaseUrl: where.url }) : await openServerDb({ dataDir: `${where.dataDir}/pgdata` });
  try {
    const now = teamNow();
    const team = await createTeam(db, { name: '回访二组', now, actorId: 'system' });
    const agent = await createAccount(db, testHasher, { teamId: team.id, name: '王芳', role: 'agent', password: 'wangfang-pass', now, actorId: 'system' });
    const supervisor = await createAccount(db, testHasher, { teamId: team.id, name: '陈主管', role: 'supervisor', isAdmin: true, password: 'chen-pass-word', now, actorId: 'system' });
    await seedDemoData(db, { teamId: team.id, accounts: [], supervisorId: supervisor.id, agentIds: [agent.id] }, now, 12);
  } finally {
    await db.close();
  }
}

describe.each(dbKinds())('a server process killed mid-push (%s)', (kind: TestDbKind) => {
  it('loses nothing and applies nothing twice', { timeout: 240_000 }, async () => {
    const port = await freePort();
    let testDb: TestDb | undefined;
    const where = kind === 'postgres' ? { url: (testDb = await createTestDb('postgres')).url! } : { dataDir: tempDir('cbc-server-') };
    try {
      await seed(where);
      let server = await startServer(port, where);
      let killDuringPush = false;
      const c = openConsole(async (url, init) => {
        const reply = fetch(url, init);
        if (killDuringPush && url.endsWith('/sync/push')) {
          killDuringPush = false;
          // Long enough for the request to arrive and the transaction to start, far too short for 300 mutations.
          await new Promise((r) => setTimeout(r, 40));
          server.kill('SIGKILL');
        }
        return reply;
      });
      await c.ok('sync.connect', { serverUrl: `http://127.0.0.1:${port}`, login: '王芳', password: 'wangfang-pass', replaceLocalData: true });
      const page = await c.ok<QueuePage>('queue.list', { filter: { status: 'all' } });
      const customers = [...new Set(page.rows.map((r) => r.customerId))];
      for (let i = 0; i < 300; i++) await c.ok('customers.revealPhone', { customerId: customers[i % customers.length] });
      const pending = (await c.ok<SyncStatus>('sync.status')).pending;
      expect(pending).toBeGreaterThanOrEqual(300);

      killDuringPush = true;
      await c.call('sync.now');
      await new Promise<void>((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', () => resolve())));
      expect(server.signalCode).toBe('SIGKILL');
      expect((await c.ok<SyncStatus>('sync.status')).state).toBe('offline');

      server = await startServer(port, where);
      await c.ok('sync.now');
      expect(await c.ok<SyncStatus>('sync.status')).toMatchObject({ state: 'online', pending: 0, refused: 0 });
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));

      const db = kind === 'postgres' ? await openServerDb({ databaseUrl: where.url }) : await openServerDb({ dataDir: `${where.dataDir}/pgdata` });
      try {
        const local = c.backend.context!.db.$client.prepare(`SELECT count(*) AS n FROM outbox WHERE mutation_id IS NOT NULL`).get() as { n: number };
        const taken = (await db.query<{ n: number; distinct_ids: number }>('SELECT count(*)::bigint AS n, count(DISTINCT (client_id, mutation_id))::bigint AS distinct_ids FROM sync_mutations')).rows[0]!;
        expect(taken).toEqual({ n: local.n, distinct_ids: local.n });
        const reveals = (await db.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM audit_log WHERE action = 'phone.reveal'`)).rows[0]!.n;
        expect(reveals).toBe(300);
      } finally {
        await db.close();
      }
      c.backend.close();
    } finally {
      await testDb?.drop();
    }
  });
});
