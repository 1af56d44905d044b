import { v7 as uuidv7 } from 'uuid';
import { loginKey } from '../../core/auth/login';
import type { AccessClaims, Role, SignedInUser, SignInInput, SignInReply } from '../../core/auth/wire';
import type { ServerContext } from '../context';
import type { Queryable } from '../database/open';
import { ServerError } from '../http/errors';
import { findAccount, findAccountByLogin, type AccountRow } from './accounts';
import { writeAudit } from './audit';
import { newOpaqueToken, sha256Hex } from './crypto';
import { attemptSucceeded, startAttempt, type AttemptSlot } from './rate-limit';
import { ACCESS_TOKEN_TTL_MS, signAccessToken, verifyAccessToken } from './tokens';

/*
 * Sign-in, refresh, sign-out and the per-request check of an access token. A sign-in starts a chain
 * of refresh tokens (its `family_id`, also the access token's `sid`); every refresh rotates the token,
 * and presenting a rotated one again means it was copied: the whole chain is revoked.
 */

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The signed-in account a request acts as, read from the database on every request (not from the token). */
export interface AuthenticatedAccount {
  id: string;
  teamId: string;
  role: Role;
  isAdmin: boolean;
}

const WRONG = 'Wrong name, phone number or password.';

function userOf(a: AccountRow): SignedInUser {
  return { id: a.id, name: a.name, role: a.role, teamId: a.teamId, isAdmin: a.isAdmin };
}

/** `key` is read before the transaction: PGlite has one connection, so a query outside `tx` would wait forever. */
async function issue(tx: Queryable, key: Buffer, account: AccountRow, familyId: string, now: number): Promise<SignInReply & { tokenId: string }> {
  const refreshToken = newOpaqueToken();
  const refreshExpiresAt = now + REFRESH_TOKEN_TTL_MS;
  const tokenId = uuidv7();
  await tx.query(`INSERT INTO refresh_tokens (id, account_id, family_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    tokenId,
    account.id,
    familyId,
    sha256Hex(refreshToken),
    now,
    refreshExpiresAt,
  ]);
  const claims: AccessClaims = { sub: account.id, team: account.teamId, role: account.role, admin: account.isAdmin, iat: now, exp: now + ACCESS_TOKEN_TTL_MS, sid: familyId };
  const accessToken = signAccessToken(claims, key);
  return { accessToken, refreshToken, expiresAt: claims.exp, refreshExpiresAt, user: userOf(account), tokenId };
}

/** A counted attempt, or RATE_LIMITED with Retry-After (the refusal is audited like any failed sign-in). */
async function attemptStarted(ctx: ServerContext, login: string, ip: string, now: number): Promise<AttemptSlot> {
  const start = await startAttempt(ctx.db, { loginHash: sha256Hex(loginKey(login)), ip, now, limits: ctx.rateLimit });
  if (start.ok) return start.slot;
  const seconds = Math.ceil(start.retryAfterMs / 1000);
  const account = await findAccountByLogin(ctx.db, login);
  await writeAudit(ctx.db, {
    at: now,
    actorId: account?.id ?? 'unknown',
    action: 'auth.sign_in_failed',
    subjectType: 'account',
    subjectId: account?.id ?? '',
    details: { reason: 'rate_limited', ip },
  });
  throw new ServerError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} min.`,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}

export async function signIn(ctx: ServerContext, input: SignInInput, ip: string): Promise<SignInReply> {
  const now = ctx.now();
  const attempt = await attemptStarted(ctx, input.login, ip, now);
  const account = await findAccountByLogin(ctx.db, input.login);
  // An unknown login verifies against a decoy, so timing does not say which logins exist.
  const passwordOk = await ctx.hasher.verify(input.password, account?.passwordHash ?? (await ctx.decoyHash()));
  if (!account || !passwordOk || account.disabledAt !== null) {
    const reason = !account ? 'unknown_login' : !passwordOk ? 'wrong_password' : 'disabled';
    await writeAudit(ctx.db, {
      at: now,
      actorId: account?.id ?? 'unknown',
      action: 'auth.sign_in_failed',
      subjectType: 'account',
      subjectId: account?.id ?? '',
      details: { reason, ip },
    });
    // Saying "disabled" only to someone who knows the password tells an attacker nothing new.
    if (reason === 'disabled') throw new ServerError('UNAUTHENTICATED', 'This account is disabled. Ask your team administrator.', { reason });
    throw new ServerError('UNAUTHENTICATED', WRONG);
  }
  const rehash = ctx.hasher.needsRehash(account.passwordHash) ? await ctx.hasher.hash(input.password) : undefined;
  const key = await ctx.signingKey();
  return ctx.db.transaction(async (tx) => {
    const current = await findAccount(tx, account.id, { lock: true });
    // A reset or disable committed while the password was being checked: the check was against the old state.
    if (!current || current.passwordHash !== account.passwordHash || current.disabledAt !== null) {
      throw new ServerError('UNAUTHENTICATED', 'This account changed while you were signing in: sign in again.');
    }
    await attemptSucceeded(tx, attempt);
    if (rehash) await tx.query(`UPDATE accounts SET password_hash = $2 WHERE id = $1`, [account.id, rehash]);
    // Expired tokens can no longer be presented, so their rows only cost space.
    await tx.query(`DELETE FROM refresh_tokens WHERE account_id = $1 AND expires_at < $2`, [account.id, now]);
    const { tokenId: _id, ...reply } = await issue(tx, key, account, uuidv7(), now);
    await writeAudit(tx, { at: now, actorId: account.id, action: 'auth.sign_in', subjectType: 'account', subjectId: account.id, details: { ip } });
    return reply;
  });
}

interface RefreshRow {
  id: string;
  accountId: string;
  familyId: string;
  expiresAt: number;
  revokedAt: number | null;
  replacedBy: string | null;
}

async function lockRefreshToken(tx: Queryable, token: string): Promise<RefreshRow | undefined> {
  const { rows } = await tx.query<RefreshRow>(
    `SELECT id, account_id AS "accountId", family_id AS "familyId", expires_at AS "expiresAt", revoked_at AS "revokedAt", replaced_by AS "replacedBy"
     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [sha256Hex(token)],
  );
  return rows[0];
}

async function endChain(tx: Queryable, familyId: string, now: number): Promise<number> {
  const { rowCount } = await tx.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, now]);
  return rowCount;
}

/**
 * A new token pair for a live refresh token, which is used up. The outcome is decided inside the
 * transaction and thrown after it commits, so a detected reuse stays revoked even though the request
 * is refused.
 */
export async function refresh(ctx: ServerContext, refreshToken: string, ip: string): Promise<SignInReply> {
  const now = ctx.now();
  const key = await ctx.signingKey();
  const outcome = await ctx.db.transaction(async (tx): Promise<SignInReply | ServerError> => {
    // The account row first, then the token: the order resets and disables take, so they cannot deadlock.
    const owner = await tx.query<{ accountId: string }>(`SELECT account_id AS "accountId" FROM refresh_tokens WHERE token_hash = $1`, [sha256Hex(refreshToken)]);
    if (owner.rows[0]) await findAccount(tx, owner.rows[0].accountId, { lock: true });
    const row = await lockRefreshToken(tx, refreshToken);
    if (!row) return new ServerError('UNAUTHENTICATED', 'Sign in again: this session is not known.');
    if (row.revokedAt !== null) {
      if (row.replacedBy === null) return new ServerError('UNAUTHENTICATED', 'Sign in again: this session has ended.');
      const revoked = await endChain(tx, row.familyId, now);
      await writeAudit(tx, {
        at: now,
        actorId: row.accountId,
        action: 'auth.refresh_reused',
        subjectType: 'account',
        subjectId: row.accountId,
        details: { ip, sessionId: row.familyId, revoked },
      });
      return new ServerError('UNAUTHENTICATED', 'Sign in again: this session was used from somewhere else and has been ended.', { reason: 'reused' });
    }
    if (now >= row.expiresAt) return new ServerError('UNAUTHENTICATED', 'Sign in again: this session has expired.');
    const account = await findAccount(tx, row.accountId);
    if (!account || account.disabledAt !== null) {
      await endChain(tx, row.familyId, now);
      return new ServerError('UNAUTHENTICATED', 'This account is disabled. Ask your team administrator.', { reason: 'disabled' });
    }
    const { tokenId, ...reply } = await issue(tx, key, account, row.familyId, now);
    await tx.query(`UPDATE refresh_tokens SET revoked_at = $2, replaced_by = $3 WHERE id = $1`, [row.id, now, tokenId]);
    return reply;
  });
  if (outcome instanceof ServerError) throw outcome;
  return outcome;
}

/** Ends the chain the refresh token belongs to; answers the same for an unknown or already-ended one. */
export async function signOut(ctx: ServerContext, refreshToken: string, ip: string): Promise<{ signedOut: boolean }> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockRefreshToken(tx, refreshToken);
    if (!row) return { signedOut: false };
    const revoked = await endChain(tx, row.familyId, now);
    if (revoked === 0) return { signedOut: false };
    await writeAudit(tx, { at: now, actorId: row.accountId, action: 'auth.sign_out', subjectType: 'account', subjectId: row.accountId, details: { ip, sessionId: row.familyId } });
    return { signedOut: true };
  });
}

/**
 * The account an access token acts as, or UNAUTHENTICATED. One indexed query per request makes a
 * disable, a password reset or a sign-out take effect at once, not when the token expires.
 */
export async function accountForToken(ctx: ServerContext, token: string): Promise<AuthenticatedAccount> {
  const now = ctx.now();
  const check = verifyAccessToken(token, await ctx.signingKey(), now);
  if (!check.ok) {
    throw new ServerError('UNAUTHENTICATED', check.reason === 'expired' ? 'The access token has expired: refresh it.' : 'The access token is not valid.', {
      reason: check.reason,
    });
  }
  const { sub, sid, iat } = check.claims;
  const { rows } = await ctx.db.query<AuthenticatedAccount & { disabledAt: number | null; credentialsChangedAt: number; ended: boolean }>(
    `SELECT a.id, a.team_id AS "teamId", a.role, a.is_admin AS "isAdmin", a.disabled_at AS "disabledAt",
            a.credentials_changed_at AS "credentialsChangedAt",
            EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL AND r.replaced_by IS NULL) AS ended
     FROM accounts a WHERE a.id = $1`,
    [sub, sid],
  );
  const row = rows[0];
  if (!row || row.disabledAt !== null) throw new ServerError('UNAUTHENTICATED', 'This account is disabled. Ask your team administrator.', { reason: 'disabled' });
  if (iat < row.credentialsChangedAt || row.ended) throw new ServerError('UNAUTHENTICATED', 'This session has ended: sign in again.', { reason: 'revoked' });
  return { id: row.id, teamId: row.teamId, role: row.role, isAdmin: row.isAdmin };
}
