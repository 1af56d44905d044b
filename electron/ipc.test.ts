import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../core/contract/methods';
import type { Result } from '../core/contract/result';
import { IPC_CHANNEL_PREFIX, registerIpc, type InvokableBackend } from './ipc';
import { APP_ENTRY_URL, isTrustedSender } from './security';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const registrations: string[] = [];
  return {
    handlers,
    registrations,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      registrations.push(channel);
      handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };
}

function recordingBackend(answer: (method: string, input: unknown) => Promise<Result<unknown>>) {
  const calls: Array<{ method: string; input: unknown }> = [];
  const backend: InvokableBackend = {
    invoke(method, input) {
      calls.push({ method, input });
      return answer(method, input);
    },
  };
  return { backend, calls };
}

const eventFrom = (url: string | null) => ({ senderFrame: url === null ? null : { url } });
const silent = () => {};

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, on api:<method>', () => {
    const ipcMain = fakeIpcMain();
    const { backend } = recordingBackend(async () => ({ ok: true, value: null }));
    registerIpc(ipcMain as never, backend, isTrustedSender, silent);

    expect(ipcMain.registrations).toHaveLength(METHOD_NAMES.length);
    expect(new Set(ipcMain.registrations).size).toBe(METHOD_NAMES.length);
    expect([...ipcMain.registrations].sort()).toEqual(METHOD_NAMES.map((m) => `${IPC_CHANNEL_PREFIX}${m}`).sort());
    expect(IPC_CHANNEL_PREFIX).toBe('api:');
  });

  it('forwards calls from our renderer to backend.invoke and returns its result', async () => {
    const ipcMain = fakeIpcMain();
    const { backend, calls } = recordingBackend(async (method, input) => ({ ok: true, value: { method, input } }));
    registerIpc(ipcMain as never, backend, isTrustedSender, silent);

    const input = { limit: 50 };
    const result = await ipcMain.handlers.get('api:queue.list')!(eventFrom(APP_ENTRY_URL), input);
    expect(result).toEqual({ ok: true, value: { method: 'queue.list', input } });
    expect(calls).toEqual([{ method: 'queue.list', input }]);

    await ipcMain.handlers.get('api:callbacks.recordOutcome')!(eventFrom(APP_ENTRY_URL), { id: 'c1' });
    expect(calls.at(-1)).toEqual({ method: 'callbacks.recordOutcome', input: { id: 'c1' } });
  });

  it('answers FORBIDDEN to unknown senders without touching the backend', async () => {
    const ipcMain = fakeIpcMain();
    const { backend, calls } = recordingBackend(async () => ({ ok: true, value: 'secret' }));
    const logged: string[] = [];
    registerIpc(ipcMain as never, backend, isTrustedSender, (m) => logged.push(m));

    const handler = ipcMain.handlers.get('api:customers.revealPhone')!;
    for (const event of [
      eventFrom('https://evil.example/'),
      eventFrom('about:blank'),
      eventFrom('file:///tmp/x.html'),
      eventFrom('app://other-host/index.html'),
      eventFrom(null),
      {},
    ]) {
      const result = await handler(event, { customerId: 'x' });
      expect(result).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'IPC from an unknown sender was ignored' },
      });
    }
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(6);
  });

  it('passes the sender frame URL to the trust check', async () => {
    const ipcMain = fakeIpcMain();
    const seen: unknown[] = [];
    const { backend } = recordingBackend(async () => ({ ok: true, value: 1 }));
    registerIpc(ipcMain as never, backend, (url) => (seen.push(url), true), silent);
    await ipcMain.handlers.get('api:system.status')!(eventFrom('app://callback-console/index.html'), undefined);
    await ipcMain.handlers.get('api:system.status')!(eventFrom(null), undefined);
    expect(seen).toEqual(['app://callback-console/index.html', undefined]);
  });

  it('turns a throwing backend into an INTERNAL result instead of a rejected invoke', async () => {
    const ipcMain = fakeIpcMain();
    const { backend } = recordingBackend(async () => {
      throw new Error('boom');
    });
    registerIpc(ipcMain as never, backend, isTrustedSender, silent);
    const result = await ipcMain.handlers.get('api:queue.summary')!(eventFrom(APP_ENTRY_URL), {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INTERNAL');
  });

  it('returns a disposer that removes every handler', () => {
    const ipcMain = fakeIpcMain();
    const { backend } = recordingBackend(async () => ({ ok: true, value: null }));
    const dispose = registerIpc(ipcMain as never, backend, isTrustedSender, silent);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('preload bundle', () => {
  async function bundlePreload(): Promise<string> {
    const out = await build({
      absWorkingDir: repoRoot,
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  }

  it('requires nothing but electron (so it loads with sandbox: true) and bundles no zod', async () => {
    const code = await bundlePreload();
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bzod\b/);
  });

  it('exposes exactly one verb per method as window.api, each invoking api:<method>', async () => {
    const code = await bundlePreload();
    const exposed: Array<{ key: string; api: Record<string, (input?: unknown) => Promise<unknown>> }> = [];
    const invocations: Array<{ channel: string; input: unknown }> = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, (input?: unknown) => Promise<unknown>>) =>
          exposed.push({ key, api }),
      },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invocations.push({ channel, input });
          if (channel === 'api:audit.list') throw new Error('An object could not be cloned.');
          return { ok: true, value: channel };
        },
      },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`unexpected require(${name})`);
        return electron;
      },
    });

    expect(exposed).toHaveLength(1);
    const [{ key, api }] = exposed as [(typeof exposed)[number]];
    expect(key).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');

    await expect(api['queue.list']!({ limit: 10 })).resolves.toEqual({ ok: true, value: 'api:queue.list' });
    expect(invocations).toEqual([{ channel: 'api:queue.list', input: { limit: 10 } }]);

    // A failed invoke (e.g. an uncloneable input) still resolves to a Result.
    const failed = (await api['audit.list']!({})) as Result<unknown>;
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.code).toBe('INTERNAL');
  });
});
