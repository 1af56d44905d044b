import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import pino, { type Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { PasswordHasher } from '../core/auth/password';
import { createNodePasswordHasher } from './auth/crypto';
import { createServerContext, type RateLimitOptions, type ServerContext } from './context';
import type { ServerDb } from './database/open';
import { DEFAULT_BODY_LIMIT, limitBodies } from './http/body';
import type { ServerEnv } from './http/env';
import { errorBody, ServerError, statusOf } from './http/errors';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { SYNC_BODY_LIMITS, syncRoutes } from './routes/sync';
import { createTeamSignals, type TeamSignals } from './sync/signals';

// What routes mounted from elsewhere (the sync routes) build on.
export { authenticate, requireAccount, requireAdmin } from './http/authenticate';
export { readJson } from './http/body';
export { ServerError } from './http/errors';
export type { ServerEnv } from './http/env';
export type { AuthenticatedAccount } from './auth/sessions';
export type { ServerContext } from './context';

/*
 * The central server's HTTP app. Everything a process needs to know lives in the database (accounts,
 * sessions, failed sign-ins, the signing key), so any number of these apps on one database answer
 * as one, and `app.request()` drives it in tests without a socket.
 */

/** Mounts more routes on the app, with the same context, logging, limits and error replies (e.g. `/sync/*`). */
export type RouteMount = (app: Hono<ServerEnv>, server: ServerContext) => void;

export interface ServerAppOptions {
  db: ServerDb;
  /** The clock (epoch ms); tests inject one to expire tokens and rate-limit windows. */
  now?: () => number;
  logger?: Logger;
  /** Defaults to node's scrypt with the shared defaults; tests pass a cheaper one. */
  hasher?: PasswordHasher;
  rateLimit?: Partial<RateLimitOptions>;
  /** Take the client address from X-Forwarded-For (only behind a load balancer that sets it). */
  trustProxy?: boolean;
  /** Body limits by path prefix, e.g. `{'/sync/push': 16 * 1024 * 1024}`; everything else gets DEFAULT_BODY_LIMIT. */
  bodyLimits?: Readonly<Record<string, number>>;
  /** Where the sync routes are mounted (after auth and admin, before the 404 handler). */
  extraRoutes?: readonly RouteMount[];
  /** Wakes long-polling consoles; tests share one between two apps to act as one process. */
  signals?: TeamSignals;
}

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function createServerApp(options: ServerAppOptions): Hono<ServerEnv> {
  const logger = options.logger ?? pino();
  const server = createServerContext({
    db: options.db,
    now: options.now ?? Date.now,
    logger,
    hasher: options.hasher ?? createNodePasswordHasher(),
    rateLimit: options.rateLimit,
    trustProxy: options.trustProxy,
  });
  const app = new Hono<ServerEnv>();

  // One log line per request: never the body, the query string or headers, where passwords and tokens travel.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : uuidv7();
    c.set('requestId', requestId);
    c.set('server', server);
    c.set('account', undefined);
    await next();
    c.header('X-Request-Id', requestId);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    logger.info(
      { reqId: requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, account: c.get('account')?.id },
      'request',
    );
  });
  app.use('*', limitBodies({ ...SYNC_BODY_LIMITS, ...options.bodyLimits }, DEFAULT_BODY_LIMIT));

  healthRoutes(app);
  authRoutes(app);
  adminRoutes(app);
  syncRoutes(options.signals ?? createTeamSignals())(app);
  for (const mount of options.extraRoutes ?? []) mount(app, server);

  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404));
  app.onError((error, c) => {
    if (error instanceof ServerError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      return c.json(errorBody(error.code, error.message, error.details), statusOf(error.code));
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'TOO_LARGE' : error.status === 401 ? 'UNAUTHENTICATED' : 'BAD_INPUT';
      return c.json(errorBody(code, error.message || 'The request could not be read.'), statusOf(code));
    }
    logger.error({ err: error, reqId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'request failed');
    return c.json(errorBody('INTERNAL', `Something went wrong on the server (request ${c.get('requestId')}).`), 500);
  });
  return app;
}
