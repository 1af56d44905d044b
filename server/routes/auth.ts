import type { Hono } from 'hono';
import { refreshInput, signInInput, signOutInput, type SignedInUser } from '../../core/auth/wire';
import { findAccount } from '../auth/accounts';
import { refresh, signIn, signOut } from '../auth/sessions';
import { authenticate, clientIp } from '../http/authenticate';
import { readJson } from '../http/body';
import type { ServerEnv } from '../http/env';
import { ServerError } from '../http/errors';

export function authRoutes(app: Hono<ServerEnv>): void {
  app.post('/auth/sign-in', async (c) => {
    const input = await readJson(c, signInInput);
    return c.json({ ok: true as const, value: await signIn(c.get('server'), input, clientIp(c)) });
  });

  app.post('/auth/refresh', async (c) => {
    const input = await readJson(c, refreshInput);
    return c.json({ ok: true as const, value: await refresh(c.get('server'), input.refreshToken, clientIp(c)) });
  });

  // Needs no access token: the refresh token proves the session, and an expired access token must
  // not stop anyone from ending their session.
  app.post('/auth/sign-out', async (c) => {
    const input = await readJson(c, signOutInput);
    return c.json({ ok: true as const, value: await signOut(c.get('server'), input.refreshToken, clientIp(c)) });
  });

  app.get('/auth/me', async (c) => {
    const me = await authenticate(c);
    const account = await findAccount(c.get('server').db, me.id);
    if (!account) throw new ServerError('UNAUTHENTICATED', 'This account no longer exists.');
    const user: SignedInUser = { id: account.id, name: account.name, role: account.role, teamId: account.teamId, isAdmin: account.isAdmin };
    return c.json({ ok: true as const, value: user });
  });
}
