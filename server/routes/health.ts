import type { Hono } from 'hono';
import type { ServerEnv } from '../http/env';
import { errorBody } from '../http/errors';

/** For load balancers and orchestrators: 200 when this process can reach its database, else 503. */
export function healthRoutes(app: Hono<ServerEnv>): void {
  app.get('/healthz', async (c) => {
    const server = c.get('server');
    try {
      await server.db.query('SELECT 1');
    } catch (error) {
      server.logger.warn({ err: error, reqId: c.get('requestId') }, 'health check: database unreachable');
      return c.json(errorBody('UNAVAILABLE', 'The database is not reachable.'), 503);
    }
    return c.json({ ok: true as const, value: { status: 'ok', database: server.db.kind } });
  });
}
