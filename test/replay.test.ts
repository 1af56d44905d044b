import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../core/contract/views';
import { DISPOSITIONS } from '../core/domain/model';
import { replayOutbox, runMutation } from '../electron/services/mutations/registry';
import { cleanup, contentHash, createUser, makeHarness, MIN, row, setUpEmpty, T0 } from './helpers';
import { arbAction } from './replay-actions';
import { assertReplayRebuilds, perform, type World } from './replay-walk';

afterEach(cleanup);


describe('outbox replay rebuilds the same state', () => {
  it('after a random walk of actions on a small demo queue (fast-check)', async () => {
    const totals: Record<string, { ok: number; err: number }> = {};
    // Up to 80 actions: with the FAQ actions mixed in, a walk still holds as many of the others as before.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(arbAction, { minLength: 30, maxLength: 80 }), async (seed, actions) => {
        const h = makeHarness();
        try {
          const me = await setUpEmpty(h);
          const other = await createUser(h, '李静', 'agent');
          const sup = await createUser(h, '周敏', 'supervisor');
          runMutation(h.db, 'demo.load', { seed, now: h.now(), customers: 300, agentIds: [me.id, other.id] }, h.now());
          const w: World = { h, users: [me, other, sup], stats: totals, hashEveryAction: true };
          for (const a of actions) await perform(w, a);
          assertReplayRebuilds(h);
        } finally {
          cleanup();
        }
      }),
      // A fixed seed: the walk's coverage figures below are then the same on every run.
      { numRuns: 16, seed: 20261128 },
    );
    if (process.env.REPLAY_STATS) console.log(JSON.stringify(totals));
    // The walk must really exercise the writes, not only rejections.
    expect(totals.record!.ok).toBeGreaterThan(10);
    expect(totals.record!.err).toBeGreaterThan(5);
    expect(totals.takeNext!.ok).toBeGreaterThan(10);
    expect(totals.import!.ok).toBeGreaterThan(0);
    expect(totals.settings!.ok).toBeGreaterThan(0);
    expect(totals.settings!.err).toBeGreaterThan(0);
    expect(totals.reveal!.ok).toBeGreaterThan(0);
    // ... and the questionnaire writes, both ways.
    const ok = (k: string) => totals[k]?.ok ?? 0;
    const err = (k: string) => totals[k]?.err ?? 0;
    expect(ok('survey.start')).toBeGreaterThan(3);
    expect(ok('survey.answer')).toBeGreaterThan(10);
    expect(err('survey.answer')).toBeGreaterThan(0);
    expect(ok('survey.finish')).toBeGreaterThan(0);
    expect(ok('script.copy') + ok('script.edit')).toBeGreaterThan(3);
    expect(ok('script.publish')).toBeGreaterThan(0);
    expect(err('script.publish')).toBeGreaterThan(0);
    expect(ok('script.map')).toBeGreaterThan(0);
    expect(ok('reached.withReason')).toBeGreaterThan(0);
    expect(err('reached.noReason')).toBeGreaterThan(0);
    // ... and tickets and vouchers, both ways.
    expect(ok('case.open')).toBeGreaterThan(3);
    expect(ok('case.reply') + ok('case.note')).toBeGreaterThan(3);
    expect(ok('case.resolve')).toBeGreaterThan(0);
    expect(err('case.close') + err('case.pend') + err('case.reopen')).toBeGreaterThan(0);
    expect(ok('case.voucher')).toBeGreaterThan(2);
    expect(ok('case.approve') + ok('case.reject')).toBeGreaterThan(0);
    // ... and FAQ curation, both ways.
    expect(ok('faq.draft')).toBeGreaterThan(3);
    expect(ok('faq.edit')).toBeGreaterThan(0);
    expect(ok('faq.publish')).toBeGreaterThan(0);
    expect(err('faq.publish') + err('faq.submit')).toBeGreaterThan(0);
    expect(ok('faq.reopen_source') + ok('faq.mark_reviewed')).toBeGreaterThan(0);
  }, 240_000);

  it('after first-run demo setUp and a scripted day of work', async () => {
    const h = makeHarness();
    await h.ok('session.setUp', { mode: 'demo', name: '王芳', password: 'test-password-1', locale: 'zh-CN' });
    const info = await h.ok<SessionInfo>('session.get');
    const w: World = { h, users: info.users, stats: {}, hashEveryAction: false };
    const rnd = fc.sample(fc.array(arbAction, { minLength: 60, maxLength: 60 }), { seed: 20261123, numRuns: 1 })[0]!;
    // A day of taking and recording, with the walk's other actions mixed in.
    for (let i = 0; i < 40; i++) {
      await perform(w, { kind: 'takeNext' });
      if (i % 3 === 0) {
        await perform(w, { kind: 'survey', op: 'start', target: 'held', pick: i, variant: i, status: 'completed' });
        for (let k = 0; k < 4; k++) await perform(w, { kind: 'survey', op: 'answer', target: 'held', pick: i, variant: i + k * 5 + 1, status: 'completed' });
        if (i % 2 === 0) await perform(w, { kind: 'survey', op: 'finish', target: 'held', pick: i, variant: i, status: 'completed' });
      }
      await perform(w, {
        kind: 'record',
        target: 'held',
        pick: i,
        disposition: DISPOSITIONS[i % DISPOSITIONS.length]!,
        startBackMin: 2,
        laterHours: 20 + (i % 5),
        dncDays: i % 3 ? null : 30,
        skip: i % 4 !== 0,
      });
      await perform(w, rnd[i]!);
      h.advance(4 * MIN);
    }
    expect(w.stats.record!.ok).toBeGreaterThan(20);
    assertReplayRebuilds(h);
  }, 60_000);

  it('a replay that meets a failing mutation applies nothing (one transaction)', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const target = makeHarness();
    await setUpEmpty(target, '别人');
    const before = contentHash(target.db);
    // Replaying source users into a target is fine (users.create ignores an existing id), so use a callback
    // lease that cannot apply: the target has no such callback.
    const cu = { id: '0190f5c0-0000-7000-8000-000000000001' };
    runMutation(h.db, 'callbacks.release', { callbackId: cu.id, agentId: 'x', at: T0 }, T0);
    runMutation(h.db, 'audit.phoneRevealed', { auditId: '0190f5c0-0000-7000-8000-000000000002', customerId: cu.id, actorId: 'x', at: T0 }, T0);
    expect(() => runMutation(h.db, 'callbacks.lease', { callbackId: cu.id, agentId: 'x', at: T0, expiresAt: T0 + MIN }, T0)).toThrow();
    // The failed lease left no outbox entry.
    expect(row(h.db, 'SELECT count(*) AS n FROM outbox WHERE name = ?', 'callbacks.lease')).toEqual({ n: 0 });
    // Forge one so replay meets a failing mutation after two good ones.
    h.db.$client
      .prepare('INSERT INTO outbox (id, name, args, created_at) VALUES (?, ?, ?, ?)')
      .run('forged', 'callbacks.lease', JSON.stringify({ callbackId: cu.id, agentId: 'x', at: T0, expiresAt: T0 + MIN }), T0);
    expect(() => replayOutbox(target.db, h.db)).toThrow();
    expect(contentHash(target.db)).toBe(before);
  });
});
