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

async function overHttp(method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'DB_UNAVAILABLE', message: 'The console back end is not reachable.' } };
  }
}

export function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  const bridge = typeof window !== 'undefined' ? window.api : undefined;
  const result = bridge ? bridge[method](input) : overHttp(method, input);
  return result as Promise<Result<OutputOf<M>>>;
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
