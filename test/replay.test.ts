import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState, QueueSummary, ScriptDetail, ScriptSummary, SessionInfo } from '../core/contract/views';
import { DISPOSITIONS, REASONS, type Disposition } from '../core/domain/model';
import { walk } from '../core/questionnaire/engine';
import { OTHER, RESPONSE_STATUSES, type Answer, type Question, type ScriptContent } from '../core/questionnaire/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { replayOutbox, runMutation } from '../electron/services/mutations/registry';
import { forgetZones } from '../electron/services/queue';
import {
  b64,
  cleanup,
  contentHash,
  count,
  createUser,
  csv,
  dumpSynced,
  HOUR,
  makeHarness,
  MIN,
  row,
  rows,
  setUpEmpty,
  switchTo,
  T0,
  waitForImport,
  type Harness,
} from './helpers';

afterEach(cleanup);

type Action =
  | { kind: 'takeNext' }
  | {
      kind: 'record';
      target: 'held' | 'any';
      pick: number;
      disposition: Disposition;
      startBackMin: number;
      laterHours: number;
      dncDays: number | null;
      /** Give a surveySkipReason (it matters only for 'reached'). */
      skip?: boolean;
    }
  | { kind: 'release' }
  | { kind: 'take'; pick: number }
  | { kind: 'startCall' }
  | { kind: 'reveal'; pick: number }
  | { kind: 'settings'; asSupervisor: boolean; start: number; end: number; cap24: number; cap7: number; retry: number; max: number; lease: number; sunday: boolean }
  | { kind: 'import'; rows: { phone: number; reason: number; due: number; priority: number; bad: boolean }[] }
  | { kind: 'switch'; user: number }
  | { kind: 'advance'; minutes: number }
  | { kind: 'script'; op: ScriptOp; pick: number; variant: number; asSupervisor: boolean }
  | { kind: 'survey'; op: SurveyOp; target: 'held' | 'any'; pick: number; variant: number; status: 'completed' | 'partial' | 'declined' };

const SCRIPT_OPS = ['copy', 'edit', 'edit', 'edit', 'publish', 'publish', 'publish', 'map', 'map', 'unmap', 'retire'] as const;
type ScriptOp = (typeof SCRIPT_OPS)[number];
const SURVEY_OPS = ['start', 'start', 'answer', 'answer', 'answer', 'answer', 'answer', 'clear', 'finish', 'finish'] as const;
type SurveyOp = (typeof SURVEY_OPS)[number];

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'takeNext' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      target: fc.constantFrom('held' as const, 'held' as const, 'held' as const, 'any' as const),
      pick: fc.nat(),
      disposition: fc.constantFrom(...DISPOSITIONS),
      startBackMin: fc.integer({ min: 0, max: 20 }),
      laterHours: fc.integer({ min: -2, max: 80 }),
      dncDays: fc.option(fc.integer({ min: -1, max: 400 }), { nil: null }),
      skip: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('take' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'startCall' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reveal' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      asSupervisor: fc.boolean(),
      start: fc.constantFrom(8 * 60, 9 * 60, 10 * 60),
      end: fc.constantFrom(18 * 60, 21 * 60, 22 * 60),
      cap24: fc.integer({ min: 1, max: 3 }),
      cap7: fc.integer({ min: 3, max: 6 }),
      retry: fc.constantFrom(60, 27 * 60),
      max: fc.integer({ min: 1, max: 4 }),
      lease: fc.constantFrom(5, 15),
      sunday: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.array(
        fc.record({ phone: fc.integer({ min: 0, max: 30 }), reason: fc.nat(REASONS.length - 1), due: fc.integer({ min: -1, max: 4 }), priority: fc.integer({ min: 1, max: 5 }), bad: fc.boolean() }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('switch' as const), user: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.constantFrom(1, 7, 16, 60, 180, 8 * 60, 27 * 60, 3 * 24 * 60) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('script' as const),
      op: fc.constantFrom(...SCRIPT_OPS),
      pick: fc.nat(),
      variant: fc.nat(),
      // Now and then an agent tries, and is refused.
      asSupervisor: fc.constantFrom(true, true, true, true, false),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('survey' as const),
      op: fc.constantFrom(...SURVEY_OPS),
      target: fc.constantFrom('held' as const, 'held' as const, 'any' as const),
      pick: fc.nat(),
      variant: fc.nat(),
      status: fc.constantFrom(...RESPONSE_STATUSES.filter((x) => x !== 'in_progress')),
    }),
  },
);

/** A valid answer to `q`, chosen by `v` (every type, every choice, "other" with its text). */
function validAnswer(q: Question, v: number): Answer {
  const options = [...q.choices.map((c) => c.value), ...(q.allowOther ? [OTHER] : [])];
  const withOther = (a: Answer): Answer => ((Array.isArray(a.value) ? a.value.includes(OTHER) : a.value === OTHER) ? { ...a, otherText: `其他${v % 3}` } : a);
  switch (q.type) {
    case 'single':
      return withOther({ value: options[v % Math.max(1, options.length)] ?? 'none' });
    case 'multi': {
      const picked = options.filter((_, i) => ((v + 1) >> i) & 1);
      return withOther({ value: picked.length > 0 ? picked : options.slice(0, 1) });
    }
    case 'yes_no':
      return { value: v % 2 === 0 };
    case 'rating':
      return { value: 1 + (v % 5) };
    case 'nps':
      return { value: v % 11 };
    case 'number': {
      const lo = q.min ?? 0;
      const hi = q.max ?? lo + 100;
      return { value: Math.min(hi, lo + (v % 10)) };
    }
    case 'short_text':
    case 'long_text':
      return { value: `  回答 ${v % 100}  ` };
  }
}

/** A different draft of `c`, chosen by `v`: reworded, shortened, extended, or (now and then) unpublishable. */
function edited(c: ScriptContent, v: number): ScriptContent {
  const questions = [...c.questions];
  switch (v % 5) {
    case 0:
    case 1: {
      const i = v % Math.max(1, questions.length);
      if (questions[i]) questions[i] = { ...questions[i], text: `${questions[i].text.slice(0, 900)} (${v % 97})` };
      return { ...c, questions };
    }
    case 2:
      // The last question: nothing earlier may refer to it.
      return { ...c, questions: questions.length > 1 ? questions.slice(0, -1) : questions };
    case 3:
      return {
        ...c,
        questions: [...questions, { key: `extra_${v % 7}`, type: v % 2 ? 'rating' : 'nps', text: `附加问题 ${v % 7}`, help: '', required: v % 3 === 0, choices: [], allowOther: false, min: null, max: null, showIf: null, endIf: null }],
      };
    default:
      return { ...c, questions: [...questions, { key: `broken_${v % 7}`, type: 'single', text: '没有选项', help: '', required: false, choices: [], allowOther: false, min: null, max: null, showIf: null, endIf: null }] };
  }
}

const fmtLocal = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

function importCsv(rows: Extract<Action, { kind: 'import' }>['rows'], now: number): string {
  return csv(
    ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'],
    rows.map((r, i) => [
      r.bad && i % 2 === 0 ? '123' : `137${String(r.phone).padStart(8, '0')}`,
      `导入${r.phone}`,
      r.bad && i % 2 === 1 ? 'bogus' : REASONS[r.reason]!,
      r.due < 0 ? '' : fmtLocal(now + r.due * 24 * HOUR),
      String(r.priority),
      r.phone % 3 === 0 ? 'America/Los_Angeles' : '',
      `行${i}`,
    ]),
  );
}

interface World {
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

async function perform(w: World, a: Action): Promise<void> {
  const { h } = w;
  const keys =
    a.kind === 'script' || a.kind === 'survey'
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
  }
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

function assertReplayRebuilds(source: Harness): void {
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

describe('outbox replay rebuilds the same state', () => {
  it('after a random walk of actions on a small demo queue (fast-check)', async () => {
    const totals: Record<string, { ok: number; err: number }> = {};
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(arbAction, { minLength: 30, maxLength: 70 }), async (seed, actions) => {
        const h = makeHarness();
        try {
          const me = await setUpEmpty(h);
          const other = await createUser(h, '李静', 'agent');
          const sup = await createUser(h, '周敏', 'supervisor');
          runMutation(h.db, 'demo.load', { seed, now: h.now(), customers: 300, agentIds: [me.id, other.id] }, h.now());
          forgetZones(h.db);
          const w: World = { h, users: [me, other, sup], stats: totals, hashEveryAction: true };
          for (const a of actions) await perform(w, a);
          assertReplayRebuilds(h);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 16 },
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
  }, 120_000);

  it('after first-run demo setUp and a scripted day of work', async () => {
    const h = makeHarness();
    await h.ok('session.setUp', { mode: 'demo', agentName: '王芳', locale: 'zh-CN' });
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
