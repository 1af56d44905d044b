import type { Context, Hono } from 'hono';
import { ACCEPTED_SCHEMA_VERSIONS, PROTOCOL_VERSION, PULL_PAGE_CONTENT_TYPE, pullRequest, pushRequest } from '../../core/sync/protocol';
import type { AuthenticatedAccount } from '../auth/sessions';
import { authenticate } from '../http/authenticate';
import { readJson } from '../http/body';
import type { ServerEnv } from '../http/env';
import { ServerError } from '../http/errors';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import type { TeamSignals } from '../sync/signals';

/** A push carries up to MAX_PUSH_MUTATIONS mutations (an import chunk is the largest kind). */
export const SYNC_BODY_LIMITS = { '/sync/push': 16 * 1024 * 1024 } as const;

/** How long a poke waits for a change before answering "nothing new" (under proxies' idle timeouts). */
const POKE_WAIT_MS = 25_000;

export function syncRoutes(signals: TeamSignals) {
  return (app: Hono<ServerEnv>): void => {
    app.post('/sync/push', async (c) => {
      const account = await authenticate(c);
      const input = await readJson(c, pushRequest);
      checkVersions(input);
      const reply = await push(c.get('server').db, account, input, c.get('server').now());
      signals.changed(account.teamId);
      return c.json({ ok: true as const, value: reply });
    });

    app.post('/sync/pull', async (c) => {
      const account = await authenticate(c);
      const input = await readJson(c, pullRequest);
      checkVersions(input);
      const page = await pull(c.get('server').db, account, input, c.get('server').now());
      // Two JSON lines: the envelope, then the rows exactly as the database wrote them.
      return c.body(`${JSON.stringify({ ok: true, value: page.reply })}\n${page.rowsJson}`, 200, { 'content-type': PULL_PAGE_CONTENT_TYPE });
    });

    // Long-poll: answers as soon as the team's version passes `since` (at most POKE_WAIT_MS later).
    app.get('/sync/poke', async (c) => {
      const account = await authenticate(c);
      const since = Number(c.req.query('since') ?? '0');
      if (!Number.isSafeInteger(since) || since < 0) throw new ServerError('BAD_INPUT', 'since must be a version number.');
      const wait = Math.min(Number(c.req.query('waitMs') ?? POKE_WAIT_MS) || POKE_WAIT_MS, POKE_WAIT_MS);
      const version = await signals.waitForChange(c.get('server').db, account.teamId, since, wait, c.req.raw.signal);
      return c.json({ ok: true as const, value: { version } });
    });
  };
}

function checkVersions(input: { protocol: number; schema: number }): void {
  if (input.protocol !== PROTOCOL_VERSION || input.schema < ACCEPTED_SCHEMA_VERSIONS.min || input.schema > ACCEPTED_SCHEMA_VERSIONS.max) {
    throw new ServerError('UPGRADE_REQUIRED', 'This console is too old or too new for the server: update the console. Its unsent changes are kept.', {
      protocol: PROTOCOL_VERSION,
      schema: ACCEPTED_SCHEMA_VERSIONS,
    });
  }
}

export type { AuthenticatedAccount, Context };
