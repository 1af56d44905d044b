import { loginKey } from '../../core/auth/login';
import { DEMO_DEFAULTS } from '../../core/demo/generate';
import { DEMO_ACCOUNTS } from '../../core/demo/accounts';
import type { ParsedInputOf } from '../../core/contract/api';
import { AppError, type ErrorCode } from '../../core/contract/result';
import type { Locale, SessionInfo, SetUpResult } from '../../core/contract/views';
import type { UserRecord } from '../../core/domain/records';
import { countCredentials, getCredential, putCredential, setCredentialDisabled } from '../../db/repos/credentials';
import { getSyncMeta } from '../../db/repos/sync';
import { markSignedOut, storeSession } from './sync/credentials';
import { ServerReply, Unreachable } from './sync/http';
import { getMeta, setMeta } from '../../db/repos/meta';
import { getUser, listUsers } from '../../db/repos/users';
import { inTransaction } from '../../db/repos/stmt';
import { currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';
import { installBuiltinScripts } from './scripts';
import { RATE_LIMIT } from './auth';

/** The calling session's view: a caller that is not signed in sees no one (the sign-in form asks for a name). */
export function sessionInfo(ctx: ServiceContext): SessionInfo {
  const me = ctx.userId ? (getUser(ctx.db, ctx.userId) ?? null) : null;
  return {
    // A console set up before local accounts existed has no credential yet: its first run asks for one.
    setUp: getMeta(ctx.db, 'setUpAt') !== undefined && countCredentials(ctx.db) > 0,
    users: me ? listUsers(ctx.db) : [],
    currentUser: me,
    locale: (getMeta(ctx.db, 'locale') as Locale | undefined) ?? 'zh-CN',
  };
}

function signInAs(ctx: ServiceContext, userId: string): void {
  ctx.auth.close(ctx.session.token);
  ctx.session.token = ctx.auth.open(userId, ctx.now());
  ctx.userId = userId;
}

/** The user a login (name, any width, case or spacing) names, if exactly one. */
function userByLogin(ctx: ServiceContext, login: string): UserRecord | undefined {
  const key = loginKey(login);
  const found = listUsers(ctx.db).filter((u) => loginKey(u.name) === key);
  return found.length === 1 ? found[0] : undefined;
}

function assertNameFree(ctx: ServiceContext, name: string): void {
  const key = loginKey(name);
  if (listUsers(ctx.db).some((u) => loginKey(u.name) === key)) {
    throw new AppError('CONFLICT', `Someone called “${name}” already exists; people sign in by name, so pick another (e.g. ${name}2).`, {
      field: 'name',
    });
  }
}

/**
 * First run: create the first supervisor with a password, load the demo (with its colleagues and their demo
 * passwords) or start empty, and sign the new supervisor in on the calling session. All or nothing.
 */
export async function setUp(ctx: ServiceContext, input: ParsedInputOf<'session.setUp'>): Promise<SetUpResult> {
  if (getMeta(ctx.db, 'setUpAt') !== undefined) return firstAccount(ctx, input);
  const now = ctx.now();
  const meKey = loginKey(input.name);
  const colleagues = input.mode === 'demo' ? DEMO_ACCOUNTS.filter((a) => loginKey(a.name) !== meKey) : [];
  // Hash first (scrypt runs off the main thread); the writes below are one synchronous transaction.
  const [myHash, ...colleagueHashes] = await Promise.all([input.password, ...colleagues.map((c) => c.password)].map((p) => ctx.auth.hasher.hash(p)));
  if (getMeta(ctx.db, 'setUpAt') !== undefined) throw new AppError('CONFLICT', 'This console is already set up.');
  const me = { id: ctx.newId(), name: input.name, role: 'supervisor' as const, createdAt: now, by: null };
  inTransaction(ctx.db, () => {
    runMutation(ctx.db, 'users.create', me, now);
    putCredential(ctx.db, me.id, myHash!, now);
    if (input.mode === 'demo') {
      const agentIds: string[] = [];
      let supervisorId = me.id;
      colleagues.forEach((colleague, i) => {
        const user = { id: ctx.newId(), name: colleague.name, role: colleague.role, createdAt: now, by: me.id };
        runMutation(ctx.db, 'users.create', user, now);
        putCredential(ctx.db, user.id, colleagueHashes[i]!, now);
        if (user.role === 'agent') agentIds.push(user.id);
        else supervisorId = user.id;
      });
      if (agentIds.length === 0) agentIds.push(me.id);
      runMutation(ctx.db, 'demo.load', { seed: DEMO_DEFAULTS.seed, now, customers: DEMO_DEFAULTS.customers, agentIds }, now);
      runMutation(ctx.db, 'demo.loadCases', { seed: DEMO_DEFAULTS.seed, now, agentIds, supervisorId }, now);
    }
    installBuiltinScripts(ctx, input.locale, me.id);
    // The demo's questionnaire answers pin the built-in script versions, so they come after them.
    if (input.mode === 'demo') runMutation(ctx.db, 'demo.loadResponses', { seed: DEMO_DEFAULTS.seed, now }, now);
    setMeta(ctx.db, 'locale', input.locale);
    setMeta(ctx.db, 'setUpAt', String(now));
  });
  signInAs(ctx, me.id);
  audit(ctx, 'sign_in', me.id, input.name, null);
  return { ...sessionInfo(ctx), demoAccounts: colleagues.map((c) => ({ ...c })) };
}

/**
 * A console set up before local accounts (upgraded): its data stays; the person at the setup screen becomes
 * the first account — the existing user of that name (who then keeps their history), or a new supervisor
 * when the console has none. Once any account has a password this is CONFLICT like any second setup;
 * supervisors then give the others passwords (users.setPassword).
 */
async function firstAccount(ctx: ServiceContext, input: ParsedInputOf<'session.setUp'>): Promise<SetUpResult> {
  if (countCredentials(ctx.db) > 0) throw new AppError('CONFLICT', 'This console is already set up.');
  const hash = await ctx.auth.hasher.hash(input.password);
  const now = ctx.now();
  let userId = '';
  inTransaction(ctx.db, () => {
    if (countCredentials(ctx.db) > 0) throw new AppError('CONFLICT', 'This console is already set up.');
    const existing = userByLogin(ctx, input.name);
    if (existing) userId = existing.id;
    else {
      userId = ctx.newId();
      // The applier refuses a second supervisor added by no one: name an existing supervisor instead.
      runMutation(ctx.db, 'users.create', { id: userId, name: input.name, role: 'supervisor', createdAt: now, by: null }, now);
    }
    putCredential(ctx.db, userId, hash, now);
  });
  signInAs(ctx, userId);
  audit(ctx, 'sign_in', userId, input.name, null);
  return { ...sessionInfo(ctx), demoAccounts: [] };
}

/** A supervisor sets (or resets) someone's password on this console; their open sessions end. */
export async function setPassword(ctx: ServiceContext, input: ParsedInputOf<'users.setPassword'>): Promise<SessionInfo> {
  const me = currentUser(ctx);
  if (me.role !== 'supervisor' && me.id !== input.userId) throw new AppError('FORBIDDEN', 'Only a supervisor can set another person’s password.');
  if (!getUser(ctx.db, input.userId)) throw new AppError('NOT_FOUND', 'That user does not exist.');
  const hash = await ctx.auth.hasher.hash(input.password);
  putCredential(ctx.db, input.userId, hash, ctx.now());
  if (input.userId !== me.id) ctx.auth.closeUser(input.userId);
  return sessionInfo(ctx);
}

function audit(
  ctx: ServiceContext,
  event: 'sign_in' | 'sign_in_failed' | 'sign_out',
  actorId: string | null,
  login: string,
  reason: 'unknown_login' | 'wrong_password' | 'disabled' | 'rate_limited' | null,
): void {
  const now = ctx.now();
  runMutation(ctx.db, 'audit.signIn', { auditId: ctx.newId(), at: now, actorId, event, login: login.slice(0, 64), reason }, now);
}

const WRONG = 'That name and password do not match. Check both and try again.';

/**
 * Signs the calling session in. Failures are counted per login (5 in 15 minutes, then RATE_LIMITED with the
 * wait), checked against a decoy hash when the login names no one, and every attempt is audited.
 */
export async function signIn(ctx: ServiceContext, input: ParsedInputOf<'session.signIn'>): Promise<SessionInfo> {
  if (getMeta(ctx.db, 'setUpAt') === undefined) throw new AppError('NOT_SET_UP', 'This console has no users yet. Finish the first-run setup.');
  if (ctx.sync.serverUrl() !== null) {
    const signedIn = await signInOnServer(ctx, input);
    if (signedIn) return signedIn;
  }
  const key = loginKey(input.login);
  const wait = ctx.auth.retryAfter(key, ctx.now());
  const user = userByLogin(ctx, input.login);
  if (wait > 0) {
    audit(ctx, 'sign_in_failed', user?.id ?? null, input.login, 'rate_limited');
    const minutes = Math.ceil(wait / 60_000);
    throw new AppError('RATE_LIMITED', `Too many wrong passwords for this name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
      retryAfterMs: wait,
      limit: RATE_LIMIT.failures,
    });
  }
  const credential = user ? getCredential(ctx.db, user.id) : undefined;
  const matches = await ctx.auth.hasher.verify(input.password, credential?.passwordHash ?? (await ctx.auth.decoyHash()));
  if (!user || !credential || !matches) {
    ctx.auth.recordFailure(key, ctx.now());
    audit(ctx, 'sign_in_failed', user?.id ?? null, input.login, user && credential ? 'wrong_password' : 'unknown_login');
    throw new AppError('UNAUTHENTICATED', WRONG, { reason: 'wrong_credentials' });
  }
  if (credential.disabledAt !== null) {
    audit(ctx, 'sign_in_failed', user.id, input.login, 'disabled');
    throw new AppError('FORBIDDEN', 'This account is disabled on this console. Ask a supervisor.', { reason: 'disabled' });
  }
  ctx.auth.clearFailures(key);
  signInAs(ctx, user.id);
  audit(ctx, 'sign_in', user.id, input.login, null);
  return sessionInfo(ctx);
}

/**
 * On a console connected to a server the server checks the password (and knows about disabled accounts
 * and new colleagues); this console keeps a verifier so the same person can sign in while the server is
 * unreachable. Returns null when the server cannot be reached: the local check decides then.
 */
async function signInOnServer(ctx: ServiceContext, input: ParsedInputOf<'session.signIn'>): Promise<SessionInfo | null> {
  let reply;
  try {
    reply = await ctx.sync.api().signIn(input.login, input.password);
  } catch (error) {
    if (error instanceof Unreachable) return null;
    if (error instanceof ServerReply) {
      const user = userByLogin(ctx, input.login);
      if (user && error.details?.reason === 'disabled') setCredentialDisabled(ctx.db, user.id, ctx.now());
      audit(ctx, 'sign_in_failed', null, input.login, error.code === 'RATE_LIMITED' ? 'rate_limited' : error.details?.reason === 'disabled' ? 'disabled' : 'wrong_password');
      throw new AppError(error.code as ErrorCode, error.code === 'UNAUTHENTICATED' ? WRONG : error.message, error.details);
    }
    throw error;
  }
  if (reply.user.teamId !== getSyncMeta(ctx.db, 'sync.teamId')) {
    throw new AppError('FORBIDDEN', 'This account belongs to another team than this console. Sign in with an account of this team.');
  }
  const now = ctx.now();
  storeSession(ctx.db, reply.user.id, reply, now);
  const hash = await ctx.auth.hasher.hash(input.password);
  putCredential(ctx.db, reply.user.id, hash, now);
  setCredentialDisabled(ctx.db, reply.user.id, null);
  // A colleague added on the server since the last sync: fetch their users row first.
  if (!getUser(ctx.db, reply.user.id)) await ctx.sync.syncOnce().catch(() => undefined);
  if (!getUser(ctx.db, reply.user.id)) {
    throw new AppError('UNAVAILABLE', 'Signed in on the server, but this console has not received your account yet. Try again in a moment.');
  }
  signInAs(ctx, reply.user.id);
  audit(ctx, 'sign_in', reply.user.id, input.login, null);
  ctx.sync.nudge();
  return sessionInfo(ctx);
}

export function signOut(ctx: ServiceContext): SessionInfo {
  if (ctx.userId) audit(ctx, 'sign_out', ctx.userId, getUser(ctx.db, ctx.userId)?.name ?? '', null);
  // Their server session ends once their unsent work is pushed (the sync loop does it).
  if (ctx.userId && ctx.sync.serverUrl() !== null) {
    markSignedOut(ctx.db, ctx.userId, ctx.now());
    ctx.sync.nudge();
  }
  ctx.auth.close(ctx.session.token);
  ctx.session.token = null;
  ctx.userId = null;
  return sessionInfo(ctx);
}

export function setLocale(ctx: ServiceContext, input: ParsedInputOf<'session.setLocale'>): SessionInfo {
  setMeta(ctx.db, 'locale', input.locale);
  return sessionInfo(ctx);
}

/**
 * Adds a local account with its password. Who may add whom is the applier's rule (core/mutations/registry.ts),
 * so the server enforces it too; the password goes to the device-local table in the same transaction.
 */
export async function createUser(ctx: ServiceContext, input: ParsedInputOf<'users.create'>): Promise<SessionInfo> {
  const me = currentUser(ctx);
  assertNameFree(ctx, input.name);
  const hash = await ctx.auth.hasher.hash(input.password);
  const now = ctx.now();
  inTransaction(ctx.db, () => {
    assertNameFree(ctx, input.name);
    const id = ctx.newId();
    runMutation(ctx.db, 'users.create', { id, name: input.name, role: input.role, createdAt: now, by: me.id }, now);
    putCredential(ctx.db, id, hash, now);
  });
  return sessionInfo(ctx);
}
