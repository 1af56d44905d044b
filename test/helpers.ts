import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { MethodName } from '../core/contract/methods';
import type { Result } from '../core/contract/result';
import type { ImportReport, SessionInfo } from '../core/contract/views';
import type { CallbackRecord, CustomerRecord, UserRecord } from '../core/domain/records';
import type { Db } from '../db/open';
import { insertCallback } from '../db/repos/callbacks';
import { insertCustomer } from '../db/repos/customers';
import { createBackend, type Backend } from '../electron/backend';
import type { ServiceContext } from '../electron/services/context';
import { committed } from '../electron/services/mutations/registry';
import { plainCustomer } from './customer-fixture';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 2026-11-23 10:00 in Shanghai: inside the window for Shanghai (10:00) and LA (Sun 18:00). */
export const T0 = Date.parse('2026-11-23T10:00:00+08:00');

/** Tables that sync (every named mutation writes only these) with the column they are ordered by. */
export const SYNCED_TABLES = [
  ['users', 'id'],
  ['customers', 'id'],
  ['callbacks', 'id'],
  ['call_attempts', 'id'],
  ['dnc_entries', 'id'],
  ['audit_log', 'id'],
  ['import_batches', 'id'],
  ['settings', 'key'],
  ['scripts', 'id'],
  ['script_versions', 'id'],
  ['survey_responses', 'id'],
  ['survey_answers', 'id'],
  ['tickets', 'id'],
  ['ticket_events', 'id'],
  ['calendar_versions', 'id'],
  ['vouchers', 'id'],
  ['voucher_events', 'id'],
  ['notifications', 'id'],
  ['faq_entries', 'id'],
  ['faq_revisions', 'id'],
  ['faq_sources', 'entry_id, ticket_id'],
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number][0];

const dirs: string[] = [];
const backends: Backend[] = [];

export function tempDir(prefix = 'cbc-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Closes every backend and removes every temp dir made through these helpers. Call in afterEach. */
export function cleanup(): void {
  for (const b of backends.splice(0)) {
    try {
      b.close();
    } catch {
      /* already closed */
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface Harness {
  backend: Backend;
  ctx: ServiceContext;
  db: Db;
  dataDir: string;
  now(): number;
  setNow(ms: number): void;
  advance(ms: number): void;
  /** The harness's own session (one browser tab); setUp and session.signIn fill its token. */
  session: { token: string | null };
  /** Acts as this user from now on (opens a session directly, as the CLI does after its sign-in). */
  actAs(userId: string): void;
  call(method: MethodName | string, input?: unknown): Promise<Result<unknown>>;
  /** Calls and unwraps ok:true; fails the test with the error otherwise. */
  ok<T = unknown>(method: MethodName, input?: unknown): Promise<T>;
  /** Calls and expects ok:false; returns the error. */
  err(method: MethodName, input?: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }>;
}

export function makeHarness(opts: { dataDir?: string; now?: number; migrationsFolder?: string } = {}): Harness {
  const dataDir = opts.dataDir ?? tempDir();
  let now = opts.now ?? T0;
  // A small scrypt cost keeps the suite fast; the format and the code path are the production ones.
  const backend = createBackend({
    dataDir,
    clock: () => now,
    migrationsFolder: opts.migrationsFolder,
    passwordParams: { N: 2 ** 10 },
    // Unit tests never reach a network: a server address typed into them fails at once.
    fetch: () => Promise.reject(new TypeError('fetch failed: no network in unit tests')),
  });
  backends.push(backend);
  if (!backend.context) throw new Error('backend has no context (database did not open)');
  const h: Harness = {
    backend,
    ctx: backend.context,
    db: backend.context.db,
    dataDir,
    now: () => now,
    setNow: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
    session: { token: null },
    actAs(userId) {
      backend.auth.close(h.session.token);
      h.session.token = backend.auth.open(userId);
    },
    call: (method, input = {}) => backend.invoke(method, input, h.session),
    async ok(method, input = {}) {
      const r = await backend.invoke(method, input, h.session);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async err(method, input = {}) {
      const r = await backend.invoke(method, input, h.session);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(r.value).slice(0, 300)}`);
      return r.error;
    },
  };
  return h;
}

/** The password every test account gets (tests hash with a small scrypt cost). */
export const TEST_PASSWORD = 'test-password-1';

/** First run as the tests' first supervisor; the harness is signed in as them. */
export async function setUpAs(h: Harness, name: string, mode: 'empty' | 'demo' = 'empty', locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<SessionInfo> {
  return h.ok<SessionInfo>('session.setUp', { mode, name, password: TEST_PASSWORD, locale });
}

/**
 * First run (the first supervisor is 组长), then an agent `agentName` who the harness acts as: most tests
 * act as an agent and add a supervisor when they need one.
 */
export async function setUpEmpty(h: Harness, agentName = '王芳'): Promise<UserRecord> {
  await setUpAs(h, '组长');
  return switchTo(h, await createUser(h, agentName, 'agent'));
}

/** Creates a user (as the first supervisor) and returns it; the harness's session is unchanged. */
export async function createUser(h: Harness, name: string, role: 'agent' | 'supervisor'): Promise<UserRecord> {
  const first = rows<{ id: string }>(h.db, `SELECT id FROM users WHERE role = 'supervisor' ORDER BY created_at, id LIMIT 1`)[0];
  const actor = first ? h.backend.auth.open(first.id) : null;
  const r = await h.backend.invoke('users.create', { name, role, password: TEST_PASSWORD }, { token: actor ?? h.session.token });
  h.backend.auth.close(actor);
  if (!r.ok) throw new Error(`users.create failed: ${r.error.code} ${r.error.message}`);
  const user = (r.value as SessionInfo).users.filter((u) => u.name === name && u.role === role).at(-1);
  if (!user) throw new Error(`user ${name} not created`);
  return user;
}

/** The harness acts as `user` from now on (a new session for them, as if they had signed in). */
export async function switchTo<U extends { id: string }>(h: Harness, user: U): Promise<U> {
  h.actAs(user.id);
  return Promise.resolve(user);
}

let phoneSeq = 0;
/** A fresh, valid CN mobile in E.164. */
export function nextPhone(): string {
  phoneSeq++;
  return `+86139${String(phoneSeq).padStart(8, '0')}`;
}

/** Inserts a customer straight through the repo (no outbox): for arranging state only. */
export function seedCustomer(db: Db, over: Partial<CustomerRecord> = {}): CustomerRecord {
  const c: CustomerRecord = {
    ...plainCustomer({ id: uuidv7(), name: `客户${phoneSeq + 1}`, phone: nextPhone(), createdAt: T0 - 30 * DAY }),
    ...over,
  };
  insertCustomer(db, c);
  // Written past the mutation runner: run its post-commit hook as it would (the queue's zone list).
  committed(db);
  return c;
}

export function seedCallback(db: Db, customerId: string, over: Partial<CallbackRecord> = {}): CallbackRecord {
  const c: CallbackRecord = {
    id: uuidv7(),
    customerId,
    reason: 'complaint_followup',
    priority: 3,
    dueAt: null,
    state: 'open',
    outcome: null,
    attempts: 0,
    failedAttempts: 0,
    leaseAgentId: null,
    leaseExpiresAt: null,
    notes: '',
    source: 'manual',
    importBatchId: null,
    createdAt: T0 - DAY,
    closedAt: null,
    ...over,
  };
  insertCallback(db, c);
  return c;
}

export function rows<T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}
export function row<T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T | undefined {
  return db.$client.prepare(sql).get(...params) as T | undefined;
}
export function count(db: Db, table: string, where = '1=1', ...params: unknown[]): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
}

/** Every synced table, row for row, in a stable order. */
export function dumpSynced(db: Db): Record<SyncedTable, unknown[]> {
  const out = {} as Record<SyncedTable, unknown[]>;
  for (const [table, key] of SYNCED_TABLES) out[table] = rows(db, `SELECT * FROM ${table} ORDER BY ${key}`);
  return out;
}

export function counts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table] of SYNCED_TABLES) out[table] = count(db, table);
  out.outbox = count(db, 'outbox');
  return out;
}

/** Counts + a checksum of every synced table + the outbox size: any write to synced state changes it. */
export function contentHash(db: Db): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(counts(db)));
  for (const [table, key] of SYNCED_TABLES) {
    for (const r of db.$client.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).raw().iterate()) h.update(JSON.stringify(r));
  }
  h.update(JSON.stringify(rows(db, 'SELECT seq, id, name, args, created_at, pushed_at FROM outbox ORDER BY seq')));
  return h.digest('hex');
}

/** Builds a CSV (UTF-8) from a header and rows; cells are quoted when needed. */
export function csv(header: string[], body: (string | number | null)[][], eol = '\n'): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...body].map((r) => r.map(cell).join(',')).join(eol) + eol;
}

export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** An import job once it has left parsing/validating (fields of the other phases are optional). */
export type SettledImport = { jobId: string; phase: string; report: ImportReport; error?: { code: string; message: string } };

/** Polls imports.status until the job leaves parsing/validating. */
export async function waitForImport(h: Harness, jobId: string, timeoutMs = 20_000): Promise<SettledImport> {
  const start = Date.now();
  for (;;) {
    const job = await h.ok<{ phase: string }>('imports.status', { jobId });
    if (job.phase !== 'parsing' && job.phase !== 'validating') return job as SettledImport;
    if (Date.now() - start > timeoutMs) throw new Error(`import ${jobId} still ${job.phase}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
