import type { Context, MiddlewareHandler } from 'hono';
import { accountForToken, type AuthenticatedAccount } from '../auth/sessions';
import type { ServerEnv } from './env';
import { ServerError } from './errors';

const BEARER = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/;

/**
 * The signed-in account of this request (from `Authorization: Bearer <access token>`), or throws
 * UNAUTHENTICATED. Any route may call it — the sync routes use it to get the actor and the team
 * partition; the result is kept on the context, so calling it twice costs one query.
 */
export async function authenticate(c: Context<ServerEnv>): Promise<AuthenticatedAccount> {
  const known = c.get('account');
  if (known) return known;
  const match = BEARER.exec(c.req.header('authorization') ?? '');
  if (!match) throw new ServerError('UNAUTHENTICATED', 'Sign in first: this request carries no access token.');
  const account = await accountForToken(c.get('server'), match[1]!);
  c.set('account', account);
  return account;
}

export const requireAccount: MiddlewareHandler<ServerEnv> = async (c, next) => {
  await authenticate(c);
  await next();
};

export const requireAdmin: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const account = await authenticate(c);
  if (!account.isAdmin) throw new ServerError('FORBIDDEN', 'Only a team administrator may manage accounts.');
  await next();
};

/**
 * The client's address for rate limiting. Behind a load balancer (`trustProxy`), the last entry of
 * X-Forwarded-For is the one the balancer appended; earlier entries are whatever the client sent.
 */
export function clientIp(c: Context<ServerEnv>): string {
  if (c.get('server').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return (c.env as Partial<ServerEnv['Bindings']> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}
