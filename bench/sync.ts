import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestDbKind } from '../server/testing/databases';
import { OUT, REPO, T0 } from './lib/env';
import { fmtInt, fmtMb, fmtMs, fmtX, log, mark, renderTable, Samples, type TableRow } from './lib/stats';
import type { ProfileSummary } from './sync/profile';
import type { ServerReady, ServerSpec } from './sync/server';

/*
 * Sync (issue 10): npm run bench:sync, or as the last section of npm run bench.
 *
 * 1. First sync of a team with ROWS callbacks and their customers into an empty console: a fresh
 *    console's `sync.connect` over a real socket (the server in its own process, on PGlite and, when
 *    reachable, PostgreSQL) until every row has landed; in the same run PouchDB replicating the same
 *    rows as documents from express-pouchdb on loopback into a leveldb PouchDB, and the floor: a plain
 *    paged HTTP copy (pages of 5,000) of the same rows from the server's database into a better-sqlite3
 *    file. Min of RUNS fresh processes each; bytes on the wire (both directions, headers included,
 *    counted on the server's sockets) and the client's peak RSS and heap. One more, profiled run of the
 *    console says where its time goes.
 * 2. Offline burst: CONSOLES consoles of one team record PER_CONSOLE mutations each while offline, then
 *    all push at once: time to drain, and the server's record checked for lost or duplicated mutations.
 * 3. Propagation online: console A changes something, console B (its sync loop waiting on the server's
 *    long-poll poke) lands it: p50/p99 over CHANGES changes.
 * Figures, not assertions: each goal is printed next to its figure with ✓ or ✗.
 */

const ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 3);
// PouchDB takes over a minute a run at full size: two runs unless told otherwise.
const POUCH_RUNS = Number(process.env.BENCH_SYNC_POUCH_RUNS ?? Math.min(RUNS, 2));
const CONSOLES = Number(process.env.BENCH_SYNC_CONSOLES ?? 20);
const PER_CONSOLE = Number(process.env.BENCH_SYNC_MUTATIONS ?? 1_000);
const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 100);
/** A burst still draining after this long is reported as such (the retries stop). */
const DRAIN_LIMIT_MS = Number(process.env.BENCH_SYNC_DRAIN_LIMIT_S ?? 300) * 1000;
const ONLY = process.env.BENCH_SYNC_ONLY ?? ''; // 'first' or 'online'
const GOAL = { firstSyncMs: 5_000, overPouch: 5, overFloor: 2, drainMs: 10_000, propagationP99Ms: 1_000 };
const WORK = join(OUT, 'sync');

// --- child processes ---------------------------------------------------------------------------------

type Message = { type: 'ready'; ready: unknown } | { type: 'reply'; id: number; value?: unknown; error?: string } | { type: 'result'; value: unknown } | { type: 'armed'; value: unknown };

class Child<R> {
  readonly proc: ChildProcess;
  readonly ready: Promise<R>;
  private seq = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(file: string, arg: unknown, execArgv: string[] = process.execArgv) {
    this.proc = fork(join(REPO, 'bench', 'sync', file), [JSON.stringify(arg)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise<R>((resolve, reject) => {
      this.proc.on('message', (m: Message) => {
        if (m.type === 'ready') resolve(m.ready as R);
        else if (m.type === 'reply') {
          const w = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (m.error) w?.reject(new Error(m.error));
          else w?.resolve(m.value);
        }
      });
      this.proc.on('exit', (code) => {
        const error = new Error(`bench: ${file} exited (${code})`);
        reject(error);
        for (const w of this.waiting.values()) w.reject(error);
      });
    });
  }

  request<T>(cmd: string, extra: object = {}): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ id, cmd, ...extra });
    });
  }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    await this.request('close').catch(() => undefined);
    await exited;
  }
}

interface ServerTiming {
  routes: Record<string, { n: number; ms: number }>;
  cpuMs: number;
  bytes: { rx: number; tx: number };
}

interface Memory {
  baseRss: number;
  peakRss: number;
  peakHeap: number;
}

/** One measured client run in a fresh process; `onArmed` runs when the client says it is ready to go. */
function runClient<T>(mode: string, args: object, options: { execArgv?: string[]; onArmed?: (value: unknown) => Promise<void> } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const proc = fork(join(REPO, 'bench', 'sync', 'client.ts'), [mode, JSON.stringify(args)], {
      execArgv: options.execArgv ?? process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    proc.on('message', (m: Message) => {
      if (m.type === 'result') result = m.value as T;
      else if (m.type === 'armed') void options.onArmed!(m.value).then(() => proc.send('go'), reject);
    });
    proc.on('exit', (code) => (code === 0 && result !== undefined ? resolve(result) : reject(new Error(`bench: sync client ${mode} exited (${code})`))));
  });
}

async function startServer(kind: TestDbKind, spec: Omit<ServerSpec, 'kind' | 'now'>): Promise<{ child: Child<ServerReady>; ready: ServerReady }> {
  const child = new Child<ServerReady>('server.ts', { kind, now: Date.now(), ...spec } satisfies ServerSpec);
  return { child, ready: await child.ready };
}

/** Runs `fn` between a mark and a read of the server's counters: wire bytes, server time, server CPU. */
async function onServer<T>(server: Child<unknown>, fn: () => Promise<T>): Promise<{ value: T; server: ServerTiming; wire: number }> {
  const before = await server.request<{ rx: number; tx: number }>('mark');
  const value = await fn();
  const s = await server.request<ServerTiming>('timing');
  return { value, server: s, wire: s.bytes.rx - before.rx + (s.bytes.tx - before.tx) };
}

// --- 1. first sync -----------------------------------------------------------------------------------

interface SyncRun extends Memory {
  ms: number;
  customers: number;
  callbacks: number;
  version: number;
  http: Record<string, { n: number; ms: number }>;
}
interface FloorRun extends Memory {
  ms: number;
  rows: number;
  parseMs: number;
  writeMs: number;
  http: Record<string, { n: number; ms: number }>;
}
interface PouchRun extends Memory {
  ms: number;
  docs: number;
  written: number;
}
interface Measured<T> {
  runs: { value: T; server: ServerTiming; wire: number }[];
  best: { value: T; server: ServerTiming; wire: number };
}

const best = <T extends { ms: number }>(runs: { value: T; server: ServerTiming; wire: number }[]): Measured<T> => ({
  runs,
  best: runs.reduce((a, b) => (b.value.ms < a.value.ms ? b : a)),
});

interface FirstSync {
  kind: TestDbKind;
  seedMs: number;
  rows: ServerReady['rows'];
  sync: Measured<SyncRun>;
  floor: Measured<FloorRun>;
  profile: ProfileSummary | null;
  profiledRun: { value: SyncRun; server: ServerTiming } | null;
}

async function firstSync(kind: TestDbKind): Promise<FirstSync> {
  log(`  ${kind}: seeding ${fmtInt(ROWS)} customers + ${fmtInt(ROWS)} callbacks in the team's partition…`);
  const { child, ready } = await startServer(kind, { rows: ROWS, agents: 1, demoCustomers: 0 });
  try {
    log(`  ${kind}: seeded in ${fmtMs(ready.seedMs)}: ${fmtInt(ready.rows.customers)} customers, ${fmtInt(ready.rows.callbacks)} callbacks, ${fmtInt(ready.rows.changes)} rows in the team's change log`);
    const login = { login: ready.supervisor.name, password: ready.supervisor.password, url: ready.url };
    const syncRuns = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await onServer(child, () => runClient<SyncRun>('sync', { ...login, dir: join(WORK, `console-${kind}`) }));
      log(`    sync.connect run ${i + 1}: ${fmtMs(r.value.ms)}  (${fmtInt(r.value.customers)} customers, ${fmtInt(r.value.callbacks)} callbacks landed; ${fmtMb(r.wire)} on the wire; peak RSS ${fmtMb(r.value.peakRss)}, heap ${fmtMb(r.value.peakHeap)})`);
      syncRuns.push(r);
    }
    // One more run under the CPU profiler (not counted), the profile taken around sync.connect only.
    let profile: ProfileSummary | null = null;
    let profiledRun: FirstSync['profiledRun'] = null;
    if (process.env.BENCH_SYNC_PROFILE !== '0') {
      const r = await onServer(child, () => runClient<SyncRun & { profile: ProfileSummary }>('sync', { ...login, dir: join(WORK, `console-${kind}`), timed: true, profile: true }));
      profiledRun = { value: r.value, server: r.server };
      profile = r.value.profile;
    }
    const floorRuns = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await onServer(child, () => runClient<FloorRun>('floor', { url: ready.url, dir: join(WORK, `floor-${kind}`) }));
      log(`    floor run ${i + 1}: ${fmtMs(r.value.ms)}  (${fmtInt(r.value.rows)} rows; ${fmtMb(r.wire)} on the wire; peak RSS ${fmtMb(r.value.peakRss)}, heap ${fmtMb(r.value.peakHeap)})`);
      floorRuns.push(r);
    }
    return { kind, seedMs: ready.seedMs, rows: ready.rows, sync: best(syncRuns), floor: best(floorRuns), profile, profiledRun };
  } finally {
    await child.close();
  }
}

async function pouchDb(): Promise<{ loadMs: number; docs: number; measured: Measured<PouchRun> } | { error: string }> {
  let child: Child<{ url: string; docs: number; loadMs: number }>;
  try {
    const require = createRequire(import.meta.url);
    require.resolve('pouchdb');
    require.resolve('express-pouchdb');
  } catch (error) {
    return { error: `PouchDB is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  mkdirSync(join(OUT, 'cache'), { recursive: true });
  try {
    child = new Child('pouch-server.ts', { rows: ROWS, now: T0, cacheDir: join(OUT, 'cache') });
    const ready = await child.ready;
    log(`  PouchDB server (express-pouchdb, leveldb): ${fmtInt(ready.docs)} documents${ready.loadMs ? `, loaded with bulkDocs in ${fmtMs(ready.loadMs)}` : ' (cached)'}`);
    const runs = [];
    try {
      for (let i = 0; i < POUCH_RUNS; i++) {
        const r = await onServer(child, () => runClient<PouchRun>('pouch', { url: ready.url, dir: join(WORK, 'pouch-local'), batchSize: 1000 }));
        log(`    PouchDB replicate run ${i + 1}: ${fmtMs(r.value.ms)}  (${fmtInt(r.value.docs)} docs; ${fmtMb(r.wire)} on the wire; peak RSS ${fmtMb(r.value.peakRss)}, heap ${fmtMb(r.value.peakHeap)})`);
        runs.push(r);
      }
    } finally {
      await child.close();
    }
    return { loadMs: ready.loadMs, docs: ready.docs, measured: best(runs) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// --- 2 and 3: burst and propagation -----------------------------------------------------------------

interface BurstRun extends Memory {
  setupMs: number;
  recordMs: number;
  counts: Record<string, number>;
  pendingBefore: number;
  drainMs: number;
  convergeMs: number;
  firstPushedMs: number;
  gaveUp: boolean;
  failures: number;
  failureKinds: string[];
  pendingAfter: number;
  refusedAfter: number;
  versions: number[];
}
interface BurstCheck {
  mutations: number;
  distinct: number;
  clients: number;
  ok: number;
  refused: number;
  fullClients: number;
  reveals: number;
  refusals: Record<string, number>;
}
interface Online {
  kind: TestDbKind;
  burst: { run: BurstRun; server: ServerTiming; wire: number; check: BurstCheck };
  propagation: { samples: Samples; timeouts: number };
}

async function online(kind: TestDbKind): Promise<Online> {
  const { child, ready } = await startServer(kind, { rows: 0, agents: CONSOLES, demoCustomers: 1_000 });
  try {
    log(`  ${kind}: team with ${CONSOLES} agents and the demo data (${fmtInt(ready.rows.customers)} customers, ${fmtInt(ready.rows.callbacks)} callbacks)`);
    let marked = { rx: 0, tx: 0 };
    const run = await runClient<BurstRun>(
      'burst',
      { url: ready.url, dir: join(WORK, `burst-${kind}`), agents: ready.agents, perConsole: PER_CONSOLE, limitMs: DRAIN_LIMIT_MS },
      {
        onArmed: async () => {
          marked = await child.request('mark');
        },
      },
    );
    const server = await child.request<ServerTiming>('timing');
    const wire = server.bytes.rx - marked.rx + (server.bytes.tx - marked.tx);
    const [check] = await child.request<BurstCheck[]>('sql', {
      sql: `SELECT count(*)::int AS mutations, count(DISTINCT (client_id, mutation_id))::int AS distinct, count(DISTINCT client_id)::int AS clients,
                   count(*) FILTER (WHERE ok)::int AS ok, count(*) FILTER (WHERE NOT ok)::int AS refused,
                   (SELECT count(*)::int FROM (SELECT client_id FROM sync_mutations GROUP BY client_id HAVING count(*) = $1 AND min(mutation_id) = 1 AND max(mutation_id) = $1) f) AS "fullClients",
                   (SELECT count(*)::int FROM audit_log WHERE action = 'phone.reveal') AS reveals
              FROM sync_mutations`,
      params: [PER_CONSOLE],
    });
    const refusals = await child.request<{ code: string; n: number }[]>('sql', { sql: 'SELECT error_code AS code, count(*)::int AS n FROM sync_mutations WHERE NOT ok GROUP BY 1' });
    const burst = { run, server, wire, check: { ...check!, refusals: Object.fromEntries(refusals.map((r) => [r.code, r.n])) } };
    log(
      `    burst: ${CONSOLES} consoles × ${fmtInt(PER_CONSOLE)} recorded offline in ${fmtMs(run.recordMs)} (${Object.entries(run.counts).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}); ` +
        `drained in ${fmtMs(run.drainMs)} (first console done ${fmtMs(run.firstPushedMs)}), all pulled in ${fmtMs(run.convergeMs)}; ${fmtMb(wire)} on the wire`,
    );
    const pushes = server.routes['/sync/push'];
    if (pushes) log(`      server: ${pushes.n} push requests, handler time ${fmtMs(pushes.ms)} in all (${fmtMs(pushes.ms / pushes.n)} each, ${fmtMs(pushes.ms / Math.max(1, check!.mutations))} a mutation; concurrent requests wait for the team lock), server CPU ${fmtMs(server.cpuMs)}`);
    if (run.failures) log(`      ${run.failures} requests failed and were retried: ${run.failureKinds.join('; ')}`);
    const p = await runClient<{ samples: number[]; timeouts: number }>('propagation', { url: ready.url, dir: join(WORK, `propagation-${kind}`), agents: ready.agents.slice(0, 2), changes: CHANGES });
    const samples = new Samples('propagation');
    for (const s of p.samples) samples.add(s);
    log(`    propagation A → B: p50 ${fmtMs(samples.p50)}, p99 ${fmtMs(samples.p99)}, max ${fmtMs(samples.max)} over ${samples.count} changes${p.timeouts ? ` (${p.timeouts} not seen within 10 s)` : ''}`);
    return { kind, burst, propagation: { samples, timeouts: p.timeouts } };
  } finally {
    await child.close();
  }
}

function printBreakdown(f: FirstSync): void {
  if (!f.profile || !f.profiledRun) return;
  const r = f.profiledRun;
  const pull = r.value.http['/sync/pull'];
  const serverPull = r.server.routes['/sync/pull'];
  log(`    where its time goes (one extra run, profiled around sync.connect: ${fmtMs(r.value.ms)} in all):`);
  if (pull && serverPull) {
    log(
      `      ${pull.n} pull requests: waiting for replies ${fmtMs(pull.ms)} in all, of which the server's handler ${fmtMs(serverPull.ms)} ` +
        `(${fmtMs(serverPull.ms / serverPull.n)} a page: snapshot query of sync_changes + count + JSON); server CPU ${fmtMs(r.server.cpuMs)}`,
    );
  }
  log(`      console, inclusive: ${f.profile.inclusive.map((x) => `${x.name} ${fmtMs(x.ms)}`).join(' · ')}`);
  log('      console, self time (top):');
  for (const s of f.profile.self) log(`        ${fmtMs(s.ms).padStart(9)}  ${s.name}`);
  const fl = f.floor.best.value;
  log(`    the floor's best run: ${fmtMs(fl.ms)} = waiting for pages ${fmtMs(fl.http['/floor']?.ms ?? NaN)}, JSON.parse ${fmtMs(fl.parseMs)}, SQLite inserts ${fmtMs(fl.writeMs)}`);
}

// --- the run -------------------------------------------------------------------------------------------

async function postgresReachable(): Promise<string | null> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    process.env.TEST_DATABASE_URL = url; // createTestDb makes its own database on that server
    return url;
  } catch (error) {
    log(`  PostgreSQL at ${url} not measured: ${error instanceof Error ? error.message : String(error)}`);
    await client.end().catch(() => undefined);
    return null;
  }
}

export async function runSyncBench(): Promise<void> {
  const started = performance.now();
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  log(`  ${fmtInt(ROWS)} customers + ${fmtInt(ROWS)} callbacks; min of ${RUNS} fresh processes (PouchDB: ${POUCH_RUNS}); ${cpus().length} CPUs; load average ${load()} at the start`);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const kinds: TestDbKind[] = process.env.BENCH_SYNC_KINDS === 'postgres' ? [] : ['pglite'];
  if (process.env.BENCH_SYNC_KINDS !== 'pglite' && (await postgresReachable())) kinds.push('postgres');

  log('\n  [1/3] first sync into an empty console');
  const first: FirstSync[] = [];
  if (ONLY !== 'online') {
    for (const kind of kinds) {
      first.push(await firstSync(kind));
      printBreakdown(first.at(-1)!);
    }
  }
  const pouch = process.env.BENCH_SYNC_POUCH === '0' || ONLY === 'online' ? { error: 'skipped' } : await pouchDb();
  if ('error' in pouch) log(`  PouchDB not measured: ${pouch.error}`);

  log(`\n  [2/3] offline burst, [3/3] propagation online`);
  const on: Online[] = [];
  if (ONLY !== 'first') for (const kind of kinds) on.push(await online(kind));

  // --- summary ---
  log('\n  Summary (sync)');
  const rows: TableRow[] = [];
  const pouchMs = 'error' in pouch ? null : pouch.measured.best.value.ms;
  for (const f of first) {
    const s = f.sync.best;
    const fl = f.floor.best;
    const overFloor = s.value.ms / fl.value.ms;
    rows.push({
      label: `first sync ${fmtInt(ROWS)} callbacks + customers, ${f.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} server`,
      cells: [fmtMs(s.value.ms), `${fmtMb(s.wire)} wire`, `RSS ${fmtMb(s.value.peakRss)}`, `heap ${fmtMb(s.value.peakHeap)}`],
      goal: `goal ≤ 5 s ${mark(s.value.ms <= GOAL.firstSyncMs)}`,
    });
    rows.push({
      label: `  floor: paged HTTP copy into better-sqlite3`,
      cells: [fmtMs(fl.value.ms), `${fmtMb(fl.wire)} wire`, `RSS ${fmtMb(fl.value.peakRss)}`, `heap ${fmtMb(fl.value.peakHeap)}`],
      goal: `sync/floor = ${fmtX(overFloor)}  goal ≤ ${GOAL.overFloor}× ${mark(overFloor <= GOAL.overFloor)}`,
    });
    if (pouchMs !== null) {
      const faster = pouchMs / s.value.ms;
      rows.push({ label: `  vs PouchDB`, cells: [], goal: `PouchDB/sync = ${fmtX(faster)}  goal ≥ ${GOAL.overPouch}× ${mark(faster >= GOAL.overPouch)}` });
    }
  }
  if ('error' in pouch) rows.push({ label: 'PouchDB replication (express-pouchdb → leveldb)', cells: ['not measured'], goal: pouch.error });
  else {
    const p = pouch.measured.best;
    rows.push({
      label: `PouchDB replication, ${fmtInt(p.value.docs)} docs (express-pouchdb → leveldb, batch_size 1000)`,
      cells: [fmtMs(p.value.ms), `${fmtMb(p.wire)} wire`, `RSS ${fmtMb(p.value.peakRss)}`, `heap ${fmtMb(p.value.peakHeap)}`],
    });
  }
  for (const o of on) {
    const b = o.burst;
    const c = b.check;
    const expected = CONSOLES * PER_CONSOLE;
    const intact = c.mutations === expected && c.distinct === expected && c.fullClients === CONSOLES;
    rows.push({
      label: `offline burst ${CONSOLES} × ${fmtInt(PER_CONSOLE)} mutations, ${o.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: drain`,
      cells: [b.run.gaveUp ? `not drained in ${DRAIN_LIMIT_MS / 1000} s` : fmtMs(b.run.drainMs), b.run.gaveUp ? '' : `${fmtInt(Math.round(expected / (b.run.drainMs / 1000)))}/s`, `all pulled ${fmtMs(b.run.convergeMs)}`, `${fmtMb(b.wire)} wire`],
      goal: `goal ≤ 10 s ${mark(!b.run.gaveUp && b.run.drainMs <= GOAL.drainMs)}`,
    });
    rows.push({
      label: `  server record: ${fmtInt(c.mutations)} taken (${fmtInt(c.distinct)} distinct), ${fmtInt(c.refused)} refused`,
      cells: [`${c.fullClients}/${CONSOLES} consoles 1…${fmtInt(PER_CONSOLE)}`, `${fmtInt(b.run.pendingAfter)} pending after`],
      goal: `zero lost or duplicated ${mark(intact)}`,
    });
    const s = o.propagation.samples;
    rows.push({
      label: `propagation A → B online (long-poll poke), ${o.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ×${s.count}`,
      cells: [`p50 ${fmtMs(s.p50)}`, `p99 ${fmtMs(s.p99)}`, `max ${fmtMs(s.max)}`],
      goal: `goal p99 ≤ 1 s ${mark(s.p99 <= GOAL.propagationP99Ms && o.propagation.timeouts === 0)}`,
    });
  }
  log(renderTable(rows));
  log(`  wire = bytes both ways on the server's sockets, HTTP headers included (sync and floor send plain JSON; express-pouchdb gzips its replies); RSS and heap = the measuring client process's peaks`);
  log(`  load average ${load()} at the end; sync bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  log(`Sync bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  await runSyncBench();
}
