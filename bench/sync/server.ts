import { serve } from '@hono/node-server';
import type { AddressInfo, Socket } from 'node:net';
import pino from 'pino';
import { createServerApp } from '../../server/app';
import { createAccount, createTeam } from '../../server/auth/accounts';
import { seedDemoData } from '../../server/demo';
import { createTeamSignals } from '../../server/sync/signals';
import { createTestDb, type TestDbKind } from '../../server/testing/databases';
import { testHasher } from '../../server/testing/harness';
import { PULL_PAGE_ROWS } from '../../core/sync/protocol';
import { teamRows } from './rows';

/*
 * The central server of the sync bench in its own process (so the console's memory and CPU figures are
 * the console's): a team on PGlite or PostgreSQL, optionally seeded with `rows` customers + callbacks
 * (bulk INSERTs in one transaction that first takes the team's version, so the capture triggers record
 * every row in the team's partition) or with the demo data, served by the real app over a socket on
 * 127.0.0.1. Beside the app, the floor's route: a plain keyset page of a table, as JSON.
 * Driven over IPC by bench/sync.ts: bytes on the wire, server time per route, SQL, memory, close.
 */

export interface ServerSpec {
  kind: TestDbKind;
  rows: number;
  agents: number;
  demoCustomers: number;
  now: number;
}

export interface ServerReady {
  url: string;
  teamId: string;
  supervisor: { name: string; password: string };
  agents: { id: string; name: string; password: string }[];
  seedMs: number;
  rows: { customers: number; callbacks: number; changes: number };
}

const spec = JSON.parse(process.argv[2]!) as ServerSpec;
const t = await createTestDb(spec.kind, { poolSize: 8 });
const db = t.db;
const team = await createTeam(db, { name: '基准回访组', now: spec.now, actorId: 'system' });
const password = 'bench-sync-pass';
const sup = await createAccount(db, testHasher, { teamId: team.id, name: '基准主管', role: 'supervisor', isAdmin: true, password, now: spec.now, actorId: 'system' });
const agents: ServerReady['agents'] = [];
for (let i = 0; i < spec.agents; i++) {
  const a = await createAccount(db, testHasher, { teamId: team.id, name: `基准坐席${i + 1}`, role: 'agent', password, now: spec.now, actorId: 'system' });
  agents.push({ id: a.id, name: a.name, password });
}

const seedStart = performance.now();
if (spec.rows > 0) {
  const rows = teamRows(spec.rows, spec.now, agents.map((a) => a.id));
  await db.transaction(async (tx) => {
    await tx.query('SELECT sync_begin($1)', [team.id]);
    for (const [table, list] of [
      ['customers', rows.customers],
      ['callbacks', rows.callbacks],
    ] as const) {
      for (let i = 0; i < list.length; i += 5_000) {
        await tx.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(list.slice(i, i + 5_000))]);
      }
    }
  });
}
if (spec.demoCustomers > 0) {
  await seedDemoData(db, { teamId: team.id, accounts: [], supervisorId: sup.id, agentIds: agents.map((a) => a.id) }, spec.now, spec.demoCustomers);
}
const seedMs = performance.now() - seedStart;
const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

// --- the app on a socket, with bytes and server time counted -------------------------------------
const app = createServerApp({ db, hasher: testHasher, logger: pino({ level: 'silent' }), signals: createTeamSignals() });
const timing = new Map<string, { n: number; ms: number }>();
const FLOOR_TABLES = new Set(['customers', 'callbacks']);
async function floorPage(table: string, after: string): Promise<Response> {
  if (!FLOOR_TABLES.has(table)) return new Response('no such table', { status: 404 });
  const { rows } = await db.query(`SELECT * FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${PULL_PAGE_ROWS}`, [after]);
  return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
}
const server = serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: async (req: Request) => {
    const path = new URL(req.url).pathname;
    const t0 = performance.now();
    const res = path.startsWith('/floor/') ? await floorPage(path.slice(7), new URL(req.url).searchParams.get('after') ?? '') : await app.fetch(req);
    if (path !== '/sync/poke') {
      const key = path.startsWith('/floor/') ? '/floor' : path;
      const e = timing.get(key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t0;
      timing.set(key, e);
    }
    return res;
  },
});
const sockets = new Set<Socket>();
let closedRx = 0;
let closedTx = 0;
server.on('connection', (s: Socket) => {
  sockets.add(s);
  s.on('close', () => {
    closedRx += s.bytesRead;
    closedTx += s.bytesWritten;
    sockets.delete(s);
  });
});
await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
const { port } = server.address() as AddressInfo;
const bytes = () => {
  let rx = closedRx;
  let tx = closedTx;
  for (const s of sockets) {
    rx += s.bytesRead;
    tx += s.bytesWritten;
  }
  return { rx, tx };
};

const ready: ServerReady = {
  url: `http://127.0.0.1:${port}`,
  teamId: team.id,
  supervisor: { name: sup.name, password },
  agents,
  seedMs,
  rows: {
    customers: await count('SELECT count(*) AS n FROM customers'),
    callbacks: await count('SELECT count(*) AS n FROM callbacks'),
    changes: await count('SELECT count(*) AS n FROM sync_changes WHERE team_id = $1', [team.id]),
  },
};
process.send!({ type: 'ready', ready });

let cpuMark = process.cpuUsage();
process.on('message', (m: { id: number; cmd: string; sql?: string; params?: unknown[] }) => {
  void (async () => {
    let value: unknown;
    if (m.cmd === 'bytes') value = bytes();
    else if (m.cmd === 'mark') {
      timing.clear();
      cpuMark = process.cpuUsage();
      value = bytes();
    } else if (m.cmd === 'timing') {
      const cpu = process.cpuUsage(cpuMark);
      value = { routes: Object.fromEntries(timing), cpuMs: (cpu.user + cpu.system) / 1000, bytes: bytes() };
    } else if (m.cmd === 'sql') value = (await db.query(m.sql!, m.params ?? [])).rows;
    else if (m.cmd === 'mem') value = { rss: process.memoryUsage().rss, peakRss: process.resourceUsage().maxRSS * 1024 };
    else if (m.cmd === 'close') {
      server.close();
      for (const s of sockets) s.destroy();
      await t.drop();
      process.send!({ type: 'reply', id: m.id, value: null }, () => process.exit(0));
      return;
    }
    process.send!({ type: 'reply', id: m.id, value });
  })().catch((error: unknown) => process.send!({ type: 'reply', id: m.id, error: error instanceof Error ? error.message : String(error) }));
});
