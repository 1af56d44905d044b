import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { createUserInput, resetPasswordInput } from '../../core/auth/wire';
import { createAccount, disableAccount, findAccount, listAccounts, resetPassword, type AccountRow } from '../auth/accounts';
import { authenticate, requireAdmin } from '../http/authenticate';
import { readJson } from '../http/body';
import type { ServerEnv } from '../http/env';
import { ServerError } from '../http/errors';

/**
 * Account management for a team's administrators. An admin sees and changes the accounts of their
 * own team only; an account of another team answers 404, as if it did not exist.
 */
export function adminRoutes(app: Hono<ServerEnv>): void {
  app.use('/admin/*', requireAdmin);

  app.get('/admin/users', async (c) => {
    const admin = await authenticate(c);
    return c.json({ ok: true as const, value: await listAccounts(c.get('server').db, admin.teamId) });
  });

  app.post('/admin/users', async (c) => {
    const input = await readJson(c, createUserInput);
    const admin = await authenticate(c);
    const server = c.get('server');
    const account = await createAccount(server.db, server.hasher, { ...input, teamId: admin.teamId, now: server.now(), actorId: admin.id });
    return c.json({ ok: true as const, value: account }, 201);
  });

  app.post('/admin/users/:id/reset-password', async (c) => {
    const input = await readJson(c, resetPasswordInput);
    const { admin, target } = await teamAccount(c);
    const server = c.get('server');
    const account = await resetPassword(server.db, server.hasher, { accountId: target.id, password: input.password, now: server.now(), actorId: admin.id });
    return c.json({ ok: true as const, value: account });
  });

  app.post('/admin/users/:id/disable', async (c) => {
    await readJson(c, z.object({}).strict(), { optional: true });
    const { admin, target } = await teamAccount(c);
    // Otherwise a team's only admin can lock everyone out of account management with one click.
    if (target.id === admin.id) throw new ServerError('CONFLICT', 'You cannot disable your own account; ask another administrator.');
    const server = c.get('server');
    return c.json({ ok: true as const, value: await disableAccount(server.db, { accountId: target.id, now: server.now(), actorId: admin.id }) });
  });
}

async function teamAccount(c: Context<ServerEnv>): Promise<{ admin: { id: string; teamId: string }; target: AccountRow }> {
  const admin = await authenticate(c);
  const target = await findAccount(c.get('server').db, c.req.param('id') ?? '');
  if (!target || target.teamId !== admin.teamId) throw new ServerError('NOT_FOUND', 'No such account in your team.');
  return { admin, target };
}
