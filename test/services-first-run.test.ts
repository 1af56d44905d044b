import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, QueuePage, QueueSummary, SessionInfo, SetUpResult } from '../core/contract/views';
import { DEMO_ACCOUNTS } from '../core/demo/accounts';
import { DEFAULT_SETTINGS } from '../core/settings';
import { cleanup, contentHash, count, counts, createUser, DAY, makeHarness, MIN, row, rows, seedCallback, seedCustomer, switchTo, T0 } from './helpers';
import { at, cuRow, lastOutbox, outcome, ready, record } from './services-helpers';

afterEach(cleanup);

describe('first run', () => {
  it('before setUp the console says so and refuses work', async () => {
    const h = makeHarness();
    expect(await h.ok('session.get')).toEqual({ setUp: false, users: [], currentUser: null, locale: 'zh-CN' });
    expect((await h.err('queue.list')).code).toBe('NOT_SET_UP');
    expect((await h.err('queue.takeNext')).code).toBe('NOT_SET_UP');
    expect((await h.err('customers.revealPhone', { customerId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_SET_UP');
    expect((await h.err('settings.get')).code).toBe('NOT_SET_UP');
    expect((await h.err('users.create', { name: '早到', role: 'supervisor', password: 'test-password-1' })).code).toBe('NOT_SET_UP');
    expect((await h.err('session.signIn', { login: '早到', password: 'test-password-1' })).code).toBe('NOT_SET_UP');
    expect(counts(h.db).outbox).toBe(0);
  });

  it('setUp empty: the first supervisor, signed in, no queue, the built-in scripts; a second setUp is a CONFLICT', async () => {
    const h = makeHarness();
    const info = await h.ok<SetUpResult>('session.setUp', { mode: 'empty', name: '  王芳  ', password: 'test-password-1', locale: 'en' });
    expect(info.setUp).toBe(true);
    expect(info.locale).toBe('en');
    expect(info.users).toHaveLength(1);
    expect(info.users[0]).toMatchObject({ name: '王芳', role: 'supervisor', createdAt: T0 });
    expect(info.demoAccounts).toEqual([]);
    expect(h.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The password is hashed in the device-local table, never in the synced users row or the outbox.
    const credential = row<{ password_hash: string }>(h.db, 'SELECT password_hash FROM local_credentials WHERE user_id = ?', info.users[0]!.id)!;
    expect(credential.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(JSON.stringify(rows(h.db, 'SELECT * FROM outbox'))).not.toContain('test-password-1');
    expect(info.currentUser).toEqual(info.users[0]);
    expect(counts(h.db)).toEqual({
      users: 1,
      customers: 0,
      callbacks: 0,
      call_attempts: 0,
      dnc_entries: 0,
      // The first supervisor's sign-in.
      audit_log: 1,
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
      // users.create, ten built-in scripts, scripts.setMapping, audit.signIn.
      outbox: 13,
    });
    expect(count(h.db, 'scripts')).toBe(10);
    const first = row<{ name: string; args: string }>(h.db, 'SELECT name, args FROM outbox ORDER BY seq LIMIT 1')!;
    expect(first.name).toBe('users.create');
    expect(JSON.parse(first.args)).toEqual({ id: info.users[0]!.id, name: '王芳', role: 'supervisor', createdAt: T0, by: null });
    expect(lastOutbox(h).name).toBe('audit.signIn');
    expect(await h.ok<QueueSummary>('queue.summary')).toEqual({ open: 0, callableNow: 0, overdue: 0, closedToday: 0, myLease: null });
    const before = contentHash(h.db);
    expect((await h.err('session.setUp', { mode: 'demo', name: 'x', password: 'test-password-1', locale: 'zh-CN' })).code).toBe('CONFLICT');
    expect(contentHash(h.db)).toBe(before);
  });

  it('setUp demo: the first supervisor plus the demo colleagues with their demo passwords; an agent takes the most urgent callback', async () => {
    const h = makeHarness();
    const info = await h.ok<SetUpResult>('session.setUp', { mode: 'demo', name: '组长', password: 'test-password-1', locale: 'zh-CN' });
    expect(info.users.map((u) => [u.name, u.role])).toEqual([
      ['组长', 'supervisor'],
      ['王芳', 'agent'],
      ['李静', 'agent'],
      ['陈伟', 'agent'],
      ['周敏', 'supervisor'],
    ]);
    expect(info.demoAccounts.map((a) => a.name)).toEqual(['王芳', '李静', '陈伟', '周敏']);
    expect(info.currentUser!.name).toBe('组长');
    // The demo colleagues sign in with the passwords the setup screen shows once.
    await h.ok('session.signOut');
    await h.ok('session.signIn', { login: '王芳', password: DEMO_ACCOUNTS[0]!.password });
    expect((await h.ok<SessionInfo>('session.get')).currentUser!.name).toBe('王芳');
    expect(count(h.db, 'customers')).toBe(5000);
    expect(count(h.db, 'callbacks')).toBeGreaterThan(5000);
    const outbox = rows<{ name: string; args: string }>(h.db, 'SELECT name, args FROM outbox ORDER BY seq');
    const builtins = [...Array(10).fill('scripts.create'), 'scripts.setMapping'];
    // The demo's questionnaire answers pin the built-in versions, so they load after the scripts; then the
    // first supervisor's sign-in, the sign-out and 王芳's sign-in above.
    expect(outbox.map((o) => o.name)).toEqual([
      ...Array(5).fill('users.create'),
      'demo.load',
      'demo.loadCases',
      ...builtins,
      'demo.loadResponses',
      'audit.signIn',
      'audit.signIn',
      'audit.signIn',
    ]);
    expect(JSON.parse(outbox.find((o) => o.name === 'demo.loadResponses')!.args)).toEqual({ seed: 20261122, now: T0 });
    expect(count(h.db, 'survey_responses')).toBeGreaterThan(300);
    // The demo's complaint tickets (every customer tagged 曾投诉 has one) and vouchers, some waiting for the supervisor.
    expect(count(h.db, 'tickets')).toBeGreaterThan(900);
    expect(count(h.db, 'vouchers', `state = 'pending_approval'`)).toBeGreaterThan(0);
    const agents = info.users.filter((u) => u.role === 'agent');
    const demoArgs = JSON.parse(outbox[5]!.args) as { seed: number; now: number; customers: number; agentIds: string[] };
    expect(demoArgs).toMatchObject({ seed: 20261122, now: T0, customers: 5000 });
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
    expect((await h.err('callbacks.startCall', { id: cb.id })).code).toBe('COMPLIANCE_BLOCKED');
    h.setNow(at('2026-11-23T11:00:00+08:00'));
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
  });

  it('only a supervisor adds a supervisor (the applier rule); every account gets a password; names are unique', async () => {
    const { h, me } = await ready();
    const first = await createUser(h, '周敏', 'supervisor');
    const hash = contentHash(h.db);
    expect((await h.err('users.create', { name: '黄主管', role: 'supervisor', password: 'test-password-1' })).code).toBe('FORBIDDEN');
    expect((await h.err('users.create', { name: '黄主管', role: 'agent', password: 'short' })).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);
    await switchTo(h, first);
    await h.ok('users.create', { name: '黄主管', role: 'supervisor', password: 'test-password-1' });
    await h.ok('users.create', { name: 'Li Jing', role: 'agent', password: 'test-password-1' });
    // People sign in by name: width, case and spacing do not make a second person.
    expect((await h.err('users.create', { name: 'ｌｉ  JING', role: 'agent', password: 'test-password-1' })).code).toBe('CONFLICT');
    await switchTo(h, me);
    expect((await h.ok<SessionInfo>('session.get')).users.map((u) => [u.name, u.role])).toEqual([
      ['组长', 'supervisor'],
      ['王芳', 'agent'],
      ['周敏', 'supervisor'],
      ['黄主管', 'supervisor'],
      ['Li Jing', 'agent'],
    ]);
    expect(count(h.db, 'local_credentials')).toBe(5);
  });

  it('lowering the 24 h cap applies at once to customers contacted recently', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const cb1 = seedCallback(h.db, cu.id);
    const cb2 = seedCallback(h.db, cu.id, { reason: 'satisfaction' });
    await record(h, outcome(cb1.id, 'reached'));
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
