import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { contract } from '../core/contract/api';
import type { MethodName } from '../core/contract/methods';
import { DISPOSITIONS, REASONS } from '../core/domain/model';
import { builtinScript } from '../core/questionnaire/builtin';
import type { ScriptContent } from '../core/questionnaire/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../core/sla';
import { b64, DAY, T0 } from './helpers';

/* Inputs for contract-fuzz.test.ts: the pools of real ids its beforeAll fills, the arbitraries, and per-method valid inputs. */

export const HUGE = 'x'.repeat(1_000_000);
const HUGE_B64 = Buffer.alloc(600_000, 0x41).toString('base64');

export const pool = { callbacks: [] as string[], customers: [] as string[], users: [] as string[], jobs: [] as string[] };
/** Tickets (with their customer) and vouchers (pending ones first) made in beforeAll. */
export const cases = { tickets: [] as { id: string; customerId: string }[], vouchers: [] as string[], resolved: [] as string[], faq: [] as string[] };
/** Questionnaire ids: built-in scripts (with their purpose and content), spare drafts the fuzz may retire, responses. */
export const sp = {
  scripts: [] as { id: string; content: ScriptContent }[],
  spares: [] as { id: string; content: ScriptContent }[],
  versions: [] as string[],
  responses: [] as string[],
  mapping: {} as Record<string, string>,
};

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
  login: fc.string({ minLength: 1, maxLength: 64 }),
  password: fc.string({ minLength: 0, maxLength: 300 }),
  query: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('', '  ', '5678', '12', '%', '张')),
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

/** An arbitrary of inputs the schema accepts for one method (given its name, for a few shared ones). */
type ValidInput = (method: MethodName) => fc.Arbitrary<Record<string, unknown>>;
const none: ValidInput = () => fc.constant({});
const cb = () => fc.constantFrom(...pool.callbacks);
const job = () => fc.constantFrom(...pool.jobs);
/** The same valid input for several methods. */
const same = <M extends MethodName>(methods: readonly M[], input: ValidInput) => Object.fromEntries(methods.map((m) => [m, input])) as Record<M, ValidInput>;

/**
 * Inputs the schema accepts, built from real ids: they reach the services, not only the parser. One entry
 * per contract method (`none` where the input is empty or any input will do); contract-names.test.ts checks
 * these keys are the contract's names. Entries are functions: the pools are filled in beforeAll.
 */
export const VALID_INPUTS: { readonly [M in MethodName]: ValidInput } = {
  'session.setUp': () => fc.record({ mode: fc.constantFrom('demo', 'empty'), name: fc.constant('新人'), password: fc.constant('new-person-1'), locale: fc.constantFrom('zh-CN', 'en') }),
  'session.signIn': () => fc.record({ login: fc.constantFrom('新人', '周敏', 'nobody'), password: fc.constantFrom('wrong-password', 'test-password-1') }),
  'session.signOut': () => fc.constant({}),
  'users.setPassword': () => fc.record({ userId: fc.constantFrom(...pool.users), password: fc.constant('new-password-1') }),
  'session.setLocale': () => fc.record({ locale: fc.constantFrom('zh-CN', 'en') }),
  'users.create': () => fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }).filter((n) => n.trim().length > 0), role: fc.constantFrom('agent', 'supervisor'), password: fc.constant('new-person-1') }),
  'settings.update': () => fc.record({
    ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, fc.constant(v)])),
    callWindowStart: fc.constantFrom(8 * 60, 9 * 60),
    leaseMinutes: fc.integer({ min: 1, max: 60 }),
    capPer24h: fc.integer({ min: 1, max: 3 }),
    capPer7d: fc.integer({ min: 3, max: 9 }),
  }) as fc.Arbitrary<Record<string, unknown>>,
  'queue.list': () => fc.record({ filter: good.filter!.filter((f) => (f as { status?: string }).status !== 'bogus') as fc.Arbitrary<unknown>, limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] }),
  ...same(['callbacks.get', 'callbacks.take', 'callbacks.release', 'callbacks.startCall'], () => fc.record({ id: cb() })),
  'callbacks.recordOutcome': () => fc.record({
    callbackId: cb(),
    disposition: fc.constantFrom(...DISPOSITIONS),
    notes: fc.string({ maxLength: 20 }),
    startedAt: fc.integer({ min: T0 - 60 * 60_000, max: T0 }),
    endedAt: fc.constant(T0),
    callbackAt: fc.oneof(fc.constant(null), fc.integer({ min: T0 + 60 * 60_000, max: T0 + 3 * DAY })),
    dncExpiresAt: fc.oneof(fc.constant(null), fc.integer({ min: T0 + 1, max: T0 + 400 * DAY })),
  }),
  'callbacks.saveDraft': () => fc.record(
    { callbackId: cb(), disposition: fc.oneof(fc.constant(null), fc.constantFrom(...DISPOSITIONS)), notes: fc.string({ maxLength: 40 }) },
    { requiredKeys: ['callbackId'] },
  ),
  'customers.revealPhone': () => fc.record({ customerId: fc.constantFrom(...pool.customers) }),
  'customers.search': () => fc.record({ query: fc.constantFrom('张', '王芳', '1234', '0000', '138-0000', '%_\\', 'Chen'), limit: fc.integer({ min: 1, max: 50 }) }, { requiredKeys: ['query'] }),
  'imports.start': () => fc.record({ fileName: fc.constant('x.csv'), contentBase64: good.contentBase64! as fc.Arbitrary<string> }),
  ...same(['imports.status', 'imports.commit', 'imports.cancel'], () => fc.record({ jobId: job() })),
  'audit.list': () => fc.record({ actorId: fc.constantFrom(...pool.users), limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] }),
  'scripts.get': () => fc.record({ id: fc.constantFrom(...sp.scripts, ...sp.spares).map((x) => x.id) }),
  'scripts.export': () => fc.record({ id: fc.constantFrom(...sp.scripts, ...sp.spares).map((x) => x.id), versionId: fc.constantFrom(...sp.versions) }, { requiredKeys: ['id'] }),
  'scripts.create': () => fc.oneof(
    fc.record({ copyFrom: fc.constantFrom(...sp.scripts, ...sp.spares).map((x) => x.id) }),
    fc.record({ purpose: fc.constantFrom(...REASONS), locale: fc.constantFrom('zh-CN', 'en'), title: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== '') }),
  ),
  // Same purpose (accepted) or now and then another script's content (another purpose: refused).
  'scripts.saveDraft': () =>
    fc.tuple(fc.constantFrom(...sp.scripts, ...sp.spares), fc.constantFrom(...sp.scripts), fc.nat(9), fc.string({ maxLength: 10 })).map(([target, other, n, suffix]) => ({
      id: target.id,
      content: n === 0 ? other.content : { ...target.content, title: `${target.content.title.slice(0, 100)}${suffix}`.trim() || 'x' },
    })),
  ...same(['scripts.publish', 'scripts.retire'], (method) => fc.record({ id: fc.constantFrom(...sp.spares, ...(method === 'scripts.publish' ? sp.scripts : [])).map((x) => x.id) })),
  'scripts.import': () => fc.record({
    json: fc.oneof(
      fc.constantFrom(...sp.scripts).map((x) => JSON.stringify(x.content)),
      fc.constantFrom('{"purpose":', JSON.stringify({ ...builtinScript('care', 'en'), questions: [{ key: 'a', type: 'yes_no', text: 'A?', showIf: { q: 'b', op: 'answered' } }] })),
    ),
  }),
  // The script of each purpose (or now and then another purpose's: refused); never null, so calls keep their scripts.
  'scripts.setMapping': () =>
    fc.tuple(fc.constantFrom(...sp.scripts, ...sp.spares), fc.constantFrom(...REASONS), fc.nat(5)).map(([s, other, n]) => ({
      mapping: { [n === 0 ? other : s.content.purpose]: s.id },
    })),
  ...same(['responses.forCallback', 'responses.start'], () => fc.record({ callbackId: cb() })),
  'responses.answer': () => fc.tuple(fc.constantFrom(...sp.responses), fc.constantFrom(...SATISFACTION_ANSWERS)).map(([responseId, [key, answer]]) => ({ responseId, key, answer })),
  'responses.finish': () => fc.record({ responseId: fc.constantFrom(...sp.responses), status: fc.constantFrom('completed', 'partial', 'declined') }),
  'reports.survey': () => fc.record(
    {
      purpose: fc.constantFrom(...REASONS),
      scriptId: fc.constantFrom(...sp.scripts).map((x) => x.id),
      version: fc.integer({ min: 1, max: 3 }),
      agentId: fc.constantFrom(...pool.users),
      from: fc.constant(T0 - DAY),
      to: fc.constant(T0 + DAY),
    },
    { requiredKeys: [] },
  ),
  ...same(['tickets.get', 'tickets.assign'], () => fc.record({ id: fc.constantFrom(...cases.tickets).map((t) => t.id), assigneeId: fc.oneof(fc.constant(null), fc.constantFrom(...pool.users)) })),
  'tickets.list': () => fc.record(
    { scope: fc.constantFrom('active', 'mine', 'all', 'resolved'), search: fc.constantFrom('', '扣款', 'TK-'), sort: fc.constantFrom('due', 'created') },
    { requiredKeys: [] },
  ),
  'tickets.create': () => fc.record({
    customerId: fc.oneof(fc.constant(null), fc.constantFrom(...pool.customers)),
    subject: fc.constantFrom('转账重复扣款', '无法登录', 'App 闪退'),
    category: fc.constantFrom('payments', 'account_security', 'other', 'no_such_category'),
    priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
  }),
  'tickets.transition': () => fc.record({
    id: fc.constantFrom(...cases.tickets).map((t) => t.id),
    to: fc.constantFrom('open', 'pending_customer', 'resolved', 'closed', 'new'),
    followUp: fc.constantFrom('schedule', 'skip'),
  }),
  'tickets.update': () => fc.record({ id: fc.constantFrom(...cases.tickets).map((t) => t.id), priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'), category: fc.constantFrom('payments', 'other') }, { requiredKeys: ['id', 'priority'] }),
  'tickets.comment': () => fc.record({ id: fc.constantFrom(...cases.tickets).map((t) => t.id), body: fc.constantFrom('已处理', '内部备注'), visibility: fc.constantFrom('reply', 'internal') }),
  ...same(['tickets.board', 'tickets.attainment'], (method) => fc.record({ groupBy: fc.constantFrom('agent', 'category', 'week'), priority: fc.constantFrom('P1', 'P2'), from: fc.constant(T0 - DAY) }, { requiredKeys: method === 'tickets.attainment' ? ['groupBy'] : [] })),
  'cases.updateSettings': () => fc.record({
    ...Object.fromEntries(Object.entries(DEFAULT_CASE_SETTINGS).map(([k, v]) => [k, fc.constant(v)])),
    followUpDays: fc.integer({ min: 0, max: 10 }),
    agentVoucherLimitFen: fc.integer({ min: 0, max: 100_00 }),
  }) as fc.Arbitrary<Record<string, unknown>>,
  'sla.setPolicies': () => fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 600 })).map(([drop, minutes]) => ({
    policies: DEFAULT_POLICIES.filter((_, i) => i !== drop).map((p) => ({ ...p, firstResponseMinutes: Math.min(minutes, p.resolutionMinutes) })),
  })),
  'calendar.save': () => fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 900 })).map(([start, length]) => ({
    content: { ...DEFAULT_CALENDAR, weekly: { ...DEFAULT_CALENDAR.weekly, '6': [{ start, end: Math.min(1440, start + length) }, { start: 660, end: 700 }] } },
  })),
  'calendar.importYear': () => fc.record({
    json: fc.constantFrom(
      JSON.stringify({ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }),
      JSON.stringify({ year: 2027, holidays: [{ date: '2028-01-01', name: 'wrong year' }], workdays: [] }),
      '{"year":',
    ),
  }),
  'vouchers.quote': () => fc.record({
    customerId: fc.constantFrom(...cases.tickets).map((t) => t.customerId),
    kind: fc.constantFrom('discount_percent', 'discount_fixed', 'cashback', 'points'),
    percentOff: fc.constantFrom(null, 20),
    amountFen: fc.constantFrom(null, 500, 8800),
    points: fc.constantFrom(null, 300),
  }),
  'vouchers.request': () => fc.record({
    requestKey: fc.uuid(),
    customerId: fc.constantFrom(...cases.tickets).map((t) => t.customerId),
    kind: fc.constantFrom('discount_percent', 'discount_fixed', 'cashback', 'points'),
    percentOff: fc.constantFrom(null, 20),
    amountFen: fc.constantFrom(null, 500, 8800, 9_999_999_00),
    points: fc.constantFrom(null, 300),
    reasonCode: fc.constantFrom('goodwill', 'payment_error'),
  }),
  ...same(['vouchers.approve', 'vouchers.reject', 'vouchers.void', 'vouchers.redeem'], (method) => fc.record({ id: fc.constantFrom(...cases.vouchers), reason: fc.constant('客户已撤回') }, { requiredKeys: method === 'vouchers.approve' || method === 'vouchers.redeem' ? ['id'] : ['id', 'reason'] }).map((o) =>
    method === 'vouchers.approve' || method === 'vouchers.redeem' ? { id: o.id } : o,
  )),
  'vouchers.list': () => fc.record({ state: fc.constantFrom('pending_approval', 'issued', 'expired'), mine: fc.boolean() }, { requiredKeys: [] }),
  'vouchers.spend': () => fc.record({ month: fc.constantFrom('2026-11', '2026-13') }, { requiredKeys: [] }),
  ...same(['faq.get', 'faq.markReviewed'], () => fc.record({ id: fc.constantFrom(...cases.faq) })),
  'faq.prefill': () => fc.record({ ticketId: fc.constantFrom(...cases.resolved, ...cases.tickets.map((t) => t.id)) }),
  'faq.check': () => fc.record({ question: fc.constantFrom('如何修改支付密码', '提现多久到账？联系 13812345678'), ticketIds: fc.constant(cases.resolved) }),
  ...same(['faq.create', 'faq.save'], (method) => fc.record({
    id: fc.constantFrom(...cases.faq),
    revision: fc.integer({ min: 1, max: 3 }),
    category: fc.constantFrom('payments', 'other', 'nope'),
    question: fc.constantFrom('转账多久到账？', '如何冻结账户'),
    answer: fc.constant('一般 24 小时内到账。'),
    sourceTicketIds: fc.constantFrom(cases.resolved, cases.tickets.slice(1, 2).map((t) => t.id)),
  }).map(({ id, revision, ...rest }) => (method === 'faq.create' ? rest : { id, revision, ...rest }))),
  'faq.transition': () => fc.record({ id: fc.constantFrom(...cases.faq), action: fc.constantFrom('submit', 'request_changes', 'publish', 'retire') }),
  'faq.export': () => fc.record({ format: fc.constantFrom('md', 'html', 'csv', 'json', 'pdf'), locales: fc.constantFrom(['zh-CN'], ['en'], ['zh-CN', 'en']) }),
  'notifications.markRead': () => fc.record({ ids: fc.constant('all' as const) }),
  // Empty input, or valid input not worth building: the shaped and wild inputs cover these.
  'system.status': none,
  'session.get': none,
  'settings.get': none,
  'queue.summary': none,
  'queue.takeNext': none,
  'imports.list': none,
  'scripts.list': none,
  'tickets.sweep': none,
  'cases.getSettings': none,
  'sla.getPolicies': none,
  'calendar.get': none,
  'notifications.list': none,
  'sync.status': none,
  'sync.connect': none,
  'sync.now': none,
  'sync.attention': none,
  'sync.retry': none,
  'sync.discard': none,
  'faq.list': none,
  'reports.outcomes': none,
  'reports.callbacks': none,
  'reports.satisfaction': none,
  'reports.complaints': none,
};

function validBase(method: MethodName): fc.Arbitrary<Record<string, unknown>> {
  return VALID_INPUTS[method](method);
}

export function inputsFor(method: MethodName): fc.Arbitrary<unknown> {
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
