import { afterEach, describe, expect, it } from 'vitest';
import type { QueuePage } from '../core/contract/views';
import { cleanup, count, DAY, HOUR, MIN, seedCallback, seedCustomer, T0, type Harness } from './helpers';
import { at, ready } from './services-helpers';

afterEach(cleanup);

describe('queue.list', () => {
  async function listFixture() {
    const { h, me } = await ready();
    const other = '0190f5c0-0000-7000-8000-0000000000aa';
    const c1 = seedCustomer(h.db, { name: '张伟', phone: '+8613812341234' });
    const c2 = seedCustomer(h.db, { name: '李娜', phone: '+8613912345678' });
    const c3 = seedCustomer(h.db, { name: '王强', phone: '+8613700005678', consentMarketing: 'unknown' });
    const c4 = seedCustomer(h.db, { name: '赵敏', phone: '+8613600001111' });
    const c5 = seedCustomer(h.db, { name: '张敏', phone: '+8613500002222' });
    const c6 = seedCustomer(h.db, { name: 'Chen Jing', phone: '+12135550123', timezone: 'America/Los_Angeles' });
    const c7 = seedCustomer(h.db, { name: 'amy', phone: '+8613400003333' });
    const cb1 = seedCallback(h.db, c1.id, { reason: 'complaint_followup', priority: 1, createdAt: T0 - 2 * DAY });
    const cb2 = seedCallback(h.db, c2.id, { reason: 'satisfaction', priority: 2, dueAt: T0 - HOUR, createdAt: T0 - 5 * DAY });
    const cb3 = seedCallback(h.db, c3.id, { reason: 'winback', priority: 3, createdAt: T0 - 3 * DAY, attempts: 2 });
    const cb4 = seedCallback(h.db, c4.id, { reason: 'care', priority: 4, dueAt: T0 + DAY, createdAt: T0 - 4 * DAY, attempts: 1 });
    const cb5 = seedCallback(h.db, c5.id, { reason: 'onboarding', priority: 5, state: 'closed', outcome: 'completed', closedAt: T0 - HOUR, createdAt: T0 - 6 * DAY });
    const cb6 = seedCallback(h.db, c6.id, { reason: 'complaint_followup', priority: 1, createdAt: T0 - DAY });
    const cb7 = seedCallback(h.db, c7.id, { reason: 'satisfaction', priority: 2, leaseAgentId: other, leaseExpiresAt: T0 + 10 * MIN, createdAt: T0 - 7 * DAY });
    return { h, me, cb1, cb2, cb3, cb4, cb5, cb6, cb7 };
  }
  const ids = (p: QueuePage) => p.rows.map((r) => r.id);
  const list = (h: Harness, input: Record<string, unknown>) => h.ok<QueuePage>('queue.list', input);

  it('filters by status', async () => {
    const f = await listFixture();
    const { h } = f;
    const callable = await list(h, { filter: { status: 'callable' } });
    expect(ids(callable)).toEqual([f.cb2.id, f.cb1.id, f.cb6.id]);
    expect(callable.total).toBe(3);
    const blocked = await list(h, { filter: { status: 'blocked' } });
    expect(blocked.rows.map((r) => [r.id, r.blocks.map((b) => b.reason)])).toEqual([
      [f.cb7.id, ['leased']],
      [f.cb3.id, ['no_consent']],
      [f.cb4.id, ['scheduled_later']],
    ]);
    const closed = await list(h, { filter: { status: 'closed' } });
    expect(closed.rows.map((r) => [r.id, r.state, r.outcome, r.blocks])).toEqual([[f.cb5.id, 'closed', 'completed', [{ reason: 'closed', until: null, localTime: null }]]]);
    expect((await list(h, { filter: { status: 'open' } })).total).toBe(6);
    expect((await list(h, {})).total).toBe(6); // default status is open
    expect((await list(h, { filter: { status: 'all' } })).total).toBe(7);
  });

  it('status callable agrees with the per-row callable flags, and blocked is its complement among open rows', async () => {
    const f = await listFixture();
    for (const now of [T0, at('2026-11-23T14:00:00+08:00'), at('2026-11-23T22:00:00+08:00'), T0 + 2 * DAY]) {
      f.h.setNow(now);
      const all = await list(f.h, { filter: { status: 'all' }, limit: 500 });
      const callable = await list(f.h, { filter: { status: 'callable' }, limit: 500 });
      const blocked = await list(f.h, { filter: { status: 'blocked' }, limit: 500 });
      expect(new Set(ids(callable))).toEqual(new Set(all.rows.filter((r) => r.callable).map((r) => r.id)));
      expect(callable.rows.every((r) => r.callable && r.blocks.length === 0)).toBe(true);
      expect(new Set(ids(blocked))).toEqual(new Set(all.rows.filter((r) => !r.callable && r.state === 'open').map((r) => r.id)));
      expect(blocked.rows.every((r) => !r.callable && r.blocks.length > 0)).toBe(true);
    }
    // At Shanghai 14:00 the LA customer (LA 22:00) is outside the window; cb7's lease has lapsed.
    f.h.setNow(at('2026-11-23T14:00:00+08:00'));
    const callable = await list(f.h, { filter: { status: 'callable' } });
    expect(ids(callable)).toEqual([f.cb2.id, f.cb1.id, f.cb7.id]);
    const all = await list(f.h, { filter: { status: 'all' } });
    expect(all.rows.find((r) => r.id === f.cb6.id)!.blocks).toEqual([
      { reason: 'outside_window', until: at('2026-11-23T09:00:00-08:00'), localTime: '2026-11-22 22:00' },
    ]);
  });

  it('filters by reason and priority', async () => {
    const f = await listFixture();
    const { h } = f;
    expect(new Set(ids(await list(h, { filter: { status: 'all', reasons: ['complaint_followup'] } })))).toEqual(new Set([f.cb1.id, f.cb6.id]));
    expect(new Set(ids(await list(h, { filter: { status: 'all', reasons: ['winback', 'care'] } })))).toEqual(new Set([f.cb3.id, f.cb4.id]));
    expect(new Set(ids(await list(h, { filter: { status: 'all', priorities: [1] } })))).toEqual(new Set([f.cb1.id, f.cb6.id]));
    expect(new Set(ids(await list(h, { filter: { status: 'all', priorities: [2, 4] } })))).toEqual(new Set([f.cb2.id, f.cb4.id, f.cb7.id]));
    const both = await list(h, { filter: { status: 'open', priorities: [2, 4], reasons: ['satisfaction'] } });
    expect(new Set(ids(both))).toEqual(new Set([f.cb2.id, f.cb7.id]));
    expect(both.total).toBe(2);
  });

  it('searches names and the last digits of phones only', async () => {
    const f = await listFixture();
    const { h } = f;
    const search = async (s: string) => new Set(ids(await list(h, { filter: { status: 'all', search: s } })));
    expect(await search('张')).toEqual(new Set([f.cb1.id, f.cb5.id]));
    expect(await search('敏')).toEqual(new Set([f.cb4.id, f.cb5.id]));
    expect(await search('AMY')).toEqual(new Set([f.cb7.id]));
    expect(await search('5678')).toEqual(new Set([f.cb2.id, f.cb3.id]));
    expect(await search('1234')).toEqual(new Set([f.cb1.id])); // 李娜 has 1234 in the middle, not at the end
    expect(await search(' 0123 ')).toEqual(new Set([f.cb6.id]));
    expect(await search('678')).toEqual(new Set()); // fewer than 4 digits never match phones
    expect(await search('%')).toEqual(new Set()); // LIKE wildcards are escaped
    expect(await search('_')).toEqual(new Set());
  });

  it('sorts', async () => {
    const f = await listFixture();
    const { h } = f;
    const sorted = async (sort: string, direction = 'asc') => ids(await list(h, { filter: { status: 'all' }, sort, direction }));
    // queue: overdue first, then priority, then created
    expect(await sorted('queue')).toEqual([f.cb2.id, f.cb1.id, f.cb6.id, f.cb7.id, f.cb3.id, f.cb4.id, f.cb5.id]);
    expect(await sorted('queue', 'desc')).toEqual([f.cb5.id, f.cb4.id, f.cb3.id, f.cb7.id, f.cb6.id, f.cb1.id, f.cb2.id]);
    expect(await sorted('created')).toEqual([f.cb7.id, f.cb5.id, f.cb2.id, f.cb4.id, f.cb3.id, f.cb1.id, f.cb6.id]);
    expect(await sorted('created', 'desc')).toEqual([f.cb6.id, f.cb1.id, f.cb3.id, f.cb4.id, f.cb2.id, f.cb5.id, f.cb7.id]);
    const byDue = await sorted('due');
    expect(byDue.slice(0, 2)).toEqual([f.cb2.id, f.cb4.id]); // due times first, nulls last
    const byPriority = await list(h, { filter: { status: 'all' }, sort: 'priority' });
    expect(byPriority.rows.map((r) => r.priority)).toEqual([1, 1, 2, 2, 3, 4, 5]);
    const byAttempts = await list(h, { filter: { status: 'all' }, sort: 'attempts', direction: 'desc' });
    expect(byAttempts.rows.slice(0, 2).map((r) => [r.id, r.attempts])).toEqual([
      [f.cb3.id, 2],
      [f.cb4.id, 1],
    ]);
    const byName = await list(h, { filter: { status: 'all' }, sort: 'name' });
    expect(byName.rows.slice(0, 2).map((r) => r.customerName)).toEqual(['amy', 'Chen Jing']); // NOCASE
  });

  it('pages with a stable total', async () => {
    const f = await listFixture();
    const { h } = f;
    const all = ids(await list(h, { filter: { status: 'all' }, sort: 'created' }));
    const pages: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await list(h, { filter: { status: 'all' }, sort: 'created', offset, limit: 3 });
      expect(page.total).toBe(7);
      expect(page.offset).toBe(offset);
      pages.push(...ids(page));
    }
    expect(pages).toEqual(all);
    const past = await list(h, { filter: { status: 'all' }, offset: 10, limit: 3 });
    expect(past).toEqual({ rows: [], total: 7, offset: 10, nextCursor: null });
    expect((await h.err('queue.list', { limit: 0 })).code).toBe('BAD_INPUT');
    expect((await h.err('queue.list', { limit: 501 })).code).toBe('BAD_INPUT');
    expect((await h.err('queue.list', { offset: -1 })).code).toBe('BAD_INPUT');
  });

  it('mine lists the callback this agent holds', async () => {
    const f = await listFixture();
    const { h } = f;
    expect((await list(h, { filter: { status: 'all', mine: true } })).total).toBe(0);
    await h.ok('callbacks.take', { id: f.cb6.id });
    const mine = await list(h, { filter: { status: 'all', mine: true } });
    expect(mine.rows.map((r) => [r.id, r.leasedByMe])).toEqual([[f.cb6.id, true]]);
  });

  /**
   * Many ties (few due times, creation times, attempt counts; names equal but for case), every state and
   * due kind, leases: the keyset walk must agree row for row with the offset order (SQL ORDER BY).
   */
  async function tiedFixture() {
    const { h, me } = await ready();
    const other = '0190f5c0-0000-7000-8000-0000000000bb';
    const names = ['张伟', '张伟', 'amy', 'Amy', 'AMY', 'bob', '李娜', 'Chen Jing'];
    const reasons = ['complaint_followup', 'satisfaction', 'winback', 'onboarding', 'care'] as const;
    for (let i = 0; i < 90; i++) {
      const customer = seedCustomer(h.db, {
        name: names[i % names.length],
        timezone: i % 9 === 0 ? 'America/Los_Angeles' : 'Asia/Shanghai',
        consentMarketing: i % 4 === 0 ? 'unknown' : 'granted',
      });
      const dueKind = i % 3; // overdue, later, as soon as callable
      seedCallback(h.db, customer.id, {
        reason: reasons[i % 5],
        priority: (((i * 7) % 5) + 1) as 1 | 2 | 3 | 4 | 5,
        dueAt: dueKind === 0 ? T0 - ((i % 4) + 1) * HOUR : dueKind === 1 ? T0 + ((i % 3) + 1) * DAY : null,
        createdAt: T0 - ((i % 6) + 1) * DAY,
        attempts: i % 4,
        ...(i % 11 === 0 ? { state: 'closed' as const, outcome: 'completed', closedAt: T0 - HOUR } : {}),
        ...(i % 13 === 0 ? { leaseAgentId: i % 2 ? other : me.id, leaseExpiresAt: T0 + 10 * MIN } : {}),
      });
    }
    return { h };
  }

  const SORTS = ['queue', 'due', 'priority', 'attempts', 'name', 'created'] as const;
  const FILTERS: Record<string, unknown>[] = [
    { status: 'all' },
    { status: 'open' },
    { status: 'closed' },
    { status: 'callable' },
    { status: 'blocked' },
    { status: 'open', reasons: ['winback', 'care'] },
    { status: 'all', priorities: [2, 5] },
    { status: 'all', search: '张' },
    { status: 'all', mine: true },
  ];

  it('keyset pages (the cursor handed back) walk every sort, direction and filter exactly as the offset order does', async () => {
    const { h } = await tiedFixture();
    for (const filter of FILTERS) {
      for (const sort of SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          const what = JSON.stringify({ filter, sort, direction });
          const walked: string[] = [];
          let cursor: string | undefined;
          let page: QueuePage;
          let pages = 0;
          do {
            page = await list(h, { filter, sort, direction, limit: 7, offset: pages * 7, ...(cursor ? { cursor } : {}) });
            walked.push(...ids(page));
            cursor = page.nextCursor ?? undefined;
            pages++;
          } while (cursor && pages < 100);
          // The same rows in SQL ORDER BY order: offset pages (from 1: offset 0 is a keyset page too).
          const byOffset = await list(h, { filter, sort, direction, limit: 500, offset: 1 });
          expect(walked.slice(1), what).toEqual(ids(byOffset));
          expect(new Set(walked).size, what).toBe(walked.length);
          expect(walked.length, what).toBe(page.total);
          expect(page.nextCursor, what).toBeNull();
        }
      }
    }
  });

  it('a search matching many customers walks the sort instead of listing them, with the same pages', async () => {
    const { h } = await tiedFixture();
    for (let i = 0; i < 2_100; i++) {
      seedCallback(h.db, seedCustomer(h.db, { name: `张${i % 7}` }).id, { priority: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5, createdAt: T0 - (i % 9) * DAY, dueAt: i % 2 ? T0 - HOUR : null });
    }
    for (const sort of ['queue', 'name'] as const) {
      const filter = { status: 'open', search: '张' };
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page: QueuePage = await list(h, { filter, sort, limit: 300, ...(cursor ? { cursor } : {}) });
        walked.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const byOffset = await list(h, { filter, sort, limit: 500, offset: 1 });
      expect(walked.slice(1, 501)).toEqual(ids(byOffset));
      expect(walked.length).toBe((await list(h, { filter, limit: 1 })).total);
    }
  });

  it('the total of a status, reason and priority filter comes from queue_counts, in step with every write', async () => {
    const { h } = await tiedFixture();
    const total = async (filter: Record<string, unknown>) => (await list(h, { filter, limit: 1 })).total;
    expect(await total({ status: 'all' })).toBe(count(h.db, 'callbacks'));
    expect(await total({ status: 'open', reasons: ['winback', 'care'], priorities: [1, 3] })).toBe(
      count(h.db, 'callbacks', `state = 'open' AND reason IN ('winback', 'care') AND priority IN (1, 3)`),
    );
    // Writes by any path: an outcome (closes a callback), a priority and reason change, a delete.
    const detail = await h.ok<{ callback: { id: string } }>('queue.takeNext', {});
    await h.ok('callbacks.startCall', { id: detail.callback.id });
    await h.ok('callbacks.recordOutcome', { callbackId: detail.callback.id, disposition: 'refused', startedAt: T0, endedAt: T0 + MIN });
    h.db.$client.exec(`UPDATE callbacks SET priority = 1, reason = 'care' WHERE rowid IN (SELECT rowid FROM callbacks WHERE state = 'open' LIMIT 5)`);
    h.db.$client.exec(`DELETE FROM callbacks WHERE rowid = (SELECT max(rowid) FROM callbacks WHERE state = 'closed')`);
    for (const filter of [{ status: 'open' }, { status: 'closed' }, { status: 'all', priorities: [1] }, { status: 'open', reasons: ['care'] }]) {
      const where = [
        filter.status === 'all' ? '1=1' : `state = '${filter.status}'`,
        'priorities' in filter ? 'priority = 1' : '1=1',
        'reasons' in filter ? `reason = 'care'` : '1=1',
      ].join(' AND ');
      expect(await total(filter), JSON.stringify(filter)).toBe(count(h.db, 'callbacks', where));
    }
    expect(h.db.$client.prepare('SELECT state, reason, priority, n FROM queue_counts WHERE n <> 0 ORDER BY 1, 2, 3').all()).toEqual(
      h.db.$client.prepare('SELECT state, reason, priority, count(*) AS n FROM callbacks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all(),
    );
  });

  it('a cursor is a position, not a snapshot: after a write the next page starts right after the same row', async () => {
    const { h } = await tiedFixture();
    const first = await list(h, { filter: { status: 'all' }, sort: 'created', limit: 10 });
    const rest = await list(h, { filter: { status: 'all' }, sort: 'created', limit: 500, cursor: first.nextCursor });
    // A new callback that sorts before the cursor's row does not shift the next page.
    seedCallback(h.db, seedCustomer(h.db).id, { createdAt: T0 - 30 * DAY });
    const again = await list(h, { filter: { status: 'all' }, sort: 'created', limit: 500, cursor: first.nextCursor });
    expect(ids(again)).toEqual(ids(rest));
    expect(again.total).toBe(rest.total + 1);
  });

  it('refuses a cursor it did not make, or one from another sort', async () => {
    const { h } = await tiedFixture();
    const page = await list(h, { filter: { status: 'all' }, sort: 'created', limit: 5 });
    expect((await h.err('queue.list', { sort: 'name', cursor: page.nextCursor })).code).toBe('BAD_INPUT');
    expect((await h.err('queue.list', { sort: 'created', direction: 'desc', cursor: page.nextCursor })).code).toBe('BAD_INPUT');
    expect((await h.err('queue.list', { sort: 'created', cursor: 'not-a-cursor' })).code).toBe('BAD_INPUT');
    const forged = Buffer.from(JSON.stringify({ s: 'created', d: 'asc', p: 0, g: null, u: 0, k: [{ sql: 1 }] })).toString('base64url');
    expect((await h.err('queue.list', { sort: 'created', cursor: forged })).code).toBe('BAD_INPUT');
  });
});
