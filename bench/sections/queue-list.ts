import { queueFilterSchema } from '../../core/contract/api';
import type { QueuePage } from '../../core/contract/views';
import { countQueue } from '../../db/repos/queue-list';
import { getSettings } from '../../db/repos/settings';
import { currentUser } from '../../electron/services/context';
import { openZones } from '../../electron/services/queue';
import { call, openConsole, T0 } from '../lib/env';
import type { ConsoleModules } from '../lib/modules';
import { Samples, type Stat } from '../lib/stats';

/** queue.list pages (default filter and sort, limit 200) through the real back end. */

export interface ListResult {
  pages: { offset: number; stat: Stat; rows: number; total: number }[];
  /** The page's count(*) query alone, on the same connection. */
  countOnly: Stat;
}

export async function measureQueueList(
  m: Pick<ConsoleModules, 'createBackend'>,
  dataDir: string,
  offsets: number[],
  repeats: number,
): Promise<ListResult> {
  const { backend, clock } = openConsole(dataDir, T0, m.createBackend);
  clock.now = T0 + 3_600_000;
  const db = backend.context!.db.$client;
  const countStmt = db.prepare(`SELECT count(*) AS n FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.state = 'open'`);
  const pages: ListResult['pages'] = [];
  for (const offset of offsets) {
    const samples = new Samples(`queue.list offset ${offset}`);
    let page: QueuePage | undefined;
    // One unmeasured call first: statement preparation and a cold page cache are not the steady state.
    for (let i = -1; i < repeats; i++) {
      const t = performance.now();
      page = await call<QueuePage>(backend, 'queue.list', { offset, limit: 200 });
      if (i >= 0) samples.add(performance.now() - t);
    }
    pages.push({ offset, stat: samples.stat(), rows: page!.rows.length, total: page!.total });
  }
  const countOnly = new Samples('count');
  for (let i = 0; i < repeats; i++) countOnly.time(() => countStmt.get());
  backend.close();
  return { pages, countOnly: countOnly.stat() };
}

/** One queue configuration measured at depth: a sort, a direction and a filter. */
export interface DepthConfig {
  label: string;
  sort: string;
  direction: 'asc' | 'desc';
  filter: Record<string, unknown>;
}

export interface DepthResult {
  label: string;
  total: number;
  /** The first page (keyset from the top). */
  first: Stat;
  /** The page at `depth` rows in, reached as scrolling reaches it: by the cursor of the page before. */
  deep: Stat;
  /** The same page by offset, as a jump of the scrollbar asks for it (one call; measured on the first configuration only). */
  jumpMs: number | null;
  /** Reaching the depth by walking the cursors 500 rows at a time: all the pages before it, summed. */
  walkMs: number;
  /** The filter's total alone, repeated (queue_counts, a cached count, or a count over the lease index). */
  countOnly: Stat;
  /** …and its first computation (what a page pays once per write or minute for callable, blocked and search). */
  countColdMs: number;
  depth: number;
}

/** Every sort in both directions on the default filter, and the other filters on the default sort. */
export const DEPTH_CONFIGS: DepthConfig[] = [
  ...(['queue', 'due', 'priority', 'attempts', 'name', 'created'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).map((direction) => ({ label: `open, by ${sort} ${direction}`, sort, direction, filter: {} })),
  ),
  { label: 'callable now, by queue', sort: 'queue', direction: 'asc', filter: { status: 'callable' } },
  { label: 'blocked, by queue', sort: 'queue', direction: 'asc', filter: { status: 'blocked' } },
  { label: 'closed, by created desc', sort: 'created', direction: 'desc', filter: { status: 'closed' } },
  { label: 'all, by due', sort: 'due', direction: 'asc', filter: { status: 'all' } },
  { label: 'reason winback + care, by queue', sort: 'queue', direction: 'asc', filter: { reasons: ['winback', 'care'] } },
  { label: 'priority 1–2, by name', sort: 'name', direction: 'asc', filter: { priorities: [1, 2] } },
  { label: 'search "张", by queue', sort: 'queue', direction: 'asc', filter: { search: '张' } },
  { label: 'search phone "5678", by queue', sort: 'queue', direction: 'asc', filter: { search: '5678' } },
];

/**
 * queue.list through the real back end at depth: for each configuration the first page, then the page
 * `depth` rows in by the cursor of the rows before it, as scrolling on reaches it (the cursor found by
 * walking there 500 rows at a time). Limit 200, as the console asks. The first configuration also
 * times the same page by offset, as a scrollbar jump asks for it.
 */
export async function measureQueueDepth(
  m: Pick<ConsoleModules, 'createBackend'>,
  dataDir: string,
  depth: number,
  repeats: number,
  configs: DepthConfig[] = DEPTH_CONFIGS,
): Promise<DepthResult[]> {
  const { backend, clock } = openConsole(dataDir, T0, m.createBackend);
  clock.now = T0 + 3_600_000;
  const out: DepthResult[] = [];
  for (const c of configs) {
    const input = { sort: c.sort, direction: c.direction, filter: { status: 'open', ...c.filter }, limit: 200 };
    const ctx = backend.context!;
    const filter = queueFilterSchema.parse(input.filter);
    const countParams = () => ({ filter, now: clock.now, agentId: currentUser(ctx).id, zones: openZones(ctx.db, clock.now, getSettings(ctx.db)) });
    let t = performance.now();
    countQueue(ctx.db, countParams());
    const countColdMs = performance.now() - t;
    const first = new Samples('first');
    let page: QueuePage | undefined;
    for (let i = -1; i < repeats; i++) {
      const t = performance.now();
      page = await call<QueuePage>(backend, 'queue.list', { ...input, offset: 0 });
      if (i >= 0) first.add(performance.now() - t);
    }
    const total = page!.total;
    // Walk to the deep page by cursors, 500 rows a page (keyset all the way).
    const at = Math.max(0, Math.min(depth, Math.floor((total - 1) / 200) * 200));
    let cursor: string | null = null;
    let reached = 0;
    t = performance.now();
    while (reached < at) {
      const limit = Math.min(500, at - reached);
      const step: QueuePage = await call<QueuePage>(backend, 'queue.list', { ...input, limit, offset: reached, ...(cursor ? { cursor } : {}) });
      cursor = step.nextCursor;
      reached += step.rows.length;
      if (!cursor) break;
    }
    const walkMs = performance.now() - t;
    const deep = new Samples('deep');
    if (cursor) {
      for (let i = -1; i < repeats; i++) {
        t = performance.now();
        await call<QueuePage>(backend, 'queue.list', { ...input, offset: at, cursor });
        if (i >= 0) deep.add(performance.now() - t);
      }
    }
    // The same page by offset (a scrollbar jump): the old way, once, for the default sort only.
    let jumpMs: number | null = null;
    if (c === configs[0]) {
      t = performance.now();
      await call<QueuePage>(backend, 'queue.list', { ...input, offset: at });
      jumpMs = performance.now() - t;
    }
    const countOnly = new Samples('count');
    for (let i = 0; i < repeats; i++) countOnly.time(() => countQueue(ctx.db, countParams()));
    out.push({ label: c.label, total, first: first.stat(), deep: deep.count ? deep.stat() : first.stat(), jumpMs, countOnly: countOnly.stat(), countColdMs, walkMs, depth: cursor ? at : 0 });
  }
  backend.close();
  return out;
}
