import type { SignInReply, TokenPair } from '../../../core/auth/wire';
import type { PullPage, PullReply, PullRequest, PushReply, PushRequest } from '../../../core/sync/protocol';

/*
 * The console's HTTP client of the central server. A reply the server gave is a ServerReply error with
 * its code; anything else (no connection, a dropped or cut response, a timeout, a proxy's HTML page) is
 * an Unreachable error, which the sync loop retries with backoff and which never changes local data.
 */

export class Unreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unreachable';
  }
}

export class ServerReply extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServerReply';
  }
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ServerApi {
  signIn(login: string, password: string): Promise<SignInReply>;
  refresh(refreshToken: string): Promise<TokenPair>;
  signOut(refreshToken: string): Promise<void>;
  push(token: string, body: PushRequest): Promise<PushReply>;
  pull(token: string, body: PullRequest): Promise<PullPage>;
  /** Resolves with the team's version once it passes `since` (or when the server's wait ends). */
  poke(token: string, since: number, signal: AbortSignal): Promise<number>;
}

const REQUEST_TIMEOUT_MS = 30_000;

export function serverApi(baseUrl: string, fetchImpl: Fetch = fetch): ServerApi {
  const base = baseUrl.replace(/\/+$/, '');
  /** Sends a request; the reply's text (the first line of a pull page) is parsed, the rest handed to `rest`. */
  async function call<T, V = T>(method: 'GET' | 'POST', path: string, body: unknown, token?: string, signal?: AbortSignal, rest?: (value: V, tail: string) => T): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const timeout = AbortSignal.timeout(path === '/sync/poke' || path.startsWith('/sync/poke?') ? 60_000 : REQUEST_TIMEOUT_MS);
    let res: Response;
    let text: string;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await res.text();
    } catch (error) {
      throw new Unreachable(`The server at ${base} cannot be reached: ${(error as Error).message}`);
    }
    let parsed: { ok: true; value: V } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
    const lineEnd = rest ? text.indexOf('\n') : -1;
    try {
      parsed = JSON.parse(lineEnd === -1 ? text : text.slice(0, lineEnd)) as typeof parsed;
    } catch {
      throw new Unreachable(`The server at ${base} answered something that is not the sync server (HTTP ${res.status}).`);
    }
    if (parsed.ok) {
      if (!rest) return parsed.value as unknown as T; // V defaults to T
      if (lineEnd === -1) throw new Unreachable(`The server at ${base} answered a pull without its rows (HTTP ${res.status}).`);
      return rest(parsed.value, text.slice(lineEnd + 1));
    }
    if (res.status >= 500 && res.status !== 503) throw new Unreachable(`The server failed (HTTP ${res.status}): ${parsed.error.message}`);
    if (res.status === 503) throw new Unreachable(parsed.error.message);
    throw new ServerReply(parsed.error.code, parsed.error.message, res.status, parsed.error.details);
  }
  return {
    signIn: (login, password) => call('POST', '/auth/sign-in', { login, password }),
    refresh: (refreshToken) => call('POST', '/auth/refresh', { refreshToken }),
    signOut: async (refreshToken) => {
      await call('POST', '/auth/sign-out', { refreshToken });
    },
    push: (token, body) => call('POST', '/sync/push', body, token),
    pull: (token, body) =>
      call<PullPage, PullReply>('POST', '/sync/pull', body, token, undefined, (reply, rowsJson) => {
        // A response cut short (or padded) is a network failure, caught before anything is staged.
        if (rowsJson.length !== reply.rowsLength || rowsJson[0] !== '[' || rowsJson.at(-1) !== ']') {
          throw new Unreachable(`The server at ${base} sent a pull page that arrived incomplete.`);
        }
        return { reply, rowsJson };
      }),
    poke: async (token, since, signal) => (await call<{ version: number }>('GET', `/sync/poke?since=${since}`, undefined, token, signal)).version,
  };
}
