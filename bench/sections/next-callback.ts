import type { CallbackDetail, OutcomeResult } from '../../core/contract/views';
import type { Disposition } from '../../core/domain/model';
import { createPrng, weighted } from '../../core/demo/prng';
import type { Db } from '../../db/open';
import { actAs, call, openConsole, T0 } from '../lib/env';
import type { ConsoleModules } from '../lib/modules';
import { progress, Samples, type Stat } from '../lib/stats';

/**
 * "Next" and "record outcome" on a big queue, through the back end (backend.invoke), with every part
 * of takeNext also timed on its own in the same iteration, and the bare indexed query (the floor) on
 * the same connection.
 */

export const FLOOR_SQL = `SELECT id FROM callbacks INDEXED BY callbacks_queue_due
  WHERE state = 'open' AND due_at IS NOT NULL AND priority = ? AND due_at <= ? ORDER BY due_at, created_at, id LIMIT 1`;

/** Mon 2026-11-23 23:00 in Shanghai: outside the calling window of every mainland customer. */
export const NIGHT = Date.parse('2026-11-23T23:00:00+08:00');

export interface NextCallbackResult {
  label: string;
  iterations: number;
  takeNext: Stat;
  firstTakeNext: number;
  pickService: Stat;
  pickSql: Stat;
  floor: Stat;
  detail: Stat;
  recordOutcome: Stat;
  parts: Record<'currentUser' | 'activeLease' | 'settings' | 'zonesReread' | 'openZones' | 'lease', Stat>;
  dispositions: Record<string, number>;
  cancelled: number;
  pickedPriorities: Record<number, number>;
  /** A checkpoint of whatever WAL is left after the loop (what a deferred checkpoint costs). */
  finalCheckpoint: { ms: number; pages: number };
  /** How many of the slowest 1 % of calls overlapped a V8 garbage collection pause. */
  tailGc: { takeNext: TailGc; recordOutcome: TailGc };
  wallMs: number;
}

export interface TailGc {
  slowest: number;
  withGc: number;
  gcMs: number;
}

// A working day's mix of call results.
const DISPOSITION = weighted<Disposition>([
  ['reached', 42],
  ['no_answer', 20],
  ['busy', 6],
  ['voicemail', 8],
  ['callback_later', 10],
  ['refused', 5],
  ['wrong_number', 2],
  ['dnc_requested', 7],
]);
const SURVEY_SKIPPED = '客户没有时间做问卷';
const NOTES = ['', '', '客户表示满意', '已解释退款进度', 'Customer asked to call after lunch', '未接通', '客户要求不再来电', '已引导完成绑卡'];

/** Expensive parts that are also inside takeNext are timed only every SAMPLE_EVERY iterations. */
const SAMPLE_EVERY = 10;
const WARMUP = 20;

export async function measureNextCallback(m: ConsoleModules, dataDir: string, iterations: number, label: string): Promise<NextCallbackResult> {
  const { backend, clock } = openConsole(dataDir, T0, m.createBackend);
  const base = backend.context!;
  const db: Db = base.db;
  // The seed's agent (王晓明, the first agent): the bench's calls and direct service calls act as them.
  const agentId = (db.$client.prepare(`SELECT id FROM users WHERE role = 'agent' ORDER BY created_at, id LIMIT 1`).get() as { id: string }).id;
  actAs(backend, agentId);
  const ctx = { ...base, userId: agentId };
  const floorStmt = db.$client.prepare(FLOOR_SQL);
  const rng = createPrng(7, 0);
  const r = {
    takeNext: new Samples('takeNext'),
    firstTakeNext: NaN,
    pickService: new Samples('pick (service)'),
    pickSql: new Samples('pick (sql)'),
    floor: new Samples('floor'),
    detail: new Samples('detail'),
    recordOutcome: new Samples('recordOutcome'),
    parts: {
      currentUser: new Samples('currentUser'),
      activeLease: new Samples('activeLeaseOf'),
      settings: new Samples('getSettings'),
      zonesReread: new Samples('zones re-read'),
      openZones: new Samples('openZones'),
      lease: new Samples('lease mutation'),
    },
    dispositions: {} as Record<string, number>,
    cancelled: 0,
    pickedPriorities: {} as Record<number, number>,
  };
  // V8 GC pauses, to tell a garbage collection in the tail from the code's own cost.
  const gcs: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const spans = { takeNext: [] as [number, number][], recordOutcome: [] as [number, number][] };
  const bar = progress(label);
  const started = performance.now();
  for (let i = -WARMUP; i < iterations; i++) {
    const rec = i >= 0;
    // A call takes longer than the zone cache's 5 s, so every Next re-reads the zones, as in real use.
    clock.now += 3_000;
    const t0 = performance.now();
    const detail = await call<CallbackDetail>(backend, 'queue.takeNext', {});
    const took = performance.now() - t0;
    if (i === -WARMUP) r.firstTakeNext = took;
    const now = clock.now;
    const id = detail.callback.id;
    if (rec) {
      r.takeNext.add(took);
      spans.takeNext.push([t0, t0 + took]);
      r.pickedPriorities[detail.callback.priority] = (r.pickedPriorities[detail.callback.priority] ?? 0) + 1;
      // The parts of takeNext, each on its own, on the same state. The agent now holds `id`, which is
      // still first in queue order, so the pick does the same work it did inside takeNext.
      r.parts.currentUser.time(() => m.currentUser(ctx));
      const settings = r.parts.settings.time(() => m.getSettings(db));
      if (i % SAMPLE_EVERY === 0) {
        r.parts.activeLease.time(() => m.activeLeaseOf(db, agentId, now));
        r.parts.zonesReread.time(() => m.distinctTimezones(db));
      }
      // Zone cache already filled by takeNext at this instant: this is the cached lookup.
      const zones = r.parts.openZones.time(() => m.openZones(db, now, settings));
      const picked = r.pickService.time(() => m.pickNext(ctx, agentId, now, settings));
      r.pickSql.time(() => m.pickNextCandidate(db, { now, agentId, zones }));
      r.floor.time(() => floorStmt.get(1, now));
      if (picked !== id) throw new Error(`bench: pick returned ${picked}, takeNext leased ${id}`);
      // The lease write on its own, rolled back (the real one already happened inside takeNext).
      db.$client.exec('BEGIN');
      r.parts.lease.time(() =>
        m.runMutation(db, 'callbacks.lease', { callbackId: id, agentId, at: now, expiresAt: now + settings.leaseMinutes * 60_000 }, now),
      );
      db.$client.exec('ROLLBACK');
      r.detail.time(() => m.callbackDetail(ctx, id));
    }

    // The call is dialled (an outcome needs a started call; the start is kept in the console's draft).
    await call(backend, 'callbacks.startCall', { id });
    clock.now += 4_000;
    const disposition = DISPOSITION(rng);
    const input = {
      callbackId: id,
      disposition,
      notes: rng.pick(NOTES),
      startedAt: now + 500,
      endedAt: now + 3_500,
      // Same local time tomorrow: inside the window of a zone that is open now.
      callbackAt: disposition === 'callback_later' ? Math.floor((clock.now + 86_400_000) / 60_000) * 60_000 : null,
      dncExpiresAt: disposition === 'dnc_requested' && rng.chance(0.5) ? clock.now + 180 * 86_400_000 : null,
      // A reached call whose questionnaire was not completed needs a reason (no questionnaire is run here).
      surveySkipReason: disposition === 'reached' ? SURVEY_SKIPPED : null,
    };
    const t1 = performance.now();
    const out = await call<OutcomeResult>(backend, 'callbacks.recordOutcome', input);
    if (rec) {
      const t2 = performance.now();
      r.recordOutcome.add(t2 - t1);
      spans.recordOutcome.push([t1, t2]);
      r.dispositions[disposition] = (r.dispositions[disposition] ?? 0) + 1;
      r.cancelled += out.cancelledCallbacks;
    }
    if (rec && (i % 100 === 99 || i === iterations - 1)) {
      bar.update(`${i + 1} / ${iterations} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  const wallMs = performance.now() - started;
  bar.done(`${iterations} iterations in ${(wallMs / 1000).toFixed(1)} s`);
  const t = performance.now();
  const ck = db.$client.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  const finalCheckpoint = { ms: performance.now() - t, pages: ck[0]?.checkpointed ?? 0 };
  backend.close();
  // GC entries reach the observer only once the event loop turns (the loop above never yields to it).
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const p = r.parts;
  return {
    label,
    iterations,
    takeNext: r.takeNext.stat(),
    firstTakeNext: r.firstTakeNext,
    pickService: r.pickService.stat(),
    pickSql: r.pickSql.stat(),
    floor: r.floor.stat(),
    detail: r.detail.stat(),
    recordOutcome: r.recordOutcome.stat(),
    parts: {
      currentUser: p.currentUser.stat(),
      activeLease: p.activeLease.stat(),
      settings: p.settings.stat(),
      zonesReread: p.zonesReread.stat(),
      openZones: p.openZones.stat(),
      lease: p.lease.stat(),
    },
    dispositions: r.dispositions,
    cancelled: r.cancelled,
    pickedPriorities: r.pickedPriorities,
    finalCheckpoint,
    tailGc: { takeNext: tailGc(spans.takeNext, gcs), recordOutcome: tailGc(spans.recordOutcome, gcs) },
    wallMs,
  };
}

function tailGc(spans: [number, number][], gcs: [number, number][]): TailGc {
  const slowest = [...spans].sort((a, b) => b[1] - b[0] - (a[1] - a[0])).slice(0, Math.max(1, Math.ceil(spans.length / 100)));
  let withGc = 0;
  let gcMs = 0;
  for (const [from, to] of slowest) {
    const overlap = gcs.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
    if (overlap > 0) withGc++;
    gcMs += overlap;
  }
  return { slowest: slowest.length, withGc, gcMs };
}

export interface NightResult {
  at: number;
  /** Zones whose window is open at `at`, of all distinct zones. */
  openZones: string[];
  allZones: number;
  /** Open callbacks due by `at`, and how many of them have their customer in an open zone. */
  dueOpen: number;
  dueInOpenZones: number;
  /** The pick alone at the start of the night, repeated on the same state (no lease taken). */
  pick: {
    iterations: number;
    pickService: Stat;
    pickSql: Stat;
    floor: Stat;
    picked: { priority: number; overdue: boolean; timezone: string } | null;
    /** Open rows before the picked one in the ranges the SQL walks (all of them when nothing is callable). */
    rowsBefore: number;
  };
  /** Then a night shift: Next and an outcome, again and again, as the callable rows at the head are used up. */
  shift: {
    iterations: number;
    takeNext: Stat;
    firstTenth: Stat;
    lastTenth: Stat;
    recordOutcome: Stat;
    rowsBeforeAtEnd: number;
    pickedPriorities: Record<number, number>;
  };
}

/**
 * Next at night, on a fresh copy of the seed: most customers are outside their calling window, so the
 * pick's SQL walks the queue-order index and steps past every row whose customer's zone is closed.
 * First the pick alone (same state each time), then a night shift of takeNext + recordOutcome.
 */
export async function measureNight(m: ConsoleModules, dataDir: string, at: number, pickIterations: number, shiftIterations: number): Promise<NightResult> {
  const { backend, clock } = openConsole(dataDir, at, m.createBackend);
  const base = backend.context!;
  const db: Db = base.db;
  const c = db.$client;
  const agentId = (c.prepare(`SELECT id FROM users WHERE role = 'agent' ORDER BY created_at, id LIMIT 1`).get() as { id: string }).id;
  actAs(backend, agentId);
  const ctx = { ...base, userId: agentId };
  const floorStmt = c.prepare(FLOOR_SQL);
  const settings = m.getSettings(db);
  const zones = m.openZones(db, at, settings);
  const zonesJson = JSON.stringify(zones);
  const dueOpen = (c.prepare(`SELECT count(*) AS n FROM callbacks WHERE state = 'open' AND (due_at IS NULL OR due_at <= ?)`).get(at) as { n: number }).n;
  const dueInOpenZones = (
    c
      .prepare(
        `SELECT count(*) AS n FROM callbacks cb JOIN customers cu ON cu.id = cb.customer_id
          WHERE cb.state = 'open' AND (cb.due_at IS NULL OR cb.due_at <= ?) AND cu.timezone IN (SELECT value FROM json_each(?))`,
      )
      .get(at, zonesJson) as { n: number }
  ).n;

  // 1. The pick alone, on the same state every time; the clock stays inside one minute (same zone verdict).
  const pickService = new Samples('night pick (service)');
  const pickSql = new Samples('night pick (sql)');
  const floor = new Samples('night floor');
  let picked: string | undefined;
  for (let i = -WARMUP; i < pickIterations; i++) {
    const now = at + (i + WARMUP) * 50;
    clock.now = now;
    const open = m.openZones(db, now, settings);
    if (i < 0) {
      picked = m.pickNext(ctx, agentId, now, settings);
      continue;
    }
    const got = pickService.time(() => m.pickNext(ctx, agentId, now, settings));
    pickSql.time(() => m.pickNextCandidate(db, { now, agentId, zones: open }));
    floor.time(() => floorStmt.get(1, now));
    if (got !== picked) throw new Error(`bench: the night pick moved from ${picked} to ${got}`);
  }
  const pickedInfo = picked ? describePick(c, picked) : null;
  const pick = {
    iterations: pickIterations,
    pickService: pickService.stat(),
    pickSql: pickSql.stat(),
    floor: floor.stat(),
    picked: pickedInfo,
    rowsBefore: picked ? rowsBefore(c, picked, at) : dueOpen,
  };

  // 2. A night shift.
  const rng = createPrng(11, 0);
  const takeNext = new Samples('night takeNext');
  const recordOutcome = new Samples('night recordOutcome');
  const pickedPriorities: Record<number, number> = {};
  const bar = progress('night shift');
  const started = performance.now();
  clock.now = at;
  for (let i = 0; i < shiftIterations; i++) {
    clock.now += 3_000;
    const detail = await takeNext.timeAsync(() => call<CallbackDetail>(backend, 'queue.takeNext', {}));
    const now = clock.now;
    pickedPriorities[detail.callback.priority] = (pickedPriorities[detail.callback.priority] ?? 0) + 1;
    clock.now += 4_000;
    const disposition = DISPOSITION(rng);
    const input = {
      callbackId: detail.callback.id,
      disposition,
      notes: rng.pick(NOTES),
      startedAt: now + 500,
      endedAt: now + 3_500,
      callbackAt: disposition === 'callback_later' ? Math.floor((clock.now + 86_400_000) / 60_000) * 60_000 : null,
      dncExpiresAt: disposition === 'dnc_requested' && rng.chance(0.5) ? clock.now + 180 * 86_400_000 : null,
      // A reached call whose questionnaire was not completed needs a reason (no questionnaire is run here).
      surveySkipReason: disposition === 'reached' ? SURVEY_SKIPPED : null,
    };
    await recordOutcome.timeAsync(() => call<OutcomeResult>(backend, 'callbacks.recordOutcome', input));
    if (i % 50 === 49 || i === shiftIterations - 1) bar.update(`${i + 1} / ${shiftIterations} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  bar.done(`${shiftIterations} iterations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // What the next Next would walk now that the head's callable rows are used up.
  clock.now += 3_000;
  const next = m.pickNext(ctx, agentId, clock.now, settings);
  const tenth = Math.max(1, Math.floor(shiftIterations / 10));
  const slice = (from: number, to: number) => {
    const x = new Samples('slice');
    for (const v of takeNext.values.slice(from, to)) x.add(v);
    return x.stat();
  };
  const shift = {
    iterations: shiftIterations,
    takeNext: takeNext.stat(),
    firstTenth: slice(0, tenth),
    lastTenth: slice(shiftIterations - tenth, shiftIterations),
    recordOutcome: recordOutcome.stat(),
    rowsBeforeAtEnd: next ? rowsBefore(c, next, clock.now) : dueOpen,
    pickedPriorities,
  };
  const allZones = m.distinctTimezones(db).length;
  backend.close();
  return { at, openZones: zones, allZones, dueOpen, dueInOpenZones, pick, shift };
}

function describePick(c: Db['$client'], id: string) {
  const row = c
    .prepare(`SELECT cb.priority, cb.due_at AS dueAt, cu.timezone FROM callbacks cb JOIN customers cu ON cu.id = cb.customer_id WHERE cb.id = ?`)
    .get(id) as { priority: number; dueAt: number | null; timezone: string };
  return { priority: row.priority, overdue: row.dueAt !== null, timezone: row.timezone };
}

/**
 * How many rows the pick's SQL walks before it reaches `id`: the open rows ahead of it in queue order
 * (every priority's overdue range first, then the as-soon-as-callable ones).
 */
function rowsBefore(c: Db['$client'], id: string, now: number): number {
  const row = c.prepare(`SELECT priority, due_at AS dueAt, created_at AS createdAt FROM callbacks WHERE id = ?`).get(id) as {
    priority: number;
    dueAt: number | null;
    createdAt: number;
  };
  const count = (sql: string, ...params: unknown[]) => (c.prepare(`SELECT count(*) AS n FROM callbacks WHERE ${sql}`).get(...params) as { n: number }).n;
  const overdue = `state = 'open' AND due_at IS NOT NULL AND due_at <= ?`;
  const asap = `state = 'open' AND due_at IS NULL`;
  return row.dueAt !== null
    ? count(`${overdue} AND priority < ?`, now, row.priority) +
        count(`${overdue} AND priority = ? AND (due_at, created_at, id) < (?, ?, ?)`, now, row.priority, row.dueAt, row.createdAt, id)
    : count(overdue, now) + count(`${asap} AND priority < ?`, row.priority) + count(`${asap} AND priority = ? AND (created_at, id) < (?, ?)`, row.priority, row.createdAt, id);
}
