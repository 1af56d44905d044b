import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { ACTOR_ARG, actorOf, parseMutationArgs } from '../core/mutations/registry';
import { BUILTIN_SCRIPTS } from '../core/questionnaire/builtin';
import { capBlockedUntil } from '../core/rules/contact-cap';
import { DEFAULT_SETTINGS } from '../core/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../core/sla';
import { MUTATION_NAMES, type MutationName } from '../core/sync/mutations';
import { AGENT, DAY, HOUR, OTHER_SUPERVISOR, openStore, parsed, seedCallback, seedCustomer, step, SUPERVISOR, T, uid, withTeam, type Step, type Store } from './appliers-helpers';

/*
 * Who may do what is decided in the appliers, so the console and the server decide it alike: team policy,
 * scripts, voucher decisions and FAQ publishing are a supervisor's; a signed-in user acts only in their own
 * name; the team's first supervisor is made by nobody, every later one by a supervisor.
 */

const NOBODY = uid(9999);

/** Each supervisor-only mutation as `by`, with what the refusal says a supervisor alone can do. */
const SUPERVISOR_ONLY: [what: string, as: (by: string) => Step][] = [
  ['change the queue rules', (by) => step('settings.update', { settings: DEFAULT_SETTINGS, updatedAt: T, updatedBy: by })],
  ['change the ticket and voucher settings', (by) => step('cases.updateSettings', { settings: DEFAULT_CASE_SETTINGS, at: T, by })],
  ['change the SLA policies', (by) => step('sla.setPolicies', { policies: DEFAULT_POLICIES, at: T, by })],
  ['change the business calendar', (by) => step('calendar.save', { versionId: uid(1), content: DEFAULT_CALENDAR, note: '', at: T, by })],
  ['change questionnaire scripts', (by) => step('scripts.create', { scriptId: uid(2), versionId: uid(3), content: BUILTIN_SCRIPTS[0]!, builtinKey: null, published: false, at: T, by })],
  ['change questionnaire scripts', (by) => step('scripts.saveDraft', { scriptId: uid(2), newVersionId: uid(4), content: BUILTIN_SCRIPTS[0]!, at: T + 1, by })],
  ['change questionnaire scripts', (by) => step('scripts.publish', { scriptId: uid(2), at: T + 2, by })],
  ['change questionnaire scripts', (by) => step('scripts.setMapping', { mapping: { [BUILTIN_SCRIPTS[0]!.purpose]: uid(2) }, at: T + 3, by })],
  ['change questionnaire scripts', (by) => step('scripts.retire', { scriptId: uid(2), at: T + 4, by })],
];

const apply = (s: Store, k: Step, acting?: Parameters<Store['apply']>[2]) => s.apply(k.name, k.args as never, acting);
const codeOf = (s: Store, k: Step, acting?: Parameters<Store['apply']>[2]) => s.code(k.name, k.args as never, acting);

describe('supervisor-only mutations', () => {
  let s: Store;
  beforeEach(() => {
    s = withTeam(openStore());
  });

  it.each(SUPERVISOR_ONLY.map(([what, as]) => [as(AGENT).name, what, as] as const))('%s: refused for an agent and for an unknown user, saying only a supervisor can %s', (_name, what, as) => {
    for (const by of [AGENT, NOBODY]) {
      const refusal = s.refusal(as(by).name, as(by).args as never);
      expect([refusal.code, refusal.message]).toEqual(['FORBIDDEN', `Only a supervisor can ${what}.`]);
    }
  });

  it('a supervisor makes each of them, in order: create, edit, publish, map and retire a script among them', () => {
    for (const [, as] of SUPERVISOR_ONLY) expect(codeOf(s, as(SUPERVISOR))).toBe('applied');
  });

  it('queue rules with no one named (a change recorded before changes were signed) are refused', () => {
    expect(s.code('settings.update', { settings: DEFAULT_SETTINGS, updatedAt: T, updatedBy: null })).toBe('FORBIDDEN');
  });
});

describe('users.create', () => {
  it('the first supervisor is made by nobody; later ones only by a supervisor; anyone adds an agent', () => {
    const s = openStore();
    const user = (id: string, role: 'agent' | 'supervisor', by: string | null) => ({ id, name: `用户${id.slice(-2)}`, role, createdAt: T, by });
    expect(s.code('users.create', user(SUPERVISOR, 'supervisor', null))).toBe('applied');
    expect(s.code('users.create', user(uid(11), 'supervisor', null))).toBe('FORBIDDEN');
    expect(s.code('users.create', user(AGENT, 'agent', null))).toBe('applied');
    const refusal = s.refusal('users.create', user(uid(12), 'supervisor', AGENT));
    expect([refusal.code, refusal.message]).toEqual(['FORBIDDEN', 'Only a supervisor can add another supervisor.']);
    expect(s.code('users.create', user(uid(13), 'supervisor', NOBODY))).toBe('FORBIDDEN');
    expect(s.code('users.create', user(OTHER_SUPERVISOR, 'supervisor', SUPERVISOR))).toBe('applied');
    expect(s.code('users.create', user(uid(14), 'agent', AGENT))).toBe('applied');
    expect(s.rows(`SELECT id, role FROM users ORDER BY id`)).toEqual([
      { id: uid(14), role: 'agent' },
      { id: SUPERVISOR, role: 'supervisor' },
      { id: AGENT, role: 'agent' },
      { id: OTHER_SUPERVISOR, role: 'supervisor' },
    ]);
  });

  it('a user added by someone is audited under the new user’s id; one made by nobody (first run) is not', () => {
    const s = withTeam(openStore());
    const audit = s.rows<{ id: string; actor_id: string; action: string; subject_type: string; details: string }>(
      `SELECT id, actor_id, action, subject_type, details FROM audit_log ORDER BY id`,
    );
    expect(audit.map((r) => r.id)).not.toContain(SUPERVISOR);
    expect(audit.find((r) => r.id === AGENT)).toMatchObject({ actor_id: SUPERVISOR, action: 'user.created', subject_type: 'user' });
    expect(parsed(audit.find((r) => r.id === AGENT)!.details)).toEqual({ name: '王芳', role: 'agent' });
  });
});

describe('acting in one’s own name (the server’s signed-in user)', () => {
  const named = MUTATION_NAMES.filter((n) => ACTOR_ARG[n] !== null);

  it.each(named)('%s made out in another user’s name is refused before anything is read', (name) => {
    const s = openStore();
    const args = { [ACTOR_ARG[name]!]: SUPERVISOR };
    const refusal = s.refusal(name, args as never, { actorId: AGENT });
    expect([refusal.code, refusal.message]).toEqual(['FORBIDDEN', 'A change can only be made in the name of the signed-in user.']);
    expect(actorOf(name, args as never)).toBe(SUPERVISOR);
  });

  it('in one’s own name it applies, and a mutation that names no actor is left to its applier', () => {
    const s = withTeam(openStore());
    const customer = seedCustomer(s);
    expect(s.code('audit.phoneRevealed', { auditId: uid(20), customerId: customer.id, actorId: AGENT, at: T }, { actorId: AGENT })).toBe('applied');
    expect(s.code('demo.loadResponses', { seed: 1, now: T }, { actorId: AGENT })).toBe('applied');
    expect(actorOf('demo.loadResponses', { seed: 1, now: T })).toBeNull();
  });
});

describe('settings.update', () => {
  it('audits which settings changed, when it carries an audit id', () => {
    const s = withTeam(openStore());
    s.apply('settings.update', { settings: { ...DEFAULT_SETTINGS, capPer24h: 1, leaseMinutes: 20 }, updatedAt: T, updatedBy: SUPERVISOR, auditId: uid(30) });
    s.apply('settings.update', { settings: DEFAULT_SETTINGS, updatedAt: T + 1, updatedBy: SUPERVISOR });
    const rows = s.rows<{ id: string; actor_id: string; action: string; subject_id: string; details: string }>(`SELECT * FROM audit_log WHERE subject_type = 'settings'`);
    expect(rows.map((r) => ({ ...r, details: parsed(r.details) }))).toMatchObject([
      { id: uid(30), actor_id: SUPERVISOR, action: 'settings.queue_changed', subject_id: 'queue', details: { changed: ['capPer24h', 'leaseMinutes'] } },
    ]);
  });

  it('new cap limits apply at once to every customer contacted in the last 7 days, and only to them', () => {
    const s = withTeam(openStore());
    const recent = seedCustomer(s);
    const longAgo = seedCustomer(s);
    const attempts = [
      [recent, T - 3 * HOUR],
      [longAgo, T - 8 * DAY],
    ] as const;
    for (const [i, [customer, at]] of attempts.entries()) {
      const callback = seedCallback(s, customer.id);
      s.db.$client
        .prepare(`INSERT INTO call_attempts (id, callback_id, customer_id, agent_id, started_at, ended_at, disposition, notes) VALUES (?, ?, ?, ?, ?, ?, 'no_answer', '')`)
        .run(uid(40 + i), callback.id, customer.id, AGENT, at, at + 60_000);
    }
    const settings = { ...DEFAULT_SETTINGS, capPer24h: 1, capPer7d: 1 };
    s.apply('settings.update', { settings, updatedAt: T, updatedBy: SUPERVISOR });
    const capOf = (id: string) => s.row<{ cap_until: number | null }>(`SELECT cap_until FROM customers WHERE id = ?`, id)!.cap_until;
    expect(capOf(recent.id)).toBe(capBlockedUntil([T - 3 * HOUR], T, settings));
    expect(capOf(recent.id)).toBe(T - 3 * HOUR + 7 * DAY);
    expect(capOf(longAgo.id)).toBeNull();
  });
});

describe('audit entries a console records', () => {
  type AuditRow = { id: string; at: number; actor_id: string; action: string; subject_type: string; subject_id: string; details: unknown };
  const cases: [string, Step, Omit<AuditRow, 'id' | 'at'>][] = [
    ['a revealed phone number', step('audit.phoneRevealed', { auditId: uid(50), customerId: uid(7), actorId: AGENT, at: T }), { actor_id: AGENT, action: 'phone.reveal', subject_type: 'customer', subject_id: uid(7), details: {} }],
    ['a sign-in', step('audit.signIn', { auditId: uid(50), at: T, actorId: AGENT, event: 'sign_in', login: 'wangfang', reason: null }), { actor_id: AGENT, action: 'auth.sign_in', subject_type: 'user', subject_id: AGENT, details: { login: 'wangfang' } }],
    [
      'a refused sign-in naming no one',
      step('audit.signIn', { auditId: uid(50), at: T, actorId: null, event: 'sign_in_failed', login: 'nobody', reason: 'unknown_login' }),
      { actor_id: 'anonymous', action: 'auth.sign_in_failed', subject_type: 'user', subject_id: 'anonymous', details: { login: 'nobody', reason: 'unknown_login' } },
    ],
    [
      'a discarded change',
      step('audit.syncDiscarded', { auditId: uid(50), at: T, actorId: AGENT, mutation: 'vouchers.approve', code: 'FORBIDDEN', message: '不可以', changeId: 'c-1' }),
      { actor_id: AGENT, action: 'sync.discard', subject_type: 'change', subject_id: 'c-1', details: { mutation: 'vouchers.approve', code: 'FORBIDDEN', message: '不可以' } },
    ],
  ];

  it.each(cases)('%s is one entry named by its audit id', (_label, k, expected) => {
    const s = openStore();
    apply(s, k);
    const rows = s.rows<AuditRow>(`SELECT id, at, actor_id, action, subject_type, subject_id, details FROM audit_log`);
    expect(rows.map((r) => ({ ...r, details: parsed(r.details) }))).toEqual([{ id: uid(50), at: T, ...expected }]);
  });
});

describe('parseMutationArgs', () => {
  it('fills defaults, and refuses an unknown mutation or arguments that do not fit, naming the mutation', () => {
    expect(parseMutationArgs('users.create', { id: AGENT, name: '王芳', role: 'agent', createdAt: T })).toEqual({ id: AGENT, name: '王芳', role: 'agent', createdAt: T, by: null });
    const unknown = (() => {
      try {
        return parseMutationArgs('users.delete' as MutationName, {});
      } catch (error) {
        return error;
      }
    })();
    expect(unknown).toMatchObject({ code: 'BAD_INPUT', message: 'Unknown mutation users.delete.' });
    expect(() => parseMutationArgs('users.create', { id: AGENT, name: '王芳', role: 'boss', createdAt: T })).toThrow(/^The arguments of users\.create are not valid: \S/);
  });
});

describe('demo.load', () => {
  it('writes the generated queue and sets each contacted customer’s contact cap from their history', () => {
    const s = withTeam(openStore());
    // One call a week per customer: every customer the demo's history reached is capped.
    const settings = { ...DEFAULT_SETTINGS, capPer24h: 1, capPer7d: 1 };
    s.apply('settings.update', { settings, updatedAt: T - 30 * DAY, updatedBy: SUPERVISOR });
    const result = s.apply('demo.load', { seed: 7, now: T, customers: 40, agentIds: [AGENT] });
    expect(result).toEqual({ customers: s.count('customers'), callbacks: s.count('callbacks') });
    expect(result.customers).toBe(40);
    const history = s.rows<{ customer_id: string; started_at: number }>(`SELECT customer_id, started_at FROM call_attempts`);
    expect(history.length).toBeGreaterThan(0);
    const customers = s.rows<{ id: string; cap_until: number | null }>(`SELECT id, cap_until FROM customers`);
    for (const c of customers) {
      const times = history.filter((h) => h.customer_id === c.id).map((h) => h.started_at);
      expect({ id: c.id, cap: c.cap_until }).toEqual({ id: c.id, cap: capBlockedUntil(times, T, settings) });
    }
    expect(customers.some((c) => c.cap_until !== null)).toBe(true);
  });
});
