import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { QueuePage, QueueRow } from '../../core/contract/views';
import { createQueueSlice, PAGE_SIZE, type QueueSlice } from './queue';

/*
 * The queue store's paging: a page whose predecessor has been loaded asks for it by the cursor that
 * predecessor handed back (keyset: as fast at row 100,000 as at row 1); a page the list jumps to
 * without one asks by offset. The back end is a fake that records each call.
 */

interface Call {
  offset: number;
  cursor?: string;
  resolve: (page: QueuePage) => void;
}
const calls: Call[] = [];

vi.mock('../api/client', () => ({
  call: (method: string, input: { offset: number; cursor?: string }) => {
    if (method === 'queue.summary') return new Promise(() => {});
    return new Promise((resolve) => calls.push({ offset: input.offset, cursor: input.cursor, resolve: (page: QueuePage) => resolve({ ok: true, value: page }) }));
  },
}));
vi.mock('../i18n/apiError', () => ({ apiErrorText: () => 'error' }));


const TOTAL = 1_000 * PAGE_SIZE;
const page = (offset: number): QueuePage => ({
  rows: Array.from({ length: PAGE_SIZE }, (_, i) => ({ id: `row-${offset + i}` }) as QueueRow),
  total: TOTAL,
  offset,
  nextCursor: `after-${offset + PAGE_SIZE - 1}`,
});
const settle = () => new Promise((r) => setTimeout(r, 0));

let store: StoreApi<QueueSlice>;
beforeEach(() => {
  calls.length = 0;
  // The slice only reads and writes its own fields.
  store = createStore<QueueSlice>()((set, get, api) => createQueueSlice(set as never, get as never, api as never));
});

describe('queue store paging', () => {
  it('scrolling on loads each next page by the cursor of the one before', async () => {
    store.getState().ensureRows(0, 2 * PAGE_SIZE - 1);
    // Page 1 waits for page 0, which brings its cursor.
    expect(calls.map((c) => [c.offset, c.cursor])).toEqual([[0, undefined]]);
    calls[0]!.resolve(page(0));
    await settle();
    store.getState().ensureRows(0, 2 * PAGE_SIZE - 1);
    expect(calls.map((c) => [c.offset, c.cursor])).toEqual([
      [0, undefined],
      [PAGE_SIZE, `after-${PAGE_SIZE - 1}`],
    ]);
    calls[1]!.resolve(page(PAGE_SIZE));
    await settle();
    store.getState().ensureRows(2 * PAGE_SIZE, 3 * PAGE_SIZE - 1);
    expect(calls[2]).toMatchObject({ offset: 2 * PAGE_SIZE, cursor: `after-${2 * PAGE_SIZE - 1}` });
  });

  it('a jump to a page with no cursor known loads it by offset; a refresh reloads it by its cursor', async () => {
    store.getState().ensureRows(0, 10);
    calls[0]!.resolve(page(0));
    await settle();
    const far = 500 * PAGE_SIZE;
    store.getState().ensureRows(far, far + 10);
    expect(calls[1]).toMatchObject({ offset: far, cursor: undefined });
    calls[1]!.resolve(page(far));
    await settle();
    // After a write the store refetches what is shown; the page after the jump continues by cursor.
    store.getState().ensureRows(far + PAGE_SIZE, far + PAGE_SIZE + 10);
    expect(calls[2]).toMatchObject({ offset: far + PAGE_SIZE, cursor: `after-${far + PAGE_SIZE - 1}` });
    store.getState().invalidateQueue();
    expect(calls[3]).toMatchObject({ offset: 0, cursor: undefined });
  });

  it('a new sort forgets the cursors of the old one', async () => {
    store.getState().ensureRows(0, 10);
    calls[0]!.resolve(page(0));
    await settle();
    expect(store.getState().cache.cursors).toEqual({ 1: `after-${PAGE_SIZE - 1}` });
    store.getState().setSort('name', 'asc');
    expect(store.getState().cache.cursors).toEqual({});
    expect(calls.at(-1)).toMatchObject({ offset: 0, cursor: undefined });
  });
});
