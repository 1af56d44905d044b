import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../core/demo/generate';
import { capBlockedUntil, CAP_LOOKBACK_MS } from '../../core/rules/contact-cap';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { AttemptRecord, CallbackRecord, CustomerRecord, DncRecord } from '../../core/domain/records';
import type { SessionInfo } from '../../core/contract/views';
import { addUser, call, dbFile, hashSources, OUT, openConsole, setUpEmpty, T0 } from './env';
import { fmtInt, progress } from './stats';

/**
 * A console database with `callbacks` demo callbacks, built fast: the first-run setup and the users go
 * through the real back end; the bulk rows come from the demo generator (in chunks, with phones made
 * unique across chunks) and are written with prepared INSERTs in one transaction per chunk, with the
 * secondary indexes dropped during the load and rebuilt after (from the migration's own SQL). The
 * outbox is bypassed for the bulk rows only.
 */

export interface SeedParams {
  callbacks: number;
  seed: number;
  now: number;
  /** Customers per generateDemoData call. */
  chunk: number;
}

export interface SeedInfo {
  key: string;
  params: SeedParams;
  customers: number;
  callbacks: number;
  openCallbacks: number;
  attempts: number;
  dncEntries: number;
  fileBytes: number;
  buildMs: number;
  agentId: string;
}

/** Bump when the way the seed is built changes. */
const SEED_FORMAT = 3;

export function seedKey(params: SeedParams): string {
  const sources = hashSources(['core/demo', 'core/rules', 'db/migrations'], (p) => !p.endsWith('.test.ts'));
  const h = createHash('sha256').update(JSON.stringify({ SEED_FORMAT, params, sources })).digest('hex');
  return `${params.callbacks}-${h.slice(0, 12)}`;
}

/** The cached seed for these parameters, if it is there and current. */
export function cachedSeed(params: SeedParams): { dataDir: string; info: SeedInfo } | undefined {
  const key = seedKey(params);
  const dataDir = join(OUT, 'cache', `seed-${key}`);
  const infoFile = join(dataDir, 'seed.json');
  if (!existsSync(infoFile) || !existsSync(dbFile(dataDir))) return undefined;
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as SeedInfo;
  return info.key === key ? { dataDir, info } : undefined;
}

/** Returns the cached seed database's data folder, building it when missing, stale or `fresh`. */
export async function ensureSeed(params: SeedParams, fresh: boolean): Promise<{ dataDir: string; info: SeedInfo; built: boolean }> {
  const key = seedKey(params);
  const dataDir = join(OUT, 'cache', `seed-${key}`);
  const cached = fresh ? undefined : cachedSeed(params);
  if (cached) return { ...cached, built: false };
  rmSync(dataDir, { recursive: true, force: true });
  // Older builds of the same size are stale now; they are big.
  const cacheDir = join(OUT, 'cache');
  if (existsSync(cacheDir)) {
    for (const name of readdirSync(cacheDir)) if (name.startsWith(`seed-${params.callbacks}-`)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const info = await buildSeed(building, params, key);
  writeFileSync(join(building, 'seed.json'), JSON.stringify(info, null, 2));
  renameSync(building, dataDir);
  return { dataDir, info, built: true };
}

const CUSTOMER_SQL = `INSERT INTO customers (id, name, phone, phone_status, timezone, gender, city, segment, registered_at,
  last_active_at, txn_count_30d, balance_band, tags, consent_service, consent_survey, consent_marketing, dnc_until, cap_until,
  created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
const CALLBACK_SQL = `INSERT INTO callbacks (id, customer_id, reason, priority, due_at, state, outcome, attempts, failed_attempts,
  lease_agent_id, lease_expires_at, notes, source, import_batch_id, created_at, closed_at, timezone) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
const ATTEMPT_SQL = `INSERT INTO call_attempts (id, callback_id, customer_id, agent_id, started_at, ended_at, disposition, notes,
  callback_at) VALUES (?,?,?,?,?,?,?,?,?)`;
const DNC_SQL = `INSERT INTO dnc_entries (id, customer_id, phone, source, created_at, created_by, expires_at) VALUES (?,?,?,?,?,?,?)`;

async function buildSeed(dataDir: string, params: SeedParams, key: string): Promise<SeedInfo> {
  const started = performance.now();
  // 1. First run through the real back end: the signed-in agent, two colleagues and a supervisor.
  const { backend } = openConsole(dataDir, params.now - 30 * 86_400_000);
  const me = await setUpEmpty(backend);
  for (const [name, role] of [['李静', 'agent'], ['陈伟', 'agent'], ['周敏', 'supervisor']] as const) {
    await addUser(backend, name, role);
  }
  const session = await call<SessionInfo>(backend, 'session.get', {});
  const agentIds = session.users.filter((u) => u.role === 'agent').map((u) => u.id);
  backend.close();

  // 2. Bulk rows on a raw connection tuned for loading.
  const db = new Database(dbFile(dataDir));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -524288');
  db.pragma('temp_store = MEMORY');
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'callbacks', 'call_attempts', 'dnc_entries')`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);

  const ins = { customer: db.prepare(CUSTOMER_SQL), callback: db.prepare(CALLBACK_SQL), attempt: db.prepare(ATTEMPT_SQL), dnc: db.prepare(DNC_SQL) };
  const counts = { customers: 0, callbacks: 0, openCallbacks: 0, attempts: 0, dncEntries: 0 };
  const phones = new Set<string>();
  let synthetic = 0;
  const bar = progress('seed');
  for (let chunk = 0; counts.callbacks < params.callbacks; chunk++) {
    const data = generateDemoData({ seed: params.seed + chunk, now: params.now, customers: params.chunk, agentIds });
    const byCustomer = groupByCustomer(data.callbacks, data.attempts, data.dncEntries);
    const write = db.transaction(() => {
      for (const c of data.customers) {
        const own = byCustomer.get(c.id)!;
        if (counts.callbacks + own.callbacks.length > params.callbacks) return;
        // Chunks draw phones independently; a repeat gets a unique synthetic mobile instead.
        if (phones.has(c.phone)) c.phone = `+86199${String(synthetic++).padStart(8, '0')}`;
        phones.add(c.phone);
        c.capUntil = capOf(own.attempts, params.now);
        insertCustomer(ins.customer, c);
        for (const cb of own.callbacks) {
          insertCallback(ins.callback, cb, c.timezone);
          if (cb.state === 'open') counts.openCallbacks++;
        }
        for (const a of own.attempts) insertAttempt(ins.attempt, a);
        for (const d of own.dnc) insertDnc(ins.dnc, { ...d, phone: c.phone });
        counts.customers++;
        counts.callbacks += own.callbacks.length;
        counts.attempts += own.attempts.length;
        counts.dncEntries += own.dnc.length;
      }
    });
    write();
    const secs = (performance.now() - started) / 1000;
    bar.update(`${fmtInt(counts.callbacks)} / ${fmtInt(params.callbacks)} callbacks, ${fmtInt(counts.customers)} customers (${secs.toFixed(1)} s)`);
    if (data.customers.length === 0) throw new Error('bench: the demo generator produced no customers');
  }
  bar.done(`${fmtInt(counts.callbacks)} callbacks, ${fmtInt(counts.customers)} customers written (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const ixBar = progress('indexes');
  for (const [i, ix] of indexes.entries()) {
    ixBar.update(`${i + 1}/${indexes.length} ${ix.name}`);
    db.exec(ix.sql);
  }
  ixBar.done(`${indexes.length} rebuilt (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  db.pragma('journal_mode = WAL');
  db.close();
  // Re-open through the app once so the file is exactly what the console would open.
  const reopened = openConsole(dataDir, params.now);
  reopened.backend.context!.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  reopened.backend.close();
  return {
    key,
    params,
    ...counts,
    fileBytes: statSync(dbFile(dataDir)).size,
    buildMs: performance.now() - started,
    agentId: me.currentUser!.id,
  };
}

function groupByCustomer(callbacks: CallbackRecord[], attempts: AttemptRecord[], dnc: DncRecord[]) {
  const map = new Map<string, { callbacks: CallbackRecord[]; attempts: AttemptRecord[]; dnc: DncRecord[] }>();
  const of = (id: string) => {
    let e = map.get(id);
    if (!e) map.set(id, (e = { callbacks: [], attempts: [], dnc: [] }));
    return e;
  };
  for (const c of callbacks) of(c.customerId).callbacks.push(c);
  for (const a of attempts) of(a.customerId).attempts.push(a);
  for (const d of dnc) of(d.customerId).dnc.push(d);
  return map;
}

/** What demo.load's refreshCap would store: the contact cap from the customer's recent attempts. */
function capOf(attempts: AttemptRecord[], now: number): number | null {
  if (attempts.length === 0) return null;
  const times = attempts.map((a) => a.startedAt).filter((t) => t > now - CAP_LOOKBACK_MS);
  return capBlockedUntil(times, now, DEFAULT_SETTINGS);
}

function insertCustomer(s: Database.Statement, c: CustomerRecord) {
  s.run(c.id, c.name, c.phone, c.phoneStatus, c.timezone, c.gender, c.city, c.segment, c.registeredAt, c.lastActiveAt, c.txnCount30d,
    c.balanceBand, JSON.stringify(c.tags), c.consentService, c.consentSurvey, c.consentMarketing, c.dncUntil, c.capUntil, c.createdAt);
}
function insertCallback(s: Database.Statement, c: CallbackRecord, timezone: string) {
  s.run(c.id, c.customerId, c.reason, c.priority, c.dueAt, c.state, c.outcome, c.attempts, c.failedAttempts, c.leaseAgentId,
    c.leaseExpiresAt, c.notes, c.source, c.importBatchId, c.createdAt, c.closedAt, timezone);
}
function insertAttempt(s: Database.Statement, a: AttemptRecord) {
  s.run(a.id, a.callbackId, a.customerId, a.agentId, a.startedAt, a.endedAt, a.disposition, a.notes, a.callbackAt);
}
function insertDnc(s: Database.Statement, d: DncRecord) {
  s.run(d.id, d.customerId, d.phone, d.source, d.createdAt, d.createdBy, d.expiresAt);
}

export const DEFAULT_SEED: SeedParams = { callbacks: 1_000_000, seed: 20261123, now: T0, chunk: 25_000 };
