import pino from 'pino';
import { Writable } from 'node:stream';
import { createServerApp, type ServerAppOptions } from '../app';
import { createAccount, createTeam } from '../auth/accounts';
import { createNodePasswordHasher } from '../auth/crypto';
import type { ServerDb } from '../database/open';

/*
 * Test support for the server's HTTP suites: an app on a given database with its own clock, a JSON
 * client over `app.request()` (no socket), and a team with an admin, a supervisor and an agent.
 */

/** Monday 2026-05-11 10:00 in Shanghai. */
export const T0 = Date.UTC(2026, 4, 11, 2, 0);

/** Real scrypt at a small N: the format and code paths of production at a fraction of the time. */
export const testHasher = createNodePasswordHasher({ N: 2 ** 10 });

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (malformed JSON, oversized bodies); overrides `body`. */
  raw?: string;
  token?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  clock: { now: number };
  logs: string[];
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
}

export function testServer(db: ServerDb, options: Partial<ServerAppOptions> & { start?: number } = {}): TestServer {
  const clock = { now: options.start ?? T0 };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = createServerApp({ hasher: testHasher, logger: pino({ level: 'info' }, sink), trustProxy: true, now: () => clock.now, ...options, db });
  return {
    clock,
    logs,
    async call<T>(method: string, path: string, o: CallOptions = {}) {
      const headers: Record<string, string> = { 'x-forwarded-for': o.ip ?? '10.0.0.1', ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined = o.raw;
      if (body === undefined && o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await app.request(path, { method, headers, body });
      return { status: res.status, headers: res.headers, body: (await res.json()) as Reply<T>['body'] };
    },
  };
}

export interface TeamMember {
  id: string;
  name: string;
  password: string;
}

export interface SeededTeam {
  teamId: string;
  admin: TeamMember;
  supervisor: TeamMember;
  agent: TeamMember;
}

/** A team whose member names start with `label`, so suites sharing one database never collide. */
export async function seedTeam(db: ServerDb, label: string, now = T0): Promise<SeededTeam> {
  const team = await createTeam(db, { name: `${label}组`, now, actorId: 'system' });
  const member = async (suffix: string, role: 'agent' | 'supervisor', isAdmin: boolean, phone?: string): Promise<TeamMember> => {
    const name = `${label}${suffix}`;
    const password = `${name}-password`;
    const account = await createAccount(db, testHasher, { teamId: team.id, name, role, isAdmin, password, phone, now, actorId: 'system' });
    return { id: account.id, name, password };
  };
  return {
    teamId: team.id,
    admin: await member('周敏', 'supervisor', true),
    supervisor: await member('陈伟', 'supervisor', false),
    agent: await member('王芳', 'agent', false),
  };
}
