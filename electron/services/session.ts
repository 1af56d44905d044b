import { DEMO_DEFAULTS } from '../../core/demo/generate';
import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { Locale, SessionInfo } from '../../core/contract/views';
import { getMeta, setMeta } from '../../db/repos/meta';
import { getUser, listUsers } from '../../db/repos/users';
import { inTransaction } from '../../db/repos/stmt';
import type { ServiceContext } from './context';
import { runMutation } from './mutations/registry';
import { installBuiltinScripts } from './scripts';
import { forgetZones } from './queue';

export function sessionInfo(ctx: ServiceContext): SessionInfo {
  const users = listUsers(ctx.db);
  const currentId = getMeta(ctx.db, 'currentUserId');
  return {
    setUp: getMeta(ctx.db, 'setUpAt') !== undefined,
    users,
    currentUser: users.find((u) => u.id === currentId) ?? null,
    locale: (getMeta(ctx.db, 'locale') as Locale | undefined) ?? 'zh-CN',
  };
}

/** Demo colleagues, so the contact history shows more than one agent and a supervisor exists. */
const DEMO_COLLEAGUES = [
  { name: '李静', role: 'agent' },
  { name: '陈伟', role: 'agent' },
  { name: '周敏', role: 'supervisor' },
] as const;

/** First run: create the signed-in agent, then load the demo data or start empty. All or nothing. */
export function setUp(ctx: ServiceContext, input: ParsedInputOf<'session.setUp'>): SessionInfo {
  if (getMeta(ctx.db, 'setUpAt') !== undefined) throw new AppError('CONFLICT', 'This console is already set up.');
  const now = ctx.now();
  inTransaction(ctx.db, () => {
    const me = { id: ctx.newId(), name: input.agentName, role: 'agent' as const, createdAt: now, by: null };
    runMutation(ctx.db, 'users.create', me, now);
    const agentIds = [me.id];
    if (input.mode === 'demo') {
      let supervisorId = '';
      for (const colleague of DEMO_COLLEAGUES) {
        const user = { id: ctx.newId(), ...colleague, createdAt: now, by: me.id };
        runMutation(ctx.db, 'users.create', user, now);
        if (user.role === 'agent') agentIds.push(user.id);
        else supervisorId = user.id;
      }
      runMutation(ctx.db, 'demo.load', { seed: DEMO_DEFAULTS.seed, now, customers: DEMO_DEFAULTS.customers, agentIds }, now);
      runMutation(ctx.db, 'demo.loadCases', { seed: DEMO_DEFAULTS.seed, now, agentIds, supervisorId }, now);
    }
    installBuiltinScripts(ctx, input.locale, me.id);
    // The demo's questionnaire answers pin the built-in script versions, so they come after them.
    if (input.mode === 'demo') runMutation(ctx.db, 'demo.loadResponses', { seed: DEMO_DEFAULTS.seed, now }, now);
    setMeta(ctx.db, 'currentUserId', me.id);
    setMeta(ctx.db, 'locale', input.locale);
    setMeta(ctx.db, 'setUpAt', String(now));
  });
  // The demo brings customers (and zones) the queue's cached zone list has not seen.
  forgetZones(ctx.db);
  return sessionInfo(ctx);
}

export function switchUser(ctx: ServiceContext, input: ParsedInputOf<'session.switchUser'>): SessionInfo {
  if (!getUser(ctx.db, input.userId)) throw new AppError('NOT_FOUND', 'That user does not exist.');
  setMeta(ctx.db, 'currentUserId', input.userId);
  return sessionInfo(ctx);
}

export function setLocale(ctx: ServiceContext, input: ParsedInputOf<'session.setLocale'>): SessionInfo {
  setMeta(ctx.db, 'locale', input.locale);
  return sessionInfo(ctx);
}

/**
 * Anyone may add an agent to a shared console; only a supervisor may add a supervisor, except the
 * first one (a console started empty has only its agent, and someone must be able to approve).
 */
export function createUser(ctx: ServiceContext, input: ParsedInputOf<'users.create'>): SessionInfo {
  // Who may add whom is the applier's rule (core/mutations/registry.ts), so the server enforces it too.
  const me = getUser(ctx.db, getMeta(ctx.db, 'currentUserId') ?? '');
  const now = ctx.now();
  runMutation(ctx.db, 'users.create', { id: ctx.newId(), name: input.name, role: input.role, createdAt: now, by: me?.id ?? null }, now);
  return sessionInfo(ctx);
}
