import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../core/contract/api';
import { METHOD_NAMES, type MethodName } from '../core/contract/methods';
import { ERROR_CODES, type Result } from '../core/contract/result';
import { DISPOSITIONS, REASONS } from '../core/domain/model';
import type { ScriptSummary } from '../core/contract/views';
import { builtinScript } from '../core/questionnaire/builtin';
import type { ScriptContent } from '../core/questionnaire/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { runMutation } from '../electron/services/mutations/registry';
import { forgetZones } from '../electron/services/queue';
import { b64, cleanup, contentHash, createUser, csv, DAY, makeHarness, rows, setUpEmpty, T0, waitForImport, type Harness } from './helpers';

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
  'settings.update', // valid settings, when the fuzz has switched to the supervisor
  'queue.takeNext', // leases the next callable callback
  'callbacks.take', // with a real callable id
  'callbacks.release', // with the id this seat holds
  'callbacks.startCall', // with a real callable id
  'callbacks.recordOutcome', // with a real id and times the guard accepts
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
]);
/** Run half of their runs as the supervisor, so valid input reaches the write (and half as an agent: FORBIDDEN). */
const SUPERVISOR_HALF = new Set<MethodName>([
  'settings.update',
  'scripts.create',
  'scripts.saveDraft',
  'scripts.publish',
  'scripts.retire',
  'scripts.import',
  'scripts.setMapping',
]);
/** local_meta only (device-local, not synced): allowed to succeed, must not touch synced state. */
const LOCAL_ONLY = new Set<MethodName>(['session.switchUser', 'session.setLocale']);

const RUNS_PER_METHOD = 130; // × 37 methods ≈ 4,800 calls
const HUGE = 'x'.repeat(1_000_000);
const HUGE_B64 = Buffer.alloc(600_000, 0x41).toString('base64');

let h: Harness;
const pool = { callbacks: [] as string[], customers: [] as string[], users: [] as string[], jobs: [] as string[] };
const writes = new Map<string, number>();
const outcomes = new Map<string, { ok: number; err: Map<string, number> }>();
/** Questionnaire ids: built-in scripts (with their purpose and content), spare drafts the fuzz may retire, responses. */
const sp = {
  scripts: [] as { id: string; content: ScriptContent }[],
  spares: [] as { id: string; content: ScriptContent }[],
  versions: [] as string[],
  responses: [] as string[],
  mapping: {} as Record<string, string>,
};

beforeAll(async () => {
  h = makeHarness();
  const me = await setUpEmpty(h);
  const other = await createUser(h, '李静', 'agent');
  const sup = await createUser(h, '周敏', 'supervisor');
  runMutation(h.db, 'demo.load', { seed: 7, now: T0, customers: 120, agentIds: [me.id, other.id] }, T0);
  forgetZones(h.db);
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
  await h.ok('session.switchUser', { userId: sup.id });
  for (const purpose of ['satisfaction', 'care', 'winback'] as const) {
    const copy = await h.ok<{ script: { id: string }; versions: { id: string }[] }>('scripts.create', { copyFrom: sp.mapping[purpose] });
    sp.spares.push({ id: copy.script.id, content: builtinScript(purpose, 'zh-CN') });
  }
  await h.ok('session.switchUser', { userId: me.id });
  sp.versions = rows<{ id: string }>(h.db, 'SELECT id FROM script_versions ORDER BY id').map((r) => r.id);
  // Responses under way, on satisfaction callbacks outside pool.callbacks (so recordOutcome fuzzing leaves them open).
  const free = rows<{ id: string }>(
    h.db,
    `SELECT id FROM callbacks WHERE reason = 'satisfaction' AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 4`,
    JSON.stringify(pool.callbacks),
  );
  for (const { id } of free) sp.responses.push((await h.ok<{ id: string }>('responses.start', { callbackId: id })).id);
});
afterAll(() => {
  if (process.env.FUZZ_STATS) {
    console.log('writes on ok:', Object.fromEntries(writes));
    const known = [...outcomes].filter(([m]) => (METHOD_NAMES as readonly string[]).includes(m));
    console.log(Object.fromEntries(known.map(([m, o]) => [m, { ok: o.ok, ...Object.fromEntries(o.err) }])));
  }
  cleanup();
});

// --- arbitraries -------------------------------------------------------------------------------------

const anId = fc.oneof(
  fc.constantFrom(...['callbacks', 'customers', 'users', 'jobs'].map((k) => k)).chain((k) => fc.constantFrom(...pool[k as keyof typeof pool])),
  fc.uuid(),
  fc.constant(uuidv7()),
  fc.constantFrom('', 'null', '../../etc/passwd', "' OR 1=1 --", '0190f5c0-0000-7000-8000-00000000000g'),
);
const epoch = fc.oneof(
  fc.integer({ min: T0 - 30 * DAY, max: T0 + 90 * DAY }),
  fc.constantFrom(0, -1, T0, T0 + 1, 8_640_000_000_000_000, 8_640_000_000_000_001, Number.MAX_SAFE_INTEGER, 2 ** 53),
);
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(HUGE, '', ' ', '\u0000', '%', '_', '\\', '😀'.repeat(70), '__proto__', 'constructor'),
  fc.integer(),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 0.5, 2 ** 53 + 2),
  fc.bigInt().map((b) => b), // not JSON-able: must be rejected, not crash
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
  anId,
  epoch,
  fc.date({ noInvalidDate: false }),
);

/** Plausible values by field name, so near-valid inputs are common. */
const good: Record<string, fc.Arbitrary<unknown>> = {
  id: anId,
  userId: anId,
  callbackId: anId,
  customerId: anId,
  jobId: anId,
  actorId: anId,
  subjectId: anId,
  mode: fc.constantFrom('demo', 'empty'),
  agentName: fc.string({ minLength: 1, maxLength: 64 }),
  name: fc.string({ minLength: 1, maxLength: 64 }),
  locale: fc.constantFrom('zh-CN', 'en'),
  role: fc.constantFrom('agent', 'supervisor'),
  callWindowStart: fc.integer({ min: 0, max: 24 * 60 }),
  callWindowEnd: fc.integer({ min: 0, max: 24 * 60 }),
  noCallWeekdays: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
  noCallDates: fc.array(fc.constantFrom('2026-11-24', '2026-12-31', '2026-02-30'), { maxLength: 3 }),
  capPer24h: fc.integer({ min: 1, max: 50 }),
  capPer7d: fc.integer({ min: 1, max: 200 }),
  retrySpacingMinutes: fc.integer({ min: 10, max: 14 * 24 * 60 }),
  maxAttempts: fc.integer({ min: 1, max: 20 }),
  leaseMinutes: fc.integer({ min: 1, max: 24 * 60 }),
  filter: fc.record(
    {
      status: fc.constantFrom('open', 'callable', 'blocked', 'closed', 'all', 'bogus'),
      reasons: fc.array(fc.constantFrom(...REASONS, 'x'), { maxLength: 3 }),
      priorities: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
      search: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('1234', '张', '%_\\')),
      mine: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  sort: fc.constantFrom('queue', 'due', 'priority', 'attempts', 'name', 'created', 'id; DROP TABLE callbacks'),
  direction: fc.constantFrom('asc', 'desc', 'sideways'),
  offset: fc.integer({ min: -2, max: 10_000_001 }),
  limit: fc.integer({ min: -1, max: 501 }),
  disposition: fc.constantFrom(...DISPOSITIONS, 'hung_up'),
  notes: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('n'.repeat(2001))),
  startedAt: epoch,
  endedAt: epoch,
  callbackAt: fc.oneof(epoch, fc.constant(null)),
  dncExpiresAt: fc.oneof(epoch, fc.constant(null)),
  fileName: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('a'.repeat(256))),
  contentBase64: fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u).toString('base64')),
    fc.constantFrom(b64('phone,name,reason\n13700000002,丙,winback\n'), b64(''), '!!!notbase64', HUGE_B64),
  ),
  action: fc.oneof(fc.constantFrom('phone.reveal'), fc.string({ maxLength: 70 })),
  from: epoch,
  to: epoch,
  responseId: anId,
  agentId: anId,
  key: fc.oneof(fc.constantFrom('can_talk', 'nps', 'payment_smooth', 'app_ease'), fc.string({ maxLength: 45 })),
  answer: fc.oneof(
    fc.constant(null),
    fc.record({ value: fc.oneof(fc.boolean(), fc.integer({ min: -1, max: 11 }), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })) }),
  ),
  status: fc.constantFrom('completed', 'partial', 'declined', 'in_progress', 'done'),
  purpose: fc.constantFrom(...REASONS, 'sales'),
  version: fc.integer({ min: -1, max: 4 }),
  json: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{}', '[]', 'null', JSON.stringify(builtinScript('care', 'en')))),
  mapping: fc.dictionary(fc.constantFrom(...REASONS, 'x'), fc.oneof(anId, fc.constant(null)), { maxKeys: 3 }),
  content: fc.constantFrom(builtinScript('satisfaction', 'zh-CN'), { ...builtinScript('care', 'en'), questions: [] }, { title: '' }),
};

/** Answers that fit the built-in satisfaction script (zh-CN), by key; null clears. */
const SATISFACTION_ANSWERS: [string, unknown][] = [
  ['can_talk', { value: true }],
  ['can_talk', { value: false }],
  ['payment_smooth', { value: 'had_issues' }],
  ['payment_smooth', { value: 'very_smooth' }],
  ['payment_issues', { value: ['failed', '_other'], otherText: '扣款两次' }],
  ['arrival_speed', { value: 'instant' }],
  ['app_ease', { value: 2 }],
  ['app_pain', { value: '转账入口难找' }],
  ['fraud_awareness', { value: false }],
  ['nps', { value: 9 }],
  ['nps_reason', { value: '好用' }],
  ['app_ease', null],
];

/** Inputs the schema accepts, built from real ids: they reach the services, not only the parser. */
function validBase(method: MethodName): fc.Arbitrary<Record<string, unknown>> {
  const cb = fc.constantFrom(...pool.callbacks);
  const job = fc.constantFrom(...pool.jobs);
  switch (method) {
    case 'session.setUp':
      return fc.record({ mode: fc.constantFrom('demo', 'empty'), agentName: fc.constant('新人'), locale: fc.constantFrom('zh-CN', 'en') });
    case 'session.switchUser':
      return fc.record({ userId: fc.constantFrom(...pool.users) });
    case 'session.setLocale':
      return fc.record({ locale: fc.constantFrom('zh-CN', 'en') });
    case 'users.create':
      return fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }).filter((n) => n.trim().length > 0), role: fc.constantFrom('agent', 'supervisor') });
    case 'settings.update':
      return fc.record({
        ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, fc.constant(v)])),
        callWindowStart: fc.constantFrom(8 * 60, 9 * 60),
        leaseMinutes: fc.integer({ min: 1, max: 60 }),
        capPer24h: fc.integer({ min: 1, max: 3 }),
        capPer7d: fc.integer({ min: 3, max: 9 }),
      }) as fc.Arbitrary<Record<string, unknown>>;
    case 'queue.list':
      return fc.record({ filter: good.filter!.filter((f) => (f as { status?: string }).status !== 'bogus') as fc.Arbitrary<unknown>, limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] });
    case 'callbacks.get':
    case 'callbacks.take':
    case 'callbacks.release':
    case 'callbacks.startCall':
      return fc.record({ id: cb });
    case 'callbacks.recordOutcome':
      return fc.record({
        callbackId: cb,
        disposition: fc.constantFrom(...DISPOSITIONS),
        notes: fc.string({ maxLength: 20 }),
        startedAt: fc.integer({ min: T0 - 60 * 60_000, max: T0 }),
        endedAt: fc.constant(T0),
        callbackAt: fc.oneof(fc.constant(null), fc.integer({ min: T0 + 60 * 60_000, max: T0 + 3 * DAY })),
        dncExpiresAt: fc.oneof(fc.constant(null), fc.integer({ min: T0 + 1, max: T0 + 400 * DAY })),
      });
    case 'customers.revealPhone':
      return fc.record({ customerId: fc.constantFrom(...pool.customers) });
    case 'imports.start':
      return fc.record({ fileName: fc.constant('x.csv'), contentBase64: good.contentBase64! as fc.Arbitrary<string> });
    case 'imports.status':
    case 'imports.commit':
    case 'imports.cancel':
      return fc.record({ jobId: job });
    case 'audit.list':
      return fc.record({ actorId: fc.constantFrom(...pool.users), limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] });
    case 'scripts.get':
      return fc.record({ id: fc.constantFrom(...sp.scripts, ...sp.spares).map((x) => x.id) });
    case 'scripts.export':
      return fc.record({ id: fc.constantFrom(...sp.scripts, ...sp.spares).map((x) => x.id), versionId: fc.constantFrom(...sp.versions) }, { requiredKeys: ['id'] });
    case 'scripts.create':
      return fc.oneof(
        fc.record({ copyFrom: fc.constantFrom(...sp.scripts, ...sp.spares).map((x) => x.id) }),
        fc.record({ purpose: fc.constantFrom(...REASONS), locale: fc.constantFrom('zh-CN', 'en'), title: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== '') }),
      );
    case 'scripts.saveDraft':
      // Same purpose (accepted) or now and then another script's content (another purpose: refused).
      return fc.tuple(fc.constantFrom(...sp.scripts, ...sp.spares), fc.constantFrom(...sp.scripts), fc.nat(9), fc.string({ maxLength: 10 })).map(([target, other, n, suffix]) => ({
        id: target.id,
        content: n === 0 ? other.content : { ...target.content, title: `${target.content.title.slice(0, 100)}${suffix}`.trim() || 'x' },
      }));
    case 'scripts.publish':
    case 'scripts.retire':
      return fc.record({ id: fc.constantFrom(...sp.spares, ...(method === 'scripts.publish' ? sp.scripts : [])).map((x) => x.id) });
    case 'scripts.import':
      return fc.record({
        json: fc.oneof(
          fc.constantFrom(...sp.scripts).map((x) => JSON.stringify(x.content)),
          fc.constantFrom('{"purpose":', JSON.stringify({ ...builtinScript('care', 'en'), questions: [{ key: 'a', type: 'yes_no', text: 'A?', showIf: { q: 'b', op: 'answered' } }] })),
        ),
      });
    case 'scripts.setMapping':
      // The script of each purpose (or now and then another purpose's: refused); never null, so calls keep their scripts.
      return fc.tuple(fc.constantFrom(...sp.scripts, ...sp.spares), fc.constantFrom(...REASONS), fc.nat(5)).map(([s, other, n]) => ({
        mapping: { [n === 0 ? other : s.content.purpose]: s.id },
      }));
    case 'responses.forCallback':
    case 'responses.start':
      return fc.record({ callbackId: cb });
    case 'responses.answer':
      return fc.tuple(fc.constantFrom(...sp.responses), fc.constantFrom(...SATISFACTION_ANSWERS)).map(([responseId, [key, answer]]) => ({ responseId, key, answer }));
    case 'responses.finish':
      return fc.record({ responseId: fc.constantFrom(...sp.responses), status: fc.constantFrom('completed', 'partial', 'declined') });
    case 'reports.survey':
      return fc.record(
        {
          purpose: fc.constantFrom(...REASONS),
          scriptId: fc.constantFrom(...sp.scripts).map((x) => x.id),
          version: fc.integer({ min: 1, max: 3 }),
          agentId: fc.constantFrom(...pool.users),
          from: fc.constant(T0 - DAY),
          to: fc.constant(T0 + DAY),
        },
        { requiredKeys: [] },
      );
    default:
      return fc.constant({});
  }
}

function inputsFor(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].input as unknown as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const shaped =
    keys.length === 0
      ? fc.constantFrom({}, { extra: 1 })
      : fc.record(
          Object.fromEntries(keys.map((k) => [k, fc.oneof({ weight: 3, arbitrary: good[k] ?? wild }, { weight: 1, arbitrary: wild })])),
          { requiredKeys: [] },
        );
  const withExtra = shaped.chain((o) => fc.record({ base: fc.constant(o), k: fc.string({ maxLength: 6 }), v: wild }).map(({ base, k, v }) => ({ ...(base as object), [k]: v })));
  const jsonRoundTrip = (a: fc.Arbitrary<unknown>) =>
    a.map((v) => {
      try {
        return JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
      } catch {
        return v;
      }
    });
  const base = validBase(method);
  const nearValid = base.chain((b) =>
    fc
      .subarray(keys, { maxLength: Math.min(2, keys.length) })
      .chain((ks) => fc.tuple(...ks.map((k) => fc.oneof(good[k] ?? wild, wild))).map((vs) => ({ ...b, ...Object.fromEntries(ks.map((k, i) => [k, vs[i]])) }))),
  );
  return fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 4, arbitrary: nearValid },
    { weight: 2, arbitrary: fc.anything() },
    { weight: 1, arbitrary: jsonRoundTrip(fc.anything()) },
    { weight: 5, arbitrary: shaped },
    { weight: 2, arbitrary: jsonRoundTrip(shaped) },
    { weight: 1, arbitrary: withExtra },
    { weight: 1, arbitrary: wild },
  );
}

// --- the property ------------------------------------------------------------------------------------

async function callAndCheck(method: string, input: unknown): Promise<void> {
  const before = contentHash(h.db);
  let result: Result<unknown>;
  try {
    result = await h.backend.invoke(method, input);
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
    expect(contentHash(h.db)).toBe(before);
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
      const half = SUPERVISOR_HALF.has(method);
      // Half of a supervisor method's runs as the supervisor, so valid input reaches the write.
      if (half) {
        await h.ok('session.switchUser', { userId: pool.users[2] });
        await fc.assert(fc.asyncProperty(inputsFor(method), (input) => callAndCheck(method, input)), {
          numRuns: RUNS_PER_METHOD / 2,
          seed: 1,
        });
        await h.ok('session.switchUser', { userId: pool.users[0] });
      }
      if (method.startsWith('responses.')) {
        // Every purpose opens its built-in script again, whatever the mapping fuzz left behind.
        await h.ok('session.switchUser', { userId: pool.users[2] });
        await h.ok('scripts.setMapping', { mapping: sp.mapping });
        await h.ok('session.switchUser', { userId: pool.users[0] });
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
      expect((await h.backend.invoke(m, {})).ok).toBe(true);
    }
    expect((await h.backend.invoke('queue.list', { filter: { status: 'all' }, limit: 500 })).ok).toBe(true);
    expect((await h.backend.invoke('audit.list', {})).ok).toBe(true);
    expect(contentHash(h.db)).toBe(before);
  });

  it('settings.update by the supervisor accepts exactly the schema (sanity of the writer list)', async () => {
    await h.ok('session.switchUser', { userId: pool.users[2] });
    const r = await h.backend.invoke('settings.update', { ...DEFAULT_SETTINGS, leaseMinutes: 20 });
    expect(r.ok).toBe(true);
    await h.ok('session.switchUser', { userId: pool.users[0] });
  });
});
