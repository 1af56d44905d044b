import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { mkdirSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createBackend, type Backend } from '../../electron/backend';
import { runMutation } from '../../electron/services/mutations/registry';
import type { CallSession } from '../../electron/services/auth';
import type { Fetch } from '../../electron/services/sync/http';
import { PULL_PAGE_ROWS } from '../../core/sync/protocol';
import { summarizeProfile } from './profile';

/*
 * The measured side of the sync bench, one fresh process per run (started by bench/sync.ts), so its
 * memory figures are its own and a run never profits from the previous one's warm caches:
 *   sync         a fresh console's sync.connect over HTTP until the team's rows have landed
 *   floor        a plain paged HTTP copy of the same rows into a better-sqlite3 file
 *   pouch        PouchDB replicating the same rows as documents into a local leveldb PouchDB
 *   burst        N consoles record M mutations each offline, then all push at once
 *   propagation  console A changes something online; console B (sync loop with pokes) lands it
 * The result goes back over IPC.
 */

type Args = Record<string, unknown> & { dir: string; url: string };
const [mode, argsJson] = process.argv.slice(2);
const args = JSON.parse(argsJson!) as Args;

// Peak heap, sampled (RSS peak comes from the kernel's maxRSS at the end).
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
sampler.unref();
const baseRss = process.memoryUsage().rss;
const memory = () => ({ baseRss, peakRss: process.resourceUsage().maxRSS * 1024, peakHeap: Math.max(peakHeap, process.memoryUsage().heapUsed) });

/** Time spent waiting for the server's replies (request sent → body read), per path. */
const httpMs = new Map<string, { n: number; ms: number }>();
const timedFetch: Fetch = async (url, init) => {
  const t = performance.now();
  const res = await fetch(url, init);
  const body = await res.arrayBuffer();
  const path = new URL(url).pathname;
  if (path !== '/sync/poke') {
    const e = httpMs.get(path) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += performance.now() - t;
    httpMs.set(path, e);
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

interface Console {
  backend: Backend;
  session: CallSession;
  dir: string;
}

function openConsole(dir: string, fetchImpl: Fetch = timedFetch): Console {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const backend = createBackend({ dataDir: dir, fetch: fetchImpl, syncInBackground: false, passwordParams: { N: 2 ** 10 } });
  return { backend, session: { token: null }, dir };
}

async function ok<T>(c: Console, method: string, input: unknown = {}): Promise<T> {
  const r = await c.backend.invoke(method, input, c.session);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const connect = (c: Console, login: string, password: string) => ok(c, 'sync.connect', { serverUrl: args.url, login, password, replaceLocalData: true });
const countRows = (c: Console, table: string) => (c.backend.context!.db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

let result: unknown;

if (mode === 'sync') {
  // Plain fetch in the measured runs; the profiled run times each reply too.
  const c = openConsole(args.dir, args.timed ? timedFetch : fetch);
  const session = args.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const t = performance.now();
  await connect(c, String(args.login), String(args.password));
  const ms = performance.now() - t;
  const profile = session ? summarizeProfile((await session.post('Profiler.stop')).profile) : undefined;
  session?.disconnect();
  const sync = c.backend.context!.sync;
  sync.stop();
  result = {
    ms,
    customers: countRows(c, 'customers'),
    callbacks: countRows(c, 'callbacks'),
    version: sync.status().version,
    http: Object.fromEntries(httpMs),
    ...memory(),
    ...(profile ? { profile } : {}),
  };
  c.backend.close();
} else if (mode === 'floor') {
  mkdirSync(args.dir, { recursive: true });
  const file = join(args.dir, 'floor.sqlite');
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  const t = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  let rows = 0;
  let parseMs = 0;
  let writeMs = 0;
  for (const table of ['customers', 'callbacks']) {
    let insert: Database.Statement | null = null;
    let cols: string[] = [];
    let after = '';
    for (;;) {
      const t0 = performance.now();
      const res = await fetch(`${args.url}/floor/${table}?after=${encodeURIComponent(after)}`);
      const text = await res.text();
      const t1 = performance.now();
      const page = JSON.parse(text) as Record<string, unknown>[];
      const t2 = performance.now();
      addHttp('/floor', t1 - t0);
      parseMs += t2 - t1;
      if (page.length === 0) break;
      if (!insert) {
        cols = Object.keys(page[0]!);
        db.exec(`CREATE TABLE "${table}" (${cols.map((c) => `"${c}"${c === 'id' ? ' TEXT PRIMARY KEY' : ''}`).join(', ')})`);
        insert = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      }
      const ins = insert;
      db.transaction(() => {
        for (const r of page) ins.run(...cols.map((c) => r[c] ?? null));
      })();
      writeMs += performance.now() - t2;
      rows += page.length;
      if (page.length < PULL_PAGE_ROWS) break;
      after = String(page.at(-1)!.id);
    }
  }
  db.close();
  result = { ms: performance.now() - t, rows, parseMs, writeMs, http: Object.fromEntries(httpMs), ...memory() };
} else if (mode === 'pouch') {
  const require = createRequire(import.meta.url);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const PouchDB = require('pouchdb') as any;
  rmSync(args.dir, { recursive: true, force: true });
  mkdirSync(args.dir, { recursive: true });
  const t = performance.now();
  const local = new PouchDB(join(args.dir, 'local'));
  const rep = (await local.replicate.from(args.url, { batch_size: Number(args.batchSize ?? 1000) })) as { docs_written: number; ok: boolean };
  const ms = performance.now() - t;
  const info = (await local.info()) as { doc_count: number };
  await local.close();
  result = { ms, docs: info.doc_count, written: rep.docs_written, ...memory() };
} else if (mode === 'burst') {
  result = await burst();
} else if (mode === 'propagation') {
  result = await propagation();
} else {
  throw new Error(`bench sync client: unknown mode ${mode}`);
}
clearInterval(sampler);
process.send!({ type: 'result', value: result }, () => process.exit(0));

function addHttp(path: string, ms: number) {
  const e = httpMs.get(path) ?? { n: 0, ms: 0 };
  e.n++;
  e.ms += ms;
  httpMs.set(path, e);
}

// ---------------------------------------------------------------------------------------------------

interface Agent {
  id: string;
  name: string;
  password: string;
}

/**
 * Each console joins as its own agent, goes offline (its loop stopped) and records `perConsole`
 * mutations through the real appliers into its outbox: per ten, three lease → reveal the number →
 * release rounds on callbacks of its own slice of the queue, and one internal note on a ticket. Then
 * every console comes back at once: push (drain), then pull (converge).
 */
async function burst() {
  const agents = args.agents as Agent[];
  const perConsole = Number(args.perConsole);
  const consoles: Console[] = [];
  const setup = performance.now();
  for (const [i, a] of agents.entries()) {
    const c = openConsole(join(args.dir, `c${i}`), fetch);
    await connect(c, a.name, a.password);
    c.backend.context!.sync.stop();
    await c.backend.context!.sync.syncOnce().catch(() => undefined); // let a loop turn in flight finish
    consoles.push(c);
  }
  const setupMs = performance.now() - setup;
  const rec = performance.now();
  const counts: Record<string, number> = {};
  for (const [i, c] of consoles.entries()) {
    const db = c.backend.context!.db;
    const agentId = agents[i]!.id;
    const open = db.$client.prepare(`SELECT id, customer_id AS customerId FROM callbacks WHERE state = 'open' AND lease_agent_id IS NULL ORDER BY id`).all() as {
      id: string;
      customerId: string;
    }[];
    const mine = open.filter((_, k) => k % agents.length === i);
    const tickets = (db.$client.prepare(`SELECT id FROM tickets WHERE status <> 'closed' ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    if (mine.length === 0) throw new Error('bench: no open callbacks left for a console of the burst');
    let at = Date.now();
    for (let j = 0; j < perConsole; ) {
      for (let round = 0; round < 3 && j < perConsole; round++) {
        const cb = mine[(j / 3) % mine.length | 0]!;
        const steps: [string, Record<string, unknown>][] = [
          ['callbacks.lease', { callbackId: cb.id, agentId, at, expiresAt: at + 15 * 60_000 }],
          ['audit.phoneRevealed', { auditId: uuidv7(), customerId: cb.customerId, actorId: agentId, at }],
          ['callbacks.release', { callbackId: cb.id, agentId, at: at + 1 }],
        ];
        for (const [name, a] of steps) {
          if (j >= perConsole) break;
          runMutation(db, name as never, a as never, at, agentId);
          counts[name] = (counts[name] ?? 0) + 1;
          j++;
          at += 2;
        }
      }
      if (j < perConsole && tickets.length > 0) {
        const ticketId = tickets[j % tickets.length]!;
        runMutation(db, 'tickets.comment', { ticketId, eventId: uuidv7(), openEventId: uuidv7(), body: '已电话联系客户，等待回复', visibility: 'internal', at, by: agentId }, at, agentId);
        counts['tickets.comment'] = (counts['tickets.comment'] ?? 0) + 1;
        j++;
        at += 2;
      }
    }
  }
  const recordMs = performance.now() - rec;
  const pending = consoles.map((c) => c.backend.context!.sync.status().pending);
  process.send!({ type: 'armed', value: { pending } });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const t = performance.now();
  const pushedAt: number[] = [];
  const pulledAt: number[] = [];
  // As the sync loop would: a request that fails (a timeout while the server works through the others'
  // pushes) is retried after a jittered backoff; the server takes each mutation once whatever happens.
  const limitMs = Number(args.limitMs ?? 300_000);
  const failures: string[] = [];
  const retrying = async (fn: () => Promise<unknown>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        failures.push(`${(error as Error).message}${cause ? ` (${cause})` : ''}`);
        if (performance.now() - t > limitMs) throw new Error(`bench: the burst did not drain within ${limitMs / 1000} s`, { cause: error });
        await new Promise((r) => setTimeout(r, Math.min(8_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
      }
    }
  };
  let gaveUp = false;
  await Promise.all(
    consoles.map(async (c, i) => {
      const sync = c.backend.context!.sync;
      try {
        await retrying(() => sync.pushAll());
        pushedAt[i] = performance.now() - t;
        await retrying(() => sync.pullAll());
        pulledAt[i] = performance.now() - t;
      } catch {
        gaveUp = true;
      }
    }),
  );
  const after = consoles.map((c) => c.backend.context!.sync.status());
  const out = {
    setupMs,
    recordMs,
    counts,
    pendingBefore: pending.reduce((a, b) => a + b, 0),
    drainMs: gaveUp ? NaN : Math.max(...pushedAt),
    convergeMs: gaveUp ? NaN : Math.max(...pulledAt),
    firstPushedMs: Math.min(...pushedAt.filter((x) => x !== undefined)),
    gaveUp,
    failures: failures.length,
    failureKinds: [...new Set(failures.map((f) => f.replace(/\d+/g, 'N')))].slice(0, 5),
    pendingAfter: after.reduce((a, s) => a + s.pending, 0),
    refusedAfter: after.reduce((a, s) => a + s.refused, 0),
    versions: [...new Set(after.map((s) => s.version))],
    ...memory(),
  };
  for (const c of consoles) c.backend.close();
  return out;
}

/**
 * Consoles A and B of one team, both online with their sync loops running (B waits on the server's
 * long-poll poke). A reveals a customer's number (one audit row); the time until that row has landed on
 * B is one sample. A pause of 50–150 ms between changes.
 */
async function propagation() {
  const [a1, a2] = args.agents as Agent[];
  const changes = Number(args.changes);
  const A = openConsole(join(args.dir, 'A'), fetch);
  const B = openConsole(join(args.dir, 'B'), fetch);
  await connect(A, a1!.name, a1!.password);
  await connect(B, a2!.name, a2!.password);
  const dbB = B.backend.context!.db.$client;
  const customers = (A.backend.context!.db.$client.prepare('SELECT id FROM customers ORDER BY id LIMIT 500').all() as { id: string }[]).map((r) => r.id);
  const reveals = dbB.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'phone.reveal'`);
  const seen = () => (reveals.get() as { n: number }).n;
  await new Promise((r) => setTimeout(r, 500)); // both loops settle into their poke wait
  const samples: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < changes; i++) {
    const before = seen();
    const syncB = B.backend.context!.sync;
    let dv = syncB.dataVersion;
    const t = performance.now();
    await ok(A, 'customers.revealPhone', { customerId: customers[i % customers.length] });
    let landed = false;
    while (performance.now() - t < 10_000) {
      if (syncB.dataVersion !== dv) {
        dv = syncB.dataVersion;
        if (seen() > before) {
          landed = true;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    if (landed) samples.push(performance.now() - t);
    else timeouts++;
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
  A.backend.close();
  B.backend.close();
  return { samples, timeouts, ...memory() };
}
