import type { InputOf, OutputOf } from '../../core/contract/api';
import { METHOD_NAMES, type MethodName } from '../../core/contract/methods';
import type { ApiError, Result } from '../../core/contract/result';

/*
 * The renderer's only way to the back end. In Electron the preload exposes one verb per contract
 * method on window.api; in a browser the same methods are POSTed to the web host. Same contract,
 * same Result objects, either way.
 */

type Bridge = Record<MethodName, (input: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    api?: Bridge;
  }
}

/*
 * The session of this tab (browser mode): the web host hands its token over in `X-Session-Token` on sign-in
 * and setup, and takes it away on sign-out. sessionStorage is per tab, so two tabs can be two people, and
 * it is gone when the tab closes. In Electron the main process keeps the token per window; the renderer
 * never sees it.
 */
const TOKEN_KEY = 'callback-console.session';

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: the session lasts until the page reloads */
  }
}

async function overHttp(method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    const token = readToken();
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: token ? { 'content-type': 'application/json', authorization: `Bearer ${token}` } : { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    const next = response.headers.get('x-session-token');
    if (next !== null) writeToken(next || null);
    if (response.status === 401) writeToken(null);
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'DB_UNAVAILABLE', message: 'The console back end is not reachable.' } };
  }
}

let onSignedOut: (() => void) | undefined;

/** Called when a call answers UNAUTHENTICATED (the session ended): the app shows the sign-in screen. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

export function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  const bridge = typeof window !== 'undefined' ? window.api : undefined;
  const result = bridge ? bridge[method](input) : overHttp(method, input);
  return result.then((r) => {
    // A refused sign-in (to this console or, joining a team, to the server) is the form's to show: it ends no session.
    if (!r.ok && r.error.code === 'UNAUTHENTICATED' && method !== 'session.signIn' && method !== 'sync.connect') onSignedOut?.();
    return r;
  }) as Promise<Result<OutputOf<M>>>;
}

/** For code that prefers exceptions: throws an ApiFailure carrying the typed error. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export async function callOrThrow<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

export const ALL_METHODS = METHOD_NAMES;
