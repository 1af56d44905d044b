import type { Logger } from 'pino';
import type { PasswordHasher } from '../core/auth/password';
import { loadSigningKey } from './auth/secrets';
import type { ServerDb } from './database/open';

/** Failed sign-ins allowed per login and per client address within the window before 429. */
export interface RateLimitOptions {
  windowMs: number;
  perLogin: number;
  /** Higher than perLogin: a whole office may share one address behind its NAT. */
  perIp: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { windowMs: 15 * 60 * 1000, perLogin: 5, perIp: 30 };

/** What every route handler reaches through `c.var.server`. Holds no per-process state but caches. */
export interface ServerContext {
  db: ServerDb;
  now: () => number;
  logger: Logger;
  hasher: PasswordHasher;
  rateLimit: RateLimitOptions;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** The signing key from the database (read once per process: it never changes). */
  signingKey: () => Promise<Buffer>;
  /** A hash verified when the login is unknown, so a miss takes as long as a wrong password. */
  decoyHash: () => Promise<string>;
}

export function createServerContext(options: {
  db: ServerDb;
  now: () => number;
  logger: Logger;
  hasher: PasswordHasher;
  rateLimit?: Partial<RateLimitOptions>;
  trustProxy?: boolean;
}): ServerContext {
  let key: Promise<Buffer> | undefined;
  let decoy: Promise<string> | undefined;
  return {
    ...options,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    trustProxy: options.trustProxy ?? false,
    signingKey() {
      key ??= loadSigningKey(options.db, options.now()).catch((error: unknown) => {
        key = undefined; // a database that was down at the first request must not poison the cache
        throw error;
      });
      return key;
    },
    decoyHash() {
      decoy ??= options.hasher.hash(`decoy-${Math.random()}`);
      return decoy;
    },
  };
}
