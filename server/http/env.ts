import type { HttpBindings } from '@hono/node-server';
import type { AuthenticatedAccount } from '../auth/sessions';
import type { ServerContext } from '../context';

/** The Hono environment of every route: the server context, the request id, and the account once authenticated. */
export interface ServerEnv {
  /** Present when served by @hono/node-server; absent under `app.request()` in tests. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    server: ServerContext;
    requestId: string;
    account: AuthenticatedAccount | undefined;
  };
}
