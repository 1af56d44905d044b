/**
 * The sandboxed preload. It exposes exactly one thing, `window.api`: a flat object with one verb
 * per contract method (`window.api['queue.list'](input)`), each a single `ipcRenderer.invoke` on
 * `api:<method>`. No `ipcRenderer`, no Node, no generic "invoke anything" escape hatch.
 *
 * Bundled by esbuild to CommonJS (scripts/build-electron.mjs): a sandboxed preload may only
 * `require('electron')`, so the method names are bundled in and nothing else is required.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type MethodName } from '../core/contract/methods';
import type { Result } from '../core/contract/result';
import { ipcChannel } from './ipc';

export type PreloadApi = { readonly [K in MethodName]: (input?: unknown) => Promise<Result<unknown>> };

function verb(method: MethodName): (input?: unknown) => Promise<Result<unknown>> {
  const channel = ipcChannel(method);
  return (input?: unknown) =>
    (ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>).catch(
      (error: unknown): Result<unknown> => ({
        ok: false,
        error: {
          code: 'INTERNAL',
          // Typically an input that cannot be structured-cloned; the main process never rejects.
          message: `IPC call ${method} failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      }),
    );
}

const api = Object.freeze(Object.fromEntries(METHOD_NAMES.map((method) => [method, verb(method)]))) as PreloadApi;

contextBridge.exposeInMainWorld('api', api);
