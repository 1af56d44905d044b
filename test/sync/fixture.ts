import pino from 'pino';
import { createServerApp } from '../../server/app';
import { createAccount, createTeam } from '../../server/auth/accounts';
import { seedDemoData, type DemoSeed } from '../../server/demo';
import { createTestDb, type TestDbKind, type TestDb } from '../../server/testing/databases';
import { testHasher } from '../../server/testing/harness';
import { createTeamSignals } from '../../server/sync/signals';
import { createBackend, type Backend } from '../../electron/backend';
import type { CallSession } from '../../electron/services/auth';
import type { Fetch } from '../../electron/services/sync/http';
import type { Result } from '../../core/contract/result';
import { tempDir } from '../helpers';

/*
 * Sync test support: a central server on a test database (its app driven through `app.request`, no
 * socket), a team with a supervisor and agents, and consoles that are real back ends on their own
 * SQLite files whose fetch goes to that app (or through a fault injector).
 */

export const SERVER_URL = 'http://sync.test';

/**
 * The team's timeline: Monday 2026-11-23 10:00 Beijing (inside the calling window) at real speed, the same
 * for the server and every console — so no test depends on the hour it runs at.
 */
export const CLOCK_OFFSET_MS = Date.parse('2026-11-23T10:00:00+08:00') - Date.now();
export const teamNow = (): number => Date.now() + CLOCK_OFFSET_MS;

export interface TestAccount {
  id: string;
  name: string;
  password: string;
  role: 'agent' | 'supervisor';
}

export interface SyncServer {
  testDb: TestDb;
  fetch: Fetch;
  teamId: string;
  supervisor: TestAccount;
  agents: TestAccount[];
  close(): Promise<void>;
}

export async function startSyncServer(options: { kind?: TestDbKind; agents?: number; demoCustomers?: number; label?: string } = {}): Promise<SyncServer> {
  const testDb = await createTestDb(options.kind ?? 'pglite');
  const db = testDb.db;
  const now = teamNow();
  const label = options.label ?? '';
  const team = await createTeam(db, { name: `${label}回访一组`, now, actorId: 'system' });
  const make = async (name: string, role: 'agent' | 'supervisor'): Promise<TestAccount> => {
    const password = `${name}-pass-word`;
    const account = await createAccount(db, testHasher, { teamId: team.id, name, role, isAdmin: role === 'supervisor', password, now, actorId: 'system' });
    return { id: account.id, name, password, role };
  };
  const supervisor = await make(`${label}陈主管`, 'supervisor');
  const agents: TestAccount[] = [];
  for (let i = 0; i < (options.agents ?? 2); i++) agents.push(await make(`${label}坐席${i + 1}`, 'agent'));
  if ((options.demoCustomers ?? 40) > 0) {
    const seed: DemoSeed = { teamId: team.id, accounts: [], supervisorId: supervisor.id, agentIds: agents.map((a) => a.id) };
    await seedDemoData(db, seed, now, options.demoCustomers ?? 40);
  }
  const app = createServerApp({ db, hasher: testHasher, logger: pino({ level: 'silent' }), signals: createTeamSignals(), now: teamNow });
  const fetch: Fetch = async (url, init) => app.request(url, init);
  return { testDb, fetch, teamId: team.id, supervisor, agents, close: () => testDb.drop() };
}

export interface TestConsole {
  backend: Backend;
  session: CallSession;
  dataDir: string;
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
}

export function openConsole(fetch: Fetch, options: { dataDir?: string; now?: () => number } = {}): TestConsole {
  const dataDir = options.dataDir ?? tempDir('cbc-sync-');
  const backend = createBackend({ dataDir, fetch, syncInBackground: false, passwordParams: { N: 2 ** 10 }, clock: options.now ?? teamNow });
  const session: CallSession = { token: null };
  const call = <T>(method: string, input: unknown = {}) => backend.invoke(method, input, session) as Promise<Result<T>>;
  return {
    backend,
    session,
    dataDir,
    call,
    async ok<T>(method: string, input: unknown = {}) {
      const r = await call<T>(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}

/** A fresh console joined to the team as `account` (signed in as them on its session). */
export async function connectedConsole(server: SyncServer, account: TestAccount, fetch: Fetch = server.fetch): Promise<TestConsole> {
  const c = openConsole(fetch);
  await c.ok('sync.connect', { serverUrl: SERVER_URL, login: account.name, password: account.password, replaceLocalData: true });
  return c;
}
