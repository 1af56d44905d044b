import { randomBytes, scrypt } from 'node:crypto';
import { createPasswordHasher, type Kdf, type PasswordHasher, type ScryptParams } from '../../core/auth/password';
import type { Db } from '../../db/open';
import { getCredential } from '../../db/repos/credentials';
import { getUser } from '../../db/repos/users';

/*
 * Who is signed in, per session. A session is one Electron window or one browser tab of the web host: it
 * holds a random token (in electron/ipc.ts per webContents, in the tab's sessionStorage on the web), and
 * every call carries it. Tokens live only in this process's memory: a restart signs everyone out.
 * Local accounts (standalone console): the password hash is in the device-local `local_credentials`.
 * A server-backed console (next issue) adds its accounts behind the same `Auth`: signIn then asks the
 * server, keeps a verifier for offline sign-in, and opens a session here just the same.
 */

/** node's scrypt behind core's KDF seam (the server passes the same function: one hash format). */
const nodeScrypt: Kdf = (password, salt, params) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: params.maxmem }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    );
  });

export function createConsolePasswordHasher(params?: Partial<Omit<ScryptParams, 'maxmem'>>): PasswordHasher {
  return createPasswordHasher({ kdf: nodeScrypt, randomBytes: (n) => new Uint8Array(randomBytes(n)), params });
}

/** What a transport holds for one caller; the backend sets `token` on sign-in and clears it on sign-out. */
export interface CallSession {
  token: string | null;
}

export const RATE_LIMIT = { failures: 5, windowMs: 15 * 60_000 };

export class Auth {
  private readonly sessions = new Map<string, { userId: string; openedAt: number }>();
  private readonly failures = new Map<string, number[]>();
  private decoy: Promise<string> | undefined;

  constructor(readonly hasher: PasswordHasher) {}

  /** A new session for a user whose credential was checked (or a test / the CLI acting directly). */
  open(userId: string, now = Date.now()): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, openedAt: now });
    return token;
  }

  close(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of a user (disabled, password changed). */
  closeUser(userId: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId) this.sessions.delete(token);
  }

  /** The session's user when it is still allowed on this console: it exists and is not disabled. */
  resolve(db: Db, token: string | null | undefined): string | null {
    if (!token || token.length > 100) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (!getUser(db, s.userId) || getCredential(db, s.userId)?.disabledAt != null) {
      this.sessions.delete(token);
      return null;
    }
    return s.userId;
  }

  /** Milliseconds until this login may try again (0: now). */
  retryAfter(key: string, now: number): number {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - RATE_LIMIT.windowMs);
    this.failures.set(key, recent);
    if (recent.length < RATE_LIMIT.failures) return 0;
    return recent[recent.length - RATE_LIMIT.failures]! + RATE_LIMIT.windowMs - now;
  }

  recordFailure(key: string, now: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(now);
    this.failures.set(key, list);
  }

  clearFailures(key: string): void {
    this.failures.delete(key);
  }

  /** A hash to check an unknown login's password against, so the time taken does not tell who exists. */
  decoyHash(): Promise<string> {
    this.decoy ??= this.hasher.hash('decoy password, never matches anything');
    return this.decoy;
  }
}
