import { expect } from 'vitest';
import type { CallScriptState, QueueSummary, ScriptDetail, ScriptSummary, SessionInfo } from '../core/contract/views';
import { REASONS } from '../core/domain/model';
import { walk } from '../core/questionnaire/engine';
import { DEFAULT_SETTINGS } from '../core/settings';
import { replayOutbox } from '../electron/services/mutations/registry';
import { b64, contentHash, count, dumpSynced, HOUR, makeHarness, MIN, row, rows, switchTo, waitForImport, type Harness } from './helpers';
import { edited, importCsv, validAnswer, type Action } from './replay-actions';
import { faqAction } from './replay-faq';

/* The walk driver for replay.test.ts: performs one action against a harness, checking each rejected call left no trace. */

export interface World {
  h: Harness;
  users: { id: string; role: string }[];
  stats: Record<string, { ok: number; err: number }>;
  /** Hash all synced tables around every action (slow on the 5,000-customer demo; the outbox check stays). */
  hashEveryAction: boolean;
}

function pickId(h: Harness, table: 'callbacks' | 'customers', pick: number): string | null {
  const n = count(h.db, table);
  if (n === 0) return null;
  return row<{ id: string }>(h.db, `SELECT id FROM ${table} ORDER BY id LIMIT 1 OFFSET ?`, pick % n)!.id;
}

export async function perform(w: World, a: Action): Promise<void> {
  const { h } = w;
  const keys =
    a.kind === 'script' || a.kind === 'survey' || a.kind === 'case' || a.kind === 'faq'
      ? [`${a.kind}.${a.op}`]
      : a.kind === 'record' && a.disposition === 'reached'
        ? [a.kind, a.skip ? 'reached.withReason' : 'reached.noReason']
        : [a.kind];
  const note = (ok: boolean) => {
    for (const key of keys) {
      const s = (w.stats[key] ??= { ok: 0, err: 0 });
      if (ok) s.ok++;
      else s.err++;
    }
  };
  let hashBefore = w.hashEveryAction ? contentHash(h.db) : '';
  let outboxBefore = count(h.db, 'outbox');
  const check = (r: { ok: boolean }) => {
    note(r.ok);
    if (!r.ok) {
      // A rejected action leaves no outbox entry and no trace in synced state.
      expect(count(h.db, 'outbox')).toBe(outboxBefore);
      if (w.hashEveryAction) expect(contentHash(h.db)).toBe(hashBefore);
    } else {
      // An action of several calls: the next call is judged against the state this one left.
      hashBefore = w.hashEveryAction ? contentHash(h.db) : '';
      outboxBefore = count(h.db, 'outbox');
    }
  };
  switch (a.kind) {
    case 'takeNext':
      check(await h.call('queue.takeNext'));
      return;
    case 'record': {
      let id: string | null;
      if (a.target === 'held') {
        const s = await h.call('queue.summary');
        id = s.ok ? (s.value as QueueSummary).myLease : null;
        if (!id) id = pickId(h, 'callbacks', a.pick);
      } else id = pickId(h, 'callbacks', a.pick);
      if (!id) return;
      const startedAt = h.now() - a.startBackMin * MIN;
      // The call is dialled first (an outcome needs a started call); a refused dial makes the outcome refused too.
      if ((await h.call('callbacks.startCall', { id })).ok) {
        hashBefore = w.hashEveryAction ? contentHash(h.db) : '';
        outboxBefore = count(h.db, 'outbox');
      }
      check(
        await h.call('callbacks.recordOutcome', {
          callbackId: id,
          disposition: a.disposition,
          notes: `${a.disposition} @${startedAt}`,
          startedAt,
          endedAt: Math.min(startedAt + 3 * MIN, h.now()),
          callbackAt: a.disposition === 'callback_later' ? h.now() + a.laterHours * HOUR : null,
          dncExpiresAt: a.disposition === 'dnc_requested' && a.dncDays !== null ? h.now() + a.dncDays * 24 * HOUR : null,
          ...(a.skip ? { surveySkipReason: `客户没空 ${a.pick % 5}` } : {}),
        }),
      );
      return;
    }
    case 'release': {
      const s = await h.call('queue.summary');
      const id = s.ok ? (s.value as QueueSummary).myLease : null;
      if (id) check(await h.call('callbacks.release', { id }));
      return;
    }
    case 'take': {
      const id = pickId(h, 'callbacks', a.pick);
      if (id) check(await h.call('callbacks.take', { id }));
      return;
    }
    case 'startCall': {
      const s = await h.call('queue.summary');
      const id = s.ok ? (s.value as QueueSummary).myLease : null;
      if (id) check(await h.call('callbacks.startCall', { id }));
      return;
    }
    case 'reveal': {
      const id = pickId(h, 'customers', a.pick);
      if (id) check(await h.call('customers.revealPhone', { customerId: id }));
      return;
    }
    case 'settings': {
      const me = (await h.ok<SessionInfo>('session.get')).currentUser!;
      const sup = w.users.find((u) => u.role === 'supervisor')!;
      if (a.asSupervisor) await switchTo(h, sup);
      check(
        await h.call('settings.update', {
          ...DEFAULT_SETTINGS,
          callWindowStart: a.start,
          callWindowEnd: a.end,
          capPer24h: a.cap24,
          capPer7d: Math.max(a.cap7, a.cap24),
          retrySpacingMinutes: a.retry,
          maxAttempts: a.max,
          leaseMinutes: a.lease,
          noCallWeekdays: a.sunday ? [7] : [],
        }),
      );
      await switchTo(h, me);
      return;
    }
    case 'import': {
      const start = await h.call('imports.start', { fileName: 'walk.csv', contentBase64: b64(importCsv(a.rows, h.now())) });
      expect(start.ok).toBe(true);
      const job = await waitForImport(h, (start as { value: { jobId: string } }).value.jobId);
      expect(count(h.db, 'outbox')).toBe(outboxBefore);
      check(await h.call('imports.commit', { jobId: job.jobId }));
      return;
    }
    case 'switch':
      await switchTo(h, w.users[a.user % w.users.length]!);
      expect(count(h.db, 'outbox')).toBe(outboxBefore);
      return;
    case 'advance':
      h.advance(a.minutes * MIN);
      return;
    case 'script': {
      const me = (await h.ok<SessionInfo>('session.get')).currentUser!;
      const sup = w.users.find((u) => u.role === 'supervisor')!;
      const agent = w.users.find((u) => u.role === 'agent')!;
      await switchTo(h, a.asSupervisor ? sup : agent);
      try {
        await scriptAction(w, a, check);
      } finally {
        await switchTo(h, me);
      }
      return;
    }
    case 'survey':
      await surveyAction(w, a, check);
      return;
    case 'case':
      await caseAction(w, a, check);
      return;
    case 'faq':
      await faqAction(w, a, check);
      return;
  }
}

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const CATEGORIES = ['payments', 'account_security', 'app_usability', 'other'] as const;

/** Tickets and vouchers: transitions (valid and not), replies and notes, vouchers around the limits, decisions, breaches. */
async function caseAction(w: World, a: Extract<Action, { kind: 'case' }>, check: (r: { ok: boolean }) => void): Promise<void> {
  const { h } = w;
  const ticketIds = rows<{ id: string }>(h.db, 'SELECT id FROM tickets ORDER BY id').map((r) => r.id);
  const ticket = ticketIds.length ? ticketIds[a.pick % ticketIds.length]! : null;
  const status = (to: string) => (ticket ? h.call('tickets.transition', { id: ticket, to, followUp: a.variant % 4 === 0 ? 'skip' : 'schedule' }) : null);
  const me = (await h.ok<SessionInfo>('session.get')).currentUser!;
  const sup = w.users.find((u) => u.role === 'supervisor' && u.id !== me.id) ?? w.users.find((u) => u.role === 'supervisor')!;
  let r: { ok: boolean } | null = null;
  switch (a.op) {
    case 'open': {
      const customerId = a.variant % 5 === 0 ? null : pickId(h, 'customers', a.pick);
      r = await h.call('tickets.create', {
        customerId,
        subject: `投诉 ${a.variant % 50}`,
        category: CATEGORIES[a.variant % CATEGORIES.length],
        priority: PRIORITIES[a.pick % PRIORITIES.length],
      });
      break;
    }
    case 'reply':
    case 'note':
      if (ticket) r = await h.call('tickets.comment', { id: ticket, body: `${a.op} ${a.variant % 9}`, visibility: a.op === 'reply' ? 'reply' : 'internal' });
      break;
    case 'pend':
      r = await status('pending_customer');
      break;
    case 'resume':
    case 'reopen':
      r = await status('open');
      break;
    case 'resolve':
      r = await status('resolved');
      break;
    case 'close':
      r = await status('closed');
      break;
    case 'update':
      if (ticket) r = await h.call('tickets.update', { id: ticket, priority: PRIORITIES[a.variant % 4], ...(a.variant % 3 === 0 ? { category: CATEGORIES[a.variant % 4] } : {}) });
      break;
    case 'assign':
      if (ticket) r = await h.call('tickets.assign', { id: ticket, assigneeId: a.variant % 4 === 0 ? null : w.users[a.variant % w.users.length]!.id });
      break;
    case 'voucher': {
      const t = ticket ? row<{ customerId: string | null }>(h.db, 'SELECT customer_id AS customerId FROM tickets WHERE id = ?', ticket) : undefined;
      const customerId = t?.customerId ?? pickId(h, 'customers', a.pick);
      if (!customerId) break;
      const amounts = [10_00, 50_00, 88_00, 150_00, 600_00];
      r = await h.call('vouchers.request', {
        requestKey: `0190f5c0-0000-7000-8000-${String(a.variant % 1_000_000_000_000).padStart(12, '0')}`,
        customerId,
        ticketId: t?.customerId ? ticket : null,
        kind: a.variant % 7 === 0 ? 'points' : 'cashback',
        amountFen: a.variant % 7 === 0 ? null : amounts[a.variant % amounts.length],
        points: a.variant % 7 === 0 ? 1 + (a.variant % 9000) : null,
        reasonCode: 'goodwill',
      });
      break;
    }
    case 'approve':
    case 'reject':
    case 'void': {
      const ids = rows<{ id: string }>(h.db, `SELECT id FROM vouchers WHERE state = ? ORDER BY id`, a.op === 'void' ? 'issued' : 'pending_approval').map((x) => x.id);
      if (!ids.length) break;
      const id = ids[a.pick % ids.length]!;
      if (a.op !== 'void' && a.variant % 5 !== 0) await switchTo(h, sup);
      try {
        r = a.op === 'approve' ? await h.call('vouchers.approve', { id }) : await h.call(`vouchers.${a.op}`, { id, reason: `原因 ${a.variant % 5}` });
      } finally {
        await switchTo(h, me);
      }
      break;
    }
    case 'sweep':
      h.advance((a.variant % 600) * MIN);
      r = await h.call('tickets.sweep');
      break;
    case 'read':
      r = await h.call('notifications.markRead', { ids: 'all' });
      break;
  }
  if (r) check(r);
}

async function scriptAction(w: World, a: Extract<Action, { kind: 'script' }>, check: (r: { ok: boolean }) => void): Promise<void> {
  const { h } = w;
  const all = await h.ok<ScriptSummary[]>('scripts.list');
  const live = all.filter((s) => s.retiredAt === null);
  const pickFrom = (list: ScriptSummary[]) => (list.length ? list[a.pick % list.length]! : null);
  switch (a.op) {
    case 'copy': {
      const s = pickFrom(all);
      if (s) check(await h.call('scripts.create', { copyFrom: s.id }));
      return;
    }
    case 'edit': {
      const s = pickFrom(live);
      if (!s) return;
      // From the published text when there is one, so a draft left broken is overwritten by the next edit.
      const versions = (await h.ok<ScriptDetail>('scripts.get', { id: s.id })).versions;
      const base = versions.find((v) => v.status === 'published') ?? versions[0]!;
      check(await h.call('scripts.saveDraft', { id: s.id, content: edited(base.content, a.variant) }));
      return;
    }
    case 'publish': {
      // A script with a draft, so publishing is really tried; now and then one without (refused).
      const s = a.variant % 5 === 0 ? pickFrom(live) : pickFrom(live.filter((x) => x.hasDraft));
      if (s) check(await h.call('scripts.publish', { id: s.id }));
      return;
    }
    case 'map': {
      const s = pickFrom(live);
      if (s) check(await h.call('scripts.setMapping', { mapping: { [s.purpose]: s.id } }));
      return;
    }
    case 'unmap':
      check(await h.call('scripts.setMapping', { mapping: { [REASONS[a.pick % REASONS.length]!]: null } }));
      return;
    case 'retire': {
      // Rarely: retiring leaves a purpose without a script until someone maps another.
      if (a.variant % 3 !== 0) return;
      const s = pickFrom(live.filter((x) => x.builtinKey === null)) ?? pickFrom(live);
      if (s) check(await h.call('scripts.retire', { id: s.id }));
      return;
    }
  }
}

/** The callback a survey action works on: the one held, else (for all but start) one with a questionnaire under way. */
async function surveyCallback(w: World, a: Extract<Action, { kind: 'survey' }>): Promise<string | null> {
  const { h } = w;
  const open = rows<{ id: string }>(h.db, `SELECT callback_id AS id FROM survey_responses WHERE status = 'in_progress' ORDER BY id`).map((r) => r.id);
  if (a.target === 'held') {
    const s = await h.call('queue.summary');
    const id = s.ok ? (s.value as QueueSummary).myLease : null;
    if (id && (a.op === 'start' || open.includes(id))) return id;
  }
  if (a.op === 'start') return pickId(h, 'callbacks', a.pick);
  return open.length ? open[a.pick % open.length]! : null;
}

async function surveyAction(w: World, a: Extract<Action, { kind: 'survey' }>, check: (r: { ok: boolean }) => void): Promise<void> {
  const { h } = w;
  const callbackId = await surveyCallback(w, a);
  if (!callbackId) return;
  if (a.op === 'start') {
    check(await h.call('responses.start', { callbackId }));
    return;
  }
  const state = await h.ok<CallScriptState>('responses.forCallback', { callbackId });
  const response = state.response;
  if (!response || response.status !== 'in_progress') return;
  if (a.op === 'finish') {
    check(await h.call('responses.finish', { responseId: response.id, status: a.status }));
    return;
  }
  if (a.op === 'clear') {
    const answered = Object.keys(response.answers);
    if (answered.length) check(await h.call('responses.answer', { responseId: response.id, key: answered[a.variant % answered.length], answer: null }));
    return;
  }
  // One to three answers, as an agent goes through the script: mostly the next unanswered visible question,
  // sometimes an earlier one changed (which may hide later ones and clear their answers).
  let answers = response.answers;
  for (let step = 0; step <= a.variant % 3; step++) {
    const v = a.variant + step * 7;
    const { visible } = walk(response.content, answers);
    const open = visible.filter((k) => !(k in answers));
    const key = v % 4 === 0 || open.length === 0 ? visible[v % Math.max(1, visible.length)] : open[0];
    if (!key) return;
    const q = response.content.questions.find((x) => x.key === key)!;
    // Now and then a wrong answer (a number where text is due, else text where a choice or number is), which must be refused.
    const answer = v % 9 === 0 ? { value: q.type === 'short_text' || q.type === 'long_text' ? 42 : 'x'.repeat(41) } : validAnswer(q, v);
    const r = await h.call('responses.answer', { responseId: response.id, key, answer });
    check(r);
    if (!r.ok) return;
    answers = (r.value as { answers: typeof answers }).answers;
  }
}

export function assertReplayRebuilds(source: Harness): void {
  const target = makeHarness();
  expect(count(target.db, 'users')).toBe(0);
  const applied = replayOutbox(target.db, source.db);
  expect(applied).toBe(count(source.db, 'outbox'));
  const a = dumpSynced(source.db);
  const b = dumpSynced(target.db);
  // The questionnaire tables and the script mapping are among the synced ones.
  for (const t of ['scripts', 'script_versions', 'survey_responses', 'survey_answers'] as const) expect(a).toHaveProperty(t);
  expect((a.settings as { key: string }[]).some((r) => r.key === 'script_mapping')).toBe(true);
  for (const table of Object.keys(a) as (keyof typeof a)[]) {
    expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
  }
}
