import type { QueuePage } from '../../core/contract/views';
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
