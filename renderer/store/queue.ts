import type { QueueFilter, QueueSort } from '../../core/contract/api';
import type { QueueRow, QueueSummary } from '../../core/contract/views';
import { call } from '../api/client';
import { apiErrorText } from '../i18n/apiError';
import type { Slice } from './types';
import { loadQueuePrefs, saveQueuePrefs } from './queuePrefs';

export const PAGE_SIZE = 200;
/** Pages kept per query (8,000 rows); older, distant pages are refetched if scrolled back to. */
const MAX_CACHED_PAGES = 40;

export const DEFAULT_FILTER: QueueFilter = { status: 'open', reasons: [], priorities: [], search: '', mine: false };

export interface QueueCache {
  /** filter + sort + direction + generation; responses for another key are dropped. */
  key: string;
  total: number | null;
  pages: Record<number, QueueRow[]>;
  loading: Record<number, true>;
  /** Pages of the previous generation of the same query, shown while fresh ones load (no flash). */
  stale: Record<number, QueueRow[]>;
  /**
   * Keyset cursors: cursors[p] is the `nextCursor` of page p - 1, so page p loads from just after that
   * page's last row whatever its depth. A cursor is a position, not a snapshot: it stays good across
   * generations of the same query. A page with no cursor known (a jump) loads by offset.
   */
  cursors: Record<number, string>;
  error: string | null;
}

export interface QueueSlice {
  filter: QueueFilter;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  generation: number;
  cache: QueueCache;
  summary: QueueSummary | null;
  setFilter(patch: Partial<QueueFilter>): void;
  resetFilter(): void;
  /** Clicking a header: same column flips the direction, another column starts ascending. */
  toggleSort(sort: QueueSort): void;
  setSort(sort: QueueSort, direction: 'asc' | 'desc'): void;
  /** Makes sure the pages covering rows [start, end] are loaded or loading. */
  ensureRows(start: number, end: number): void;
  /** Forget cached pages (after an outcome, a switch of user, an import...) and refetch the summary. */
  invalidateQueue(): void;
  refreshSummary(): Promise<void>;
  /** The signed-in user's last filters and sort (localStorage), or the defaults; call before the queue loads. */
  restoreQueuePrefs(userId: string | null): void;
}

function cacheKey(filter: QueueFilter, sort: QueueSort, direction: string, generation: number): string {
  return JSON.stringify([filter, sort, direction, generation]);
}

function emptyCache(key: string, stale: Record<number, QueueRow[]> = {}, total: number | null = null, cursors: Record<number, string> = {}): QueueCache {
  return { key, total, pages: {}, loading: {}, stale, cursors, error: null };
}

export const createQueueSlice: Slice<QueueSlice> = (set, get) => {
  const reset = (keepStale: boolean) => {
    const { filter, sort, direction, generation, cache } = get();
    const key = cacheKey(filter, sort, direction, generation);
    const stale = keepStale ? { ...cache.stale, ...cache.pages } : {};
    set({ cache: emptyCache(key, stale, keepStale ? cache.total : null, keepStale ? cache.cursors : {}) });
    get().ensureRows(0, PAGE_SIZE - 1);
  };

  /** Whose queue preferences are read and written (null before anyone is signed in: nothing is kept). */
  let prefsUser: string | null = null;
  const persist = () => {
    const { filter, sort, direction } = get();
    if (prefsUser) saveQueuePrefs(prefsUser, { filter, sort, direction });
  };

  async function loadPage(page: number) {
    const { filter, sort, direction, cache } = get();
    const key = cache.key;
    set({ cache: { ...cache, loading: { ...cache.loading, [page]: true } } });
    const cursor = cache.cursors[page];
    const r = await call('queue.list', { filter, sort, direction, offset: page * PAGE_SIZE, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const now = get().cache;
    if (now.key !== key) return; // the query changed while this page was in flight
    const loading = { ...now.loading };
    delete loading[page];
    if (!r.ok) {
      set({ cache: { ...now, loading, error: apiErrorText(r.error) } });
      return;
    }
    const stale = { ...now.stale };
    delete stale[page];
    // Once the first page of a new generation is in, pages beyond the new total are meaningless.
    const pages = { ...now.pages, [page]: r.value.rows };
    // Keep memory flat on 100k-row queues: forget the pages farthest from the one just loaded.
    const loaded = Object.keys(pages).map(Number);
    if (loaded.length > MAX_CACHED_PAGES) {
      loaded.sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
      for (const p of loaded.slice(0, loaded.length - MAX_CACHED_PAGES)) delete pages[p];
    }
    const cursors = r.value.nextCursor ? { ...now.cursors, [page + 1]: r.value.nextCursor } : now.cursors;
    set({ cache: { ...now, loading, stale, total: r.value.total, error: null, pages, cursors } });
  }

  return {
    filter: DEFAULT_FILTER,
    sort: 'queue',
    direction: 'asc',
    generation: 0,
    cache: emptyCache(cacheKey(DEFAULT_FILTER, 'queue', 'asc', 0)),
    summary: null,

    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
      persist();
      reset(false);
    },
    resetFilter() {
      set({ filter: DEFAULT_FILTER });
      persist();
      reset(false);
    },
    toggleSort(sort) {
      const { sort: current, direction } = get();
      if (sort === current) set({ direction: direction === 'asc' ? 'desc' : 'asc' });
      else set({ sort, direction: 'asc' });
      persist();
      reset(false);
    },
    setSort(sort, direction) {
      set({ sort, direction });
      persist();
      reset(false);
    },
    restoreQueuePrefs(userId) {
      prefsUser = userId;
      const defaults = { filter: DEFAULT_FILTER, sort: 'queue' as const, direction: 'asc' as const };
      const prefs = userId ? loadQueuePrefs(userId, defaults) : defaults;
      const { generation } = get();
      set({ ...prefs, cache: emptyCache(cacheKey(prefs.filter, prefs.sort, prefs.direction, generation)) });
    },
    ensureRows(start, end) {
      const { cache } = get();
      const first = Math.max(0, Math.floor(start / PAGE_SIZE));
      const lastRow = cache.total === null ? end : Math.min(end, cache.total - 1);
      const last = Math.max(first, Math.floor(lastRow / PAGE_SIZE));
      for (let page = first; page <= last; page++) {
        if (cache.pages[page] || cache.loading[page]) continue;
        if (cache.total !== null && page * PAGE_SIZE >= cache.total && page > 0) continue;
        // The page before is on its way and brings this page's cursor: wait for it (scrolling on).
        const current = get().cache; // loadPage marks pages loading as this loop goes
        if (!current.cursors[page] && current.loading[page - 1]) continue;
        void loadPage(page);
      }
    },
    invalidateQueue() {
      set({ generation: get().generation + 1 });
      reset(true);
      void get().refreshSummary();
    },
    async refreshSummary() {
      const r = await call('queue.summary', {});
      if (r.ok) set({ summary: r.value });
    },
  };
};
