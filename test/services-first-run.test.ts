import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, QueuePage, QueueSummary, SessionInfo } from '../core/contract/views';
import { DEFAULT_SETTINGS } from '../core/settings';
import { cleanup, contentHash, count, counts, createUser, DAY, makeHarness, MIN, row, rows, seedCallback, seedCustomer, switchTo, T0 } from './helpers';
import { at, cuRow, lastOutbox, outcome, ready } from './services-helpers';

afterEach(cleanup);

describe('first run', () => {
  it('before setUp the console says so and refuses work', async () => {
    const h = makeHarness();
    expect(await h.ok('session.get')).toEqual({ setUp: false, users: [], currentUser: null, locale: 'zh-CN' });
    expect((await h.err('queue.list')).code).toBe('NOT_SET_UP');
    expect((await h.err('queue.takeNext')).code).toBe('NOT_SET_UP');
    expect((await h.err('customers.revealPhone', { customerId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_SET_UP');
    expect(await h.ok('settings.get')).toEqual(DEFAULT_SETTINGS);
    expect(counts(h.db).outbox).toBe(0);
  });

  it('setUp empty: one agent, no queue, the built-in scripts; a second setUp is a CONFLICT', async () => {
    const h = makeHarness();
    const info = await h.ok<SessionInfo>('session.setUp', { mode: 'empty', agentName: '  王芳  ', locale: 'en' });
    expect(info.setUp).toBe(true);
    expect(info.locale).toBe('en');
    expect(info.users).toHaveLength(1);
    expect(info.users[0]).toMatchObject({ name: '王芳', role: 'agent', createdAt: T0 });
    expect(info.currentUser).toEqual(info.users[0]);
    expect(counts(h.db)).toEqual({
      users: 1,
      customers: 0,
      callbacks: 0,
      call_attempts: 0,
      dnc_entries: 0,
      audit_log: 0,
      import_batches: 0,
      // The script mapping (each purpose → the built-in script in the console's language).
      settings: 1,
      // The ten built-in scripts (5 purposes × zh-CN/en), each published as its version 1.
      scripts: 10,
      script_versions: 10,
      survey_responses: 0,
      survey_answers: 0,
      // No tickets or vouchers on an empty console; the built-in calendar needs no row.
      tickets: 0,
      ticket_events: 0,
      calendar_versions: 0,
      vouchers: 0,
      voucher_events: 0,
      notifications: 0,
      faq_entries: 0,
      faq_revisions: 0,
      faq_sources: 0,
      // users.create, ten built-in scripts, scripts.setMapping.
      outbox: 12,
    });
    expect(count(h.db, 'scripts')).toBe(10);
    const first = row<{ name: string; args: string }>(h.db, 'SELECT name, args FROM outbox ORDER BY seq LIMIT 1')!;
    expect(first.name).toBe('users.create');
    expect(JSON.parse(first.args)).toEqual({ id: info.users[0]!.id, name: '王芳', role: 'agent', createdAt: T0, by: null });
    expect(lastOutbox(h).name).toBe('scripts.setMapping');
    expect(await h.ok<QueueSummary>('queue.summary')).toEqual({ open: 0, callableNow: 0, overdue: 0, closedToday: 0, myLease: null });
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    const before = contentHash(h.db);
    expect((await h.err('session.setUp', { mode: 'demo', agentName: 'x', locale: 'zh-CN' })).code).toBe('CONFLICT');
    expect(contentHash(h.db)).toBe(before);
  });

  it('setUp demo shows the demo queue at once even if the zone list was cached before (pinned clock)', async () => {
    const h = makeHarness();
    // users.create and switchUser work before setUp, so a queue read can cache an empty zone list.
    const early = await h.ok<SessionInfo>('users.create', { name: '早到', role: 'agent' });
    await h.ok('session.switchUser', { userId: early.users[0]!.id });
    expect((await h.ok<QueueSummary>('queue.summary')).callableNow).toBe(0);
    await h.ok('session.setUp', { mode: 'demo', agentName: '王芳', locale: 'zh-CN' });
    expect((await h.ok<QueueSummary>('queue.summary')).callableNow).toBeGreaterThan(0);
  });

  it('setUp demo: me plus three colleagues, the demo queue, and the agent can take the most urgent callback', async () => {
    const h = makeHarness();
    const info = await h.ok<SessionInfo>('session.setUp', { mode: 'demo', agentName: '王芳', locale: 'zh-CN' });
    expect(info.users.map((u) => [u.name, u.role])).toEqual(
      expect.arrayContaining([
        ['王芳', 'agent'],
        ['李静', 'agent'],
        ['陈伟', 'agent'],
        ['周敏', 'supervisor'],
      ]),
    );
    expect(info.users).toHaveLength(4);
    expect(info.currentUser!.name).toBe('王芳');
    expect(count(h.db, 'customers')).toBe(5000);
    expect(count(h.db, 'callbacks')).toBeGreaterThan(5000);
    const outbox = rows<{ name: string; args: string }>(h.db, 'SELECT name, args FROM outbox ORDER BY seq');
    const builtins = [...Array(10).fill('scripts.create'), 'scripts.setMapping'];
    // The demo's questionnaire answers pin the built-in versions, so they load after the scripts.
    expect(outbox.map((o) => o.name)).toEqual([
      ...['users.create', 'users.create', 'users.create', 'users.create', 'demo.load', 'demo.loadCases'],
      ...builtins,
      'demo.loadResponses',
    ]);
    expect(JSON.parse(outbox[outbox.length - 1]!.args)).toEqual({ seed: 20261122, now: T0 });
    expect(count(h.db, 'survey_responses')).toBeGreaterThan(300);
    // The demo's complaint tickets (every customer tagged 曾投诉 has one) and vouchers, some waiting for the supervisor.
    expect(count(h.db, 'tickets')).toBeGreaterThan(900);
    expect(count(h.db, 'vouchers', `state = 'pending_approval'`)).toBeGreaterThan(0);
    const agents = info.users.filter((u) => u.role === 'agent');
    const demoArgs = JSON.parse(outbox[4]!.args) as { seed: number; now: number; customers: number; agentIds: string[] };
    expect(demoArgs).toMatchObject({ seed: 20261122, now: T0, customers: 5000 });
    expect(demoArgs.agentIds[0]).toBe(info.currentUser!.id);
    expect([...demoArgs.agentIds].sort()).toEqual(agents.map((u) => u.id).sort());
    const summary = await h.ok<QueueSummary>('queue.summary');
    const callable = await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' }, limit: 1 });
    expect(summary.callableNow).toBe(callable.total);
    expect(summary.callableNow).toBeGreaterThan(0);
    const next = await h.ok<CallbackDetail>('queue.takeNext');
    expect(next.callback.id).toBe(callable.rows[0]!.id);
    expect(next.callback.leasedByMe).toBe(true);
  });
});

describe('settings', () => {
  it('an agent cannot change them; a supervisor can and the queue follows', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    const hash = contentHash(h.db);
    const e = await h.err('settings.update', { ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    expect(e.code).toBe('FORBIDDEN');
    expect(contentHash(h.db)).toBe(hash);
    expect(row(h.db, `SELECT key FROM settings WHERE key = 'queue'`)).toBeUndefined();

    const sup = await createUser(h, '周敏', 'supervisor');
    await switchTo(h, sup);
    expect((await h.err('settings.update', { ...DEFAULT_SETTINGS, callWindowStart: 21 * 60 })).code).toBe('BAD_INPUT');
    const updated = await h.ok('settings.update', { ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    expect(row(h.db, `SELECT key, updated_at, updated_by FROM settings WHERE key = 'queue'`)).toEqual({ key: 'queue', updated_at: T0, updated_by: sup.id });
    expect(lastOutbox(h).name).toBe('settings.update');
    await switchTo(h, me);
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    // 10:00 is now before the window.
    expect((await h.ok<QueueSummary>('queue.summary')).callableNow).toBe(0);
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached'))).code).toBe('COMPLIANCE_BLOCKED');
    h.setNow(at('2026-11-23T11:00:00+08:00'));
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
  });

  it('any user may add an agent; only a supervisor adds a supervisor, except the very first one', async () => {
    const { h, me } = await ready();
    await createUser(h, '李静', 'agent');
    const first = await createUser(h, '周敏', 'supervisor');
    const hash = contentHash(h.db);
    expect((await h.err('users.create', { name: '黄主管', role: 'supervisor' })).code).toBe('FORBIDDEN');
    expect(contentHash(h.db)).toBe(hash);
    await switchTo(h, first);
    await createUser(h, '黄主管', 'supervisor');
    await switchTo(h, me);
    expect((await h.ok<SessionInfo>('session.get')).users.map((u) => [u.name, u.role])).toEqual([
      ['王芳', 'agent'],
      ['李静', 'agent'],
      ['周敏', 'supervisor'],
      ['黄主管', 'supervisor'],
    ]);
  });

  it('lowering the 24 h cap applies at once to customers contacted recently', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const cb1 = seedCallback(h.db, cu.id);
    const cb2 = seedCallback(h.db, cu.id, { reason: 'satisfaction' });
    await h.ok('callbacks.recordOutcome', outcome(cb1.id, 'reached'));
    expect(cuRow(h, cu.id).cap_until).toBeNull();
    const sup = await createUser(h, '周敏', 'supervisor');
    await switchTo(h, sup);
    h.advance(MIN);
    await h.ok('settings.update', { ...DEFAULT_SETTINGS, capPer24h: 1 });
    expect(cuRow(h, cu.id).cap_until).toBe(T0 - 3 * MIN + DAY);
    await switchTo(h, me);
    expect((await h.err('callbacks.take', { id: cb2.id })).code).toBe('COMPLIANCE_BLOCKED');
  });
});
