import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, QueuePage, QueueSummary } from '../core/contract/views';
import { cleanup, contentHash, count, counts, createUser, DAY, HOUR, MIN, rows, seedCallback, seedCustomer, switchTo, T0 } from './helpers';
import { cbRow, lastOutbox, outcome, ready } from './services-helpers';

afterEach(cleanup);

describe('taking callbacks and leases', () => {
  async function queueFixture() {
    const { h, me } = await ready();
    const cuA = seedCustomer(h.db);
    const cbA = seedCallback(h.db, cuA.id, { priority: 3, createdAt: T0 - 2 * DAY });
    const cuB = seedCustomer(h.db);
    const cbB = seedCallback(h.db, cuB.id, { priority: 1, createdAt: T0 - DAY });
    const cuC = seedCustomer(h.db);
    const cbC = seedCallback(h.db, cuC.id, { priority: 5, dueAt: T0 - HOUR, createdAt: T0 - 3 * DAY });
    const cuD = seedCustomer(h.db);
    const cbD = seedCallback(h.db, cuD.id, { priority: 1, dueAt: T0 + HOUR });
    const cuE = seedCustomer(h.db, { phoneStatus: 'bad' });
    const cbE = seedCallback(h.db, cuE.id, { priority: 1 });
    const cuF = seedCustomer(h.db, { timezone: 'America/Los_Angeles' });
    const cbF = seedCallback(h.db, cuF.id, { priority: 5, createdAt: T0 - 4 * DAY });
    return { h, me, cbA, cbB, cbC, cbD, cbE, cbF };
  }

  it('queue order: overdue first, then priority, then creation; future and bad numbers excluded', async () => {
    const { h, cbA, cbB, cbC, cbF } = await queueFixture();
    const page = await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } });
    expect(page.rows.map((r) => r.id)).toEqual([cbC.id, cbB.id, cbA.id, cbF.id]);
    expect(page.total).toBe(4);
  });

  it('takeNext leases the most urgent callable callback and resumes it on the next call', async () => {
    const { h, me, cbC } = await queueFixture();
    const before = count(h.db, 'outbox');
    const next = await h.ok<CallbackDetail>('queue.takeNext');
    expect(next.callback.id).toBe(cbC.id);
    expect(next.callback.leasedByMe).toBe(true);
    expect(next.callback.leaseExpiresAt).toBe(T0 + 15 * MIN);
    expect(next.callback.overdue).toBe(true);
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 15 * MIN, state: 'open' });
    expect(counts(h.db).outbox).toBe(before + 1);
    expect(lastOutbox(h).name).toBe('callbacks.lease');
    expect(JSON.parse(lastOutbox(h).args)).toEqual({ callbackId: cbC.id, agentId: me.id, at: T0, expiresAt: T0 + 15 * MIN });
    expect((await h.ok<QueueSummary>('queue.summary')).myLease).toBe(cbC.id);
    // Asking again resumes the same callback without a new lease.
    h.advance(MIN);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cbC.id);
    expect(counts(h.db).outbox).toBe(before + 1);
  });

  it('a second agent does not get a leased callback until the lease expires', async () => {
    const { h, me, cbB, cbC } = await queueFixture();
    await h.ok('queue.takeNext'); // me → C
    const other = await createUser(h, '李静', 'agent');
    await switchTo(h, other);

    const second = await h.ok<CallbackDetail>('queue.takeNext');
    expect(second.callback.id).toBe(cbB.id);
    expect(cbRow(h, cbB.id)).toMatchObject({ lease_agent_id: other.id, lease_expires_at: T0 + 15 * MIN });

    // C shows as leased to the other agent, with the instant it frees up.
    const list = await h.ok<QueuePage>('queue.list', { filter: { status: 'all' } });
    const cRow = list.rows.find((r) => r.id === cbC.id)!;
    expect(cRow.callable).toBe(false);
    expect(cRow.leasedByMe).toBe(false);
    expect(cRow.blocks).toEqual([{ reason: 'leased', until: T0 + 15 * MIN, localTime: null }]);
    const takeErr = await h.err('callbacks.take', { id: cbC.id });
    expect(takeErr.code).toBe('LEASE_LOST');
    expect(takeErr.details).toEqual({ blocks: [{ reason: 'leased', until: T0 + 15 * MIN }] });
    expect((await h.err('callbacks.startCall', { id: cbC.id })).code).toBe('LEASE_LOST');
    const hashBefore = contentHash(h.db);
    expect((await h.err('callbacks.recordOutcome', outcome(cbC.id, 'reached', {}, T0))).code).toBe('LEASE_LOST');
    expect(contentHash(h.db)).toBe(hashBefore);

    // Releasing B and asking again gives B again (C still leased)…
    expect(await h.ok('callbacks.release', { id: cbB.id })).toEqual({ released: true });
    expect(cbRow(h, cbB.id)).toMatchObject({ lease_agent_id: null, lease_expires_at: null });
    h.setNow(T0 + 15 * MIN - 1);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cbB.id);
    await h.ok('callbacks.release', { id: cbB.id });
    // …until the instant C's lease expires.
    h.setNow(T0 + 15 * MIN);
    const third = await h.ok<CallbackDetail>('queue.takeNext');
    expect(third.callback.id).toBe(cbC.id);
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: other.id, lease_expires_at: T0 + 30 * MIN });

    // The first agent has lost C: recording on it now is LEASE_LOST, and their next is B.
    await switchTo(h, me);
    expect((await h.err('callbacks.recordOutcome', outcome(cbC.id, 'reached', {}, T0 + 15 * MIN))).code).toBe('LEASE_LOST');
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cbB.id);
    // Releasing someone else's lease does nothing.
    expect(await h.ok('callbacks.release', { id: cbC.id })).toEqual({ released: false });
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: other.id });
  });

  it('callbacks.take leases a specific callable callback and gives up the one held before', async () => {
    const { h, me, cbA, cbC, cbD } = await queueFixture();
    await h.ok('queue.takeNext'); // C
    const taken = await h.ok<CallbackDetail>('callbacks.take', { id: cbA.id });
    expect(taken.callback.id).toBe(cbA.id);
    expect(cbRow(h, cbA.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 15 * MIN });
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: null, lease_expires_at: null });
    const names = rows<{ name: string }>(h.db, 'SELECT name FROM outbox ORDER BY seq').map((r) => r.name);
    expect(names.slice(-3)).toEqual(['callbacks.lease', 'callbacks.release', 'callbacks.lease']);
    const e = await h.err('callbacks.take', { id: cbD.id });
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect(e.details).toEqual({ blocks: [{ reason: 'scheduled_later', until: T0 + HOUR }] });
    expect((await h.err('callbacks.take', { id: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('startCall on a different callback gives up the one held before (one lease per agent, as take does)', async () => {
    const { h, me, cbA, cbC } = await queueFixture();
    await h.ok('queue.takeNext'); // holds C
    await h.ok('callbacks.startCall', { id: cbA.id });
    expect(cbRow(h, cbA.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 15 * MIN });
    // Otherwise C stays leased to this agent for 15 minutes, invisible to queue.summary.myLease and blocked for everyone else.
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: null, lease_expires_at: null });
  });

  it('startCall renews the lease for the call', async () => {
    const { h, me, cbC } = await queueFixture();
    await h.ok('queue.takeNext');
    h.advance(10 * MIN);
    expect(await h.ok('callbacks.startCall', { id: cbC.id })).toEqual({ startedAt: T0 + 10 * MIN });
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 25 * MIN });
  });
});

describe('revealPhone', () => {
  it('returns the full number once and writes an audit entry of who saw whose number when', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db, { name: '张三', phone: '+8613900000001' });
    seedCallback(h.db, cu.id);
    const list = await h.ok<QueuePage>('queue.list');
    expect(list.rows[0]!.phoneMasked).toBe('139****0001');
    h.advance(7 * MIN);
    expect(await h.ok('customers.revealPhone', { customerId: cu.id })).toEqual({ phone: '+8613900000001', formatted: '139 0000 0001' });
    // Signing in is audited too; this is about the reveal.
    expect(rows(h.db, "SELECT * FROM audit_log WHERE action = 'phone.reveal'")).toEqual([
      { id: expect.any(String), at: T0 + 7 * MIN, actor_id: me.id, action: 'phone.reveal', subject_type: 'customer', subject_id: cu.id, details: '{}' },
    ]);
    expect(lastOutbox(h).name).toBe('audit.phoneRevealed');
    const audit = await h.ok<{ rows: { actorName: string; subjectName: string; action: string; at: number }[]; total: number }>('audit.list', { action: 'phone.reveal' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ actorName: '王芳', subjectName: '张三', action: 'phone.reveal', at: T0 + 7 * MIN });
    const hash = contentHash(h.db);
    expect((await h.err('customers.revealPhone', { customerId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect(contentHash(h.db)).toBe(hash);
  });
});
