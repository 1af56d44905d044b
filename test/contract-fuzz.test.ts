import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../core/contract/api';
import { METHOD_NAMES, type MethodName } from '../core/contract/methods';
import { ERROR_CODES, type Result } from '../core/contract/result';
import type { ScriptSummary } from '../core/contract/views';
import { builtinScript } from '../core/questionnaire/builtin';
import { DEFAULT_SETTINGS } from '../core/settings';
import { runMutation } from '../electron/services/mutations/registry';
import { b64, cleanup, contentHash, createUser, csv, makeHarness, rows, setUpEmpty, T0, waitForImport, type Harness } from './helpers';
import { cases, HUGE, inputsFor, pool, sp } from './fuzz-inputs';


/*
 * Throws random input at every contract method through backend.invoke and checks the boundary promise:
 * never a thrown exception, always {ok:boolean}, bad input → a typed error, never INTERNAL, and a call
 * that fails leaves the synced tables and the outbox exactly as they were.
 *
 * Methods that legitimately write on some valid input (and may therefore change the hash when they
 * return ok:true): see WRITERS. Every other method must never change synced state, ok or not.
 */
const WRITERS = new Set<MethodName>([
  'users.create', // any valid {name, role} creates a user
  'session.signIn', // every sign-in, failed or not, is audited
  'session.signOut', // audited
  'settings.update', // valid settings, when the fuzz has switched to the supervisor
  'queue.takeNext', // leases the next callable callback
  'callbacks.take', // with a real callable id
  'callbacks.release', // with the id this seat holds
  'callbacks.startCall', // with a real callable id
  'callbacks.recordOutcome', // with a real id of a started call and times the guard accepts
  'customers.revealPhone', // with a real customer id (writes an audit entry)
  'imports.commit', // with the id of a ready job
  // Questionnaire scripts: only as the supervisor (half of their runs), with real ids and valid content.
  'scripts.create',
  'scripts.saveDraft',
  'scripts.publish',
  'scripts.retire',
  'scripts.import',
  'scripts.setMapping',
  // Questionnaire responses: with a real callback / response id of the signed-in agent.
  'responses.start',
  'responses.answer',
  'responses.finish',
  // Tickets, SLA policy, the calendar and vouchers: real ids, valid terms, the right role.
  'tickets.create',
  'tickets.transition',
  'tickets.assign',
  'tickets.update',
  'tickets.comment',
  'tickets.sweep', // records a breach that has come due
  'notifications.list', // sweeps breaches before listing
  'notifications.markRead',
  'cases.updateSettings',
  'sla.setPolicies',
  'calendar.save',
  'calendar.importYear',
  'vouchers.request',
  'vouchers.approve',
  'vouchers.reject',
  'vouchers.void',
  'vouchers.redeem',
  // FAQ curation: with a resolved source ticket or a real entry id, and the right role.
  'faq.create',
  'faq.save',
  'faq.transition',
  'faq.markReviewed',
]);
/** Run half of their runs as the supervisor, so valid input reaches the write (and half as an agent: FORBIDDEN). */
const SUPERVISOR_HALF = new Set<MethodName>([
  'users.setPassword',
  'settings.update',
  'scripts.create',
  'scripts.saveDraft',
  'scripts.publish',
  'scripts.retire',
  'scripts.import',
  'scripts.setMapping',
  'cases.updateSettings',
  'sla.setPolicies',
  'calendar.save',
  'calendar.importYear',
  'vouchers.approve',
  'vouchers.reject',
  'tickets.board',
  'tickets.attainment',
  'faq.transition',
  'faq.markReviewed',
]);
/** Device-local only (local_meta, call_drafts; never synced): allowed to succeed, must not touch synced state. */
const LOCAL_ONLY = new Set<MethodName>(['session.setLocale', 'callbacks.saveDraft']);

const RUNS_PER_METHOD = 100; // × 77 methods ≈ 7,700 calls

let h: Harness;
const writes = new Map<string, number>();
const outcomes = new Map<string, { ok: number; err: Map<string, number> }>();

beforeAll(async () => {
  h = makeHarness();
  const me = await setUpEmpty(h);
  const other = await createUser(h, '李静', 'agent');
  const sup = await createUser(h, '周敏', 'supervisor');
  runMutation(h.db, 'demo.load', { seed: 7, now: T0, customers: 120, agentIds: [me.id, other.id] }, T0);
  pool.callbacks = rows<{ id: string }>(h.db, 'SELECT id FROM callbacks ORDER BY id LIMIT 40').map((r) => r.id);
  pool.customers = rows<{ id: string }>(h.db, 'SELECT id FROM customers ORDER BY id LIMIT 20').map((r) => r.id);
  pool.users = [me.id, other.id, sup.id];
  const header = ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'];
  for (const body of [
    [['13700000001', '甲', 'care', '', '1', '', '']],
    [['bad', '乙', 'nope', '', '', '', '']],
  ]) {
    const job = await h.ok<{ jobId: string }>('imports.start', { fileName: 'f.csv', contentBase64: b64(csv(header, body)) });
    await waitForImport(h, job.jobId);
    pool.jobs.push(job.jobId);
  }
  // Scripts: the built-ins, and a few spare drafts made by the supervisor (only those are retired by valid input).
  const list = await h.ok<ScriptSummary[]>('scripts.list');
  sp.scripts = list.map((s) => ({ id: s.id, content: builtinScript(s.purpose, s.locale) }));
  sp.mapping = Object.fromEntries(list.filter((s) => s.mappedFor.length > 0).map((s) => [s.purpose, s.id]));
  h.actAs(sup.id);
  for (const purpose of ['satisfaction', 'care', 'winback'] as const) {
    const copy = await h.ok<{ script: { id: string }; versions: { id: string }[] }>('scripts.create', { copyFrom: sp.mapping[purpose] });
    sp.spares.push({ id: copy.script.id, content: builtinScript(purpose, 'zh-CN') });
  }
  h.actAs(me.id);
  sp.versions = rows<{ id: string }>(h.db, 'SELECT id FROM script_versions ORDER BY id').map((r) => r.id);
  // Responses under way, on satisfaction callbacks outside pool.callbacks (so recordOutcome fuzzing leaves them open).
  const free = rows<{ id: string }>(
    h.db,
    `SELECT id FROM callbacks WHERE reason = 'satisfaction' AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 4`,
    JSON.stringify(pool.callbacks),
  );
  for (const { id } of free) sp.responses.push((await h.ok<{ id: string }>('responses.start', { callbackId: id })).id);
  // Tickets on pool customers (a P1 one breaches once the fuzz clock moves), and vouchers: two wait for approval.
  for (const [i, priority] of (['P1', 'P2', 'P3', 'P4', 'P2', 'P3'] as const).entries()) {
    const t = await h.ok<{ ticket: { id: string; customerId: string } }>('tickets.create', {
      customerId: pool.customers[i],
      subject: `工单 ${i}`,
      category: 'payments',
      priority,
    });
    cases.tickets.push({ id: t.ticket.id, customerId: t.ticket.customerId });
  }
  for (const amountFen of [8800, 9900, 1000, 2000]) {
    const v = await h.ok<{ voucher: { id: string } }>('vouchers.request', {
      requestKey: crypto.randomUUID(),
      customerId: cases.tickets[0]!.customerId,
      ticketId: cases.tickets[0]!.id,
      kind: 'cashback',
      amountFen,
      reasonCode: 'goodwill',
    });
    cases.vouchers.push(v.voucher.id);
  }
  // A resolved ticket and an FAQ entry drafted from it, so the FAQ methods get real ids.
  // Outside cases.tickets, so the transition fuzz cannot reopen it before the FAQ methods run.
  const source = await h.ok<{ ticket: { id: string } }>('tickets.create', { customerId: pool.customers[7], subject: '重复扣款', category: 'payments', priority: 'P3' });
  const resolved = source.ticket.id;
  await h.ok('tickets.transition', { id: resolved, to: 'resolved', followUp: 'skip' });
  cases.resolved.push(resolved);
  const entry = await h.ok<{ entry: { id: string } }>('faq.create', {
    category: 'payments',
    question: '转账显示成功但对方未收到怎么办？',
    answer: '请先确认收款账户，一般 24 小时内到账。',
    sourceTicketIds: [resolved],
  });
  cases.faq.push(entry.entry.id);
  // A second entry, published and outside the pool (the fuzz cannot retire it), so exports have content.
  const published = await h.ok<{ entry: { id: string } }>('faq.create', {
    category: 'payments',
    question: '提现到银行卡多久到账？',
    answer: '工作日一般 2 小时内到账，节假日顺延。',
    sourceTicketIds: [resolved],
  });
  await h.ok('faq.transition', { id: published.entry.id, action: 'submit' });
  h.actAs(sup.id);
  await h.ok('faq.transition', { id: published.entry.id, action: 'publish' });
  h.actAs(me.id);
}, 120_000);
afterAll(() => {
  if (process.env.FUZZ_STATS) {
    console.log('writes on ok:', Object.fromEntries(writes));
    const known = [...outcomes].filter(([m]) => (METHOD_NAMES as readonly string[]).includes(m));
    console.log(Object.fromEntries(known.map(([m, o]) => [m, { ok: o.ok, ...Object.fromEntries(o.err) }])));
  }
  cleanup();
  // Closing checkpoints the WAL the fuzz grew (the back end turns auto-checkpoints off): slow on a busy machine.
}, 60_000);

// --- the property ------------------------------------------------------------------------------------

async function callAndCheck(method: string, input: unknown): Promise<void> {
  const before = contentHash(h.db);
  let result: Result<unknown>;
  try {
    // Signing in or out works on a session of its own, so the fuzz keeps acting as who it was.
    const session = method === 'session.signIn' || method === 'session.signOut' ? { token: h.backend.auth.open(pool.users[0]!) } : h.session;
    result = await h.backend.invoke(method, input, session);
  } catch (error) {
    throw new Error(`${method} threw: ${String(error)}`, { cause: error });
  }
  expect(typeof result.ok).toBe('boolean');
  const stats = outcomes.get(method) ?? { ok: 0, err: new Map<string, number>() };
  outcomes.set(method, stats);
  if (!result.ok) {
    stats.err.set(result.error.code, (stats.err.get(result.error.code) ?? 0) + 1);
    expect(ERROR_CODES).toContain(result.error.code);
    expect(result.error.code).not.toBe('INTERNAL');
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.length).toBeGreaterThan(0);
    // A refused sign-in is itself audited (auth.sign_in_failed); every other refusal changes nothing.
    if (method !== 'session.signIn') expect(contentHash(h.db)).toBe(before);
  } else {
    stats.ok++;
    JSON.stringify(result.value); // must be serialisable for the HTTP transport
  }
  // The schema is the judge of validity: anything it rejects must come back as BAD_INPUT.
  if ((METHOD_NAMES as readonly string[]).includes(method)) {
    const parsed = contract[method as MethodName].input.safeParse(input ?? {});
    if (!parsed.success) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('BAD_INPUT');
    }
    const after = contentHash(h.db);
    if (after !== before) {
      writes.set(method, (writes.get(method) ?? 0) + 1);
      expect(WRITERS.has(method as MethodName), `${method} changed synced state`).toBe(true);
    }
    if (LOCAL_ONLY.has(method as MethodName)) expect(after).toBe(before);
  } else {
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  }
}

describe('contract fuzz: every method survives random input', () => {
  for (const method of METHOD_NAMES) {
    it(method, async () => {
      // A fresh session as the agent each time (users.setPassword ends the sessions of the one it changes).
      h.actAs(pool.users[0]!);
      const half = SUPERVISOR_HALF.has(method);
      // Half of a supervisor method's runs as the supervisor, so valid input reaches the write.
      if (half) {
        h.actAs(pool.users[2]!);
        await fc.assert(fc.asyncProperty(inputsFor(method), (input) => callAndCheck(method, input)), {
          numRuns: RUNS_PER_METHOD / 2,
          seed: 1,
        });
        h.actAs(pool.users[0]!);
      }
      if (method.startsWith('responses.')) {
        // Every purpose opens its built-in script again, whatever the mapping fuzz left behind.
        h.actAs(pool.users[2]!);
        await h.ok('scripts.setMapping', { mapping: sp.mapping });
        h.actAs(pool.users[0]!);
      }
      await fc.assert(
        fc.asyncProperty(inputsFor(method), async (input) => {
          await callAndCheck(method, input);
        }),
        { numRuns: half ? RUNS_PER_METHOD / 2 : RUNS_PER_METHOD, seed: 20261123 + METHOD_NAMES.indexOf(method) },
      );
    });
  }

  it('unknown and hostile method names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'system.status ', 'SYSTEM.STATUS', 'hasOwnProperty', HUGE)),
        fc.anything(),
        async (method, input) => {
          fc.pre(!(METHOD_NAMES as readonly string[]).includes(method));
          await callAndCheck(method, input);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the setup itself is sound: the fuzz reached real writes and real rejections', () => {
    // A fuzz that never gets past validation proves little; these are met with the fixed seeds above.
    const ok = (m: string) => outcomes.get(m)?.ok ?? 0;
    for (const m of ['queue.list', 'audit.list', 'settings.get', 'session.get', 'queue.summary', 'imports.list']) expect(ok(m)).toBeGreaterThan(0);
    expect(ok('users.create')).toBeGreaterThan(0);
    for (const m of ['tickets.create', 'tickets.comment', 'tickets.transition', 'vouchers.request', 'vouchers.quote', 'calendar.save', 'sla.setPolicies', 'faq.create', 'faq.transition', 'faq.check', 'faq.export']) {
      expect(ok(m), m).toBeGreaterThan(0);
    }
    expect(outcomes.get('tickets.transition')!.err.get('INVALID_TRANSITION') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('calendar.save')!.err.get('BAD_INPUT') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('callbacks.get')!.err.get('NOT_FOUND') ?? 0).toBeGreaterThan(0);
    expect(ok('callbacks.get')).toBeGreaterThan(0);
    for (const m of ['users.create', 'settings.update', 'callbacks.recordOutcome', 'customers.revealPhone', 'queue.takeNext']) {
      expect(writes.get(m) ?? 0, m).toBeGreaterThan(0);
    }
    expect(ok('callbacks.recordOutcome')).toBeGreaterThan(0);
    // The questionnaire methods too: real writes, and agents refused where only a supervisor may act.
    for (const m of [
      'scripts.create',
      'scripts.saveDraft',
      'scripts.publish',
      'scripts.retire',
      'scripts.import',
      'scripts.setMapping',
      'responses.start',
      'responses.answer',
      'responses.finish',
    ]) {
      expect(writes.get(m) ?? 0, m).toBeGreaterThan(0);
    }
    for (const m of ['scripts.create', 'scripts.saveDraft', 'scripts.publish', 'scripts.retire', 'scripts.import', 'scripts.setMapping']) {
      expect(outcomes.get(m)!.err.get('FORBIDDEN') ?? 0, m).toBeGreaterThan(0);
    }
    for (const m of ['scripts.list', 'scripts.get', 'scripts.export', 'responses.forCallback', 'reports.survey']) expect(ok(m), m).toBeGreaterThan(0);
  });

  it('every method answers a set-up database with untouched synced state for valid read calls', async () => {
    const before = contentHash(h.db);
    for (const m of ['session.get', 'settings.get', 'queue.summary', 'imports.list', 'system.status'] as const) {
      expect((await h.call(m, {})).ok).toBe(true);
    }
    expect((await h.call('queue.list', { filter: { status: 'all' }, limit: 500 })).ok).toBe(true);
    expect((await h.call('audit.list', {})).ok).toBe(true);
    expect((await h.call('customers.search', { query: '0000' })).ok).toBe(true);
    expect(contentHash(h.db)).toBe(before);
  });

  it('settings.update by the supervisor accepts exactly the schema (sanity of the writer list)', async () => {
    h.actAs(pool.users[2]!);
    const r = await h.call('settings.update', { ...DEFAULT_SETTINGS, leaseMinutes: 20 });
    expect(r.ok).toBe(true);
    h.actAs(pool.users[0]!);
  });
});
