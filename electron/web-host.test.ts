import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../core/contract/api';
import { METHOD_NAMES, PUBLIC_METHODS } from '../core/contract/methods';
import { createBackend, type Backend } from './backend';
import { DEFAULT_MAX_BODY, MAX_BODY_BY_METHOD, maxBodyFor, startWebHost } from './web-host';

/*
 * A real web host on an ephemeral port, over a real (empty) console database, spoken to with node:http so
 * the tests control the raw path, the headers and how much of a body is sent.
 */

let dir: string;
let backend: Backend;
let server: Server;
let port: number;
/** The session of the tab that ran the first-run setup (a supervisor, 周敏). */
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-web-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  backend = createBackend({ dataDir: join(dir, 'data'), passwordParams: { N: 2 ** 10 } });
  ({ server } = await startWebHost({ backend, rendererDir, port: 0 }));
  port = (server.address() as { port: number }).port;
  const setUp = await send('POST', '/api/session.setUp', {
    body: json({ mode: 'empty', name: '周敏', password: 'zhoumin-pass', locale: 'zh-CN' }),
    token: null,
  });
  expect(setUp.json.ok).toBe(true);
  token = setUp.token!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

afterAll(async () => {
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  json: { ok: boolean; error?: { code: string; message: string } } & Record<string, unknown>;
  /** Body bytes the client had written when the answer's headers arrived. */
  sentBeforeAnswer: number;
  /** X-Session-Token: set on sign-in and setup, '' on sign-out, undefined otherwise. */
  token: string | undefined;
}

/**
 * Sends a request whose path is used byte for byte. `body` is written in 16 KB chunks, stopping as soon
 * as the answer arrives; `declaredLength` is sent as Content-Length (none: chunked).
 */
function send(
  method: string,
  path: string,
  options: { body?: Buffer; declaredLength?: number; origin?: string; token?: string | null } = {},
): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const headers: Record<string, string | number> = { host: `127.0.0.1:${port}`, 'content-type': 'application/json' };
    // The setup tab's session unless a test says otherwise (null: no Authorization header).
    const bearer = options.token === undefined ? token : options.token;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (options.declaredLength !== undefined) headers['content-length'] = options.declaredLength;
    if (options.origin) headers.origin = options.origin;
    let sent = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res: IncomingMessage) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const next = res.headers['x-session-token'];
        resolvePromise({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {}, sentBeforeAnswer, token: typeof next === 'string' ? next : undefined });
      });
      res.on('error', reject);
    });
    // Once the server has answered and closed, a client still writing sees EPIPE/ECONNRESET: expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const body = options.body;
    if (!body) return void req.end();
    const CHUNK = 16 * 1024;
    const writeNext = () => {
      if (answered || req.destroyed) return;
      if (sent >= body.length) {
        if (options.declaredLength === undefined || options.declaredLength === body.length) req.end();
        return; // a declared length longer than the body: hold the connection open, never finish
      }
      const chunk = body.subarray(sent, sent + CHUNK);
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(writeNext);
      else req.once('drain', writeNext);
    };
    writeNext();
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('web host: malformed %-escapes in the path', () => {
  it.each([
    ['GET', '/%E0%A4%A'],
    ['GET', '/assets/%ZZ.js'],
    ['POST', '/api/%ZZ'],
    ['GET', '/api/%ZZ'],
    ['POST', '/api/queue.list%E0%A4%A'],
  ])('%s %s answers a typed 400 BAD_INPUT, not a 500', async (method, path) => {
    const answer = await send(method, path, method === 'POST' ? { body: json({}) } : {});
    expect(answer.status).toBe(400);
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error?.code).toBe('BAD_INPUT');
    expect(answer.json.error?.message).toMatch(/%-escape/);
  });

  it('still serves good paths: static files, encoded names, /healthz and the API', async () => {
    expect((await send('GET', '/healthz')).status).toBe(200);
    const status = await send('POST', '/api/system.status', { body: json({}) });
    expect(status.status).toBe(200);
    expect(status.json.ok).toBe(true);
    const encoded = await send('POST', '/api/%73ystem.status', { body: json({}) });
    expect(encoded.json.ok).toBe(true);
  });

  it('checks the origin before anything else on /api', async () => {
    const answer = await send('POST', '/api/%ZZ', { body: json({}), origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
  });
});

describe('web host: request body limits per method', () => {
  it('gives every method the small default except the few that carry a file', () => {
    expect(DEFAULT_MAX_BODY).toBe(256 * 1024);
    expect(Object.keys(MAX_BODY_BY_METHOD).sort()).toEqual(['calendar.importYear', 'calendar.save', 'imports.start', 'scripts.import', 'scripts.saveDraft']);
    expect(maxBodyFor('queue.list')).toBe(DEFAULT_MAX_BODY);
    expect(maxBodyFor('toString')).toBe(DEFAULT_MAX_BODY);
    expect(maxBodyFor('no.such.method')).toBe(DEFAULT_MAX_BODY);
  });

  it('leaves room for the largest call the contract accepts on the file-carrying methods', () => {
    const maxLength = (method: keyof typeof contract, field: string) =>
      ((contract[method].input as unknown as z.ZodObject).shape[field] as z.ZodString).maxLength!;
    // base64: one byte a character; JSON text: up to 3 bytes a character (Chinese in UTF-8)
    expect(maxBodyFor('imports.start')).toBeGreaterThan(maxLength('imports.start', 'contentBase64'));
    expect(maxBodyFor('scripts.import')).toBeGreaterThan(3 * maxLength('scripts.import', 'json'));
    expect(maxBodyFor('calendar.importYear')).toBeGreaterThan(3 * maxLength('calendar.importYear', 'json'));
    expect(maxBodyFor('imports.start')).toBeLessThan(256 * 1024 * 1024);
  });

  it('answers 413 TOO_LARGE from the declared length, before reading the rest of the body', async () => {
    const declared = 10 * 1024 * 1024;
    // Only the first 64 KB are ever offered; the rest never comes, so only an early answer can end this.
    const answer = await send('POST', '/api/queue.list', { body: Buffer.alloc(64 * 1024, 0x20), declaredLength: declared });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(answer.json.error?.message).toContain('256 KB');
    expect(answer.sentBeforeAnswer).toBeLessThan(declared);
  });

  it('answers 413 TOO_LARGE to a chunked body once it passes the limit, and stops reading', async () => {
    const body = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const answer = await send('POST', '/api/settings.update', { body });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(answer.sentBeforeAnswer).toBeLessThan(body.length);
  });

  it('refuses a file-carrying method only past its own, larger limit', async () => {
    const limit = maxBodyFor('scripts.import');
    const answer = await send('POST', '/api/scripts.import', { body: Buffer.alloc(64 * 1024, 0x20), declaredLength: limit + 1 });
    expect(answer.status).toBe(413);
    expect(answer.json.error?.message).toContain('6 MB');
  });

  it('accepts calls above the default on the methods that carry files', async () => {
    // A 1 MB CSV: base64 makes it ~1.4 MB, far over the default, well inside imports.start's limit.
    const row = '张伟,13812345678,投诉回访,2026-11-24 10:00,2,Asia/Shanghai,回访\n';
    const csv = Buffer.from(`姓名,手机号,回访原因,预约时间,优先级,时区,备注\n${row.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(row)))}`);
    const start = await send('POST', '/api/imports.start', { body: json({ fileName: 'big.csv', contentBase64: csv.toString('base64') }) });
    expect(start.status).toBe(200);
    expect(start.json.error?.code).not.toBe('TOO_LARGE');

    // A 1,000,000-character script export (Chinese: ~3 MB on the wire) reaches the contract's own checks.
    const script = json({ json: JSON.stringify({ title: '问'.repeat(1_000_000) }) });
    expect(script.length).toBeGreaterThan(2_900_000);
    const imported = await send('POST', '/api/scripts.import', { body: script });
    expect(imported.status).toBe(200);
    expect(imported.json.error?.code).not.toBe('TOO_LARGE');
  });

  it('still answers ordinary calls after refusing large ones', async () => {
    const answer = await send('POST', '/api/system.status', { body: json({}) });
    expect(answer.status).toBe(200);
    expect(answer.json.ok).toBe(true);
  });
});

describe('web host: a session token on /api', () => {
  it('answers 401 UNAUTHENTICATED to every method but the public few without a valid token, before reading the body', async () => {
    for (const method of METHOD_NAMES) {
      for (const bearer of [null, 'not-a-real-token']) {
        const answer = await send('POST', `/api/${method}`, { body: json({}), token: bearer });
        if (PUBLIC_METHODS.has(method)) {
          expect(answer.status, method).not.toBe(401);
        } else {
          expect(answer.status, method).toBe(401);
          expect(answer.json, method).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
        }
      }
    }
    expect([...PUBLIC_METHODS].sort()).toEqual(['session.get', 'session.setLocale', 'session.setUp', 'session.signIn', 'sync.connect', 'system.status']);
    // A signed-out tab learns only that the console is set up, not who works on it.
    const get = await send('POST', '/api/session.get', { body: json({}), token: null });
    expect(get.json).toMatchObject({ ok: true, value: { setUp: true, users: [], currentUser: null } });
  });

  it('two tabs signed in as two people act as two people; signing one out leaves the other', async () => {
    const add = await send('POST', '/api/users.create', { body: json({ name: '王芳', role: 'agent', password: 'wangfang-pass' }) });
    expect(add.json.ok).toBe(true);
    const wrong = await send('POST', '/api/session.signIn', { body: json({ login: '王芳', password: 'nope-nope' }), token: null });
    expect(wrong.status).toBe(200);
    expect(wrong.json.error?.code).toBe('UNAUTHENTICATED');
    expect(wrong.token).toBeUndefined();
    const tabA = (await send('POST', '/api/session.signIn', { body: json({ login: '周敏', password: 'zhoumin-pass' }), token: null })).token!;
    const tabB = (await send('POST', '/api/session.signIn', { body: json({ login: ' 王芳 ', password: 'wangfang-pass' }), token: null })).token!;
    expect(tabA).not.toBe(tabB);
    const me = async (t: string) =>
      ((await send('POST', '/api/session.get', { body: json({}), token: t })).json.value as { currentUser: { name: string } | null }).currentUser?.name;
    expect(await me(tabA)).toBe('周敏');
    expect(await me(tabB)).toBe('王芳');
    // The same call, two people: the agent may not change the queue rules, the supervisor may.
    const settings = (await send('POST', '/api/settings.get', { body: json({}), token: tabA })).json.value;
    expect((await send('POST', '/api/settings.update', { body: json(settings), token: tabB })).json.error?.code).toBe('FORBIDDEN');
    expect((await send('POST', '/api/settings.update', { body: json(settings), token: tabA })).json.ok).toBe(true);
    const out = await send('POST', '/api/session.signOut', { body: json({}), token: tabA });
    expect(out.token).toBe('');
    expect((await send('POST', '/api/queue.summary', { body: json({}), token: tabA })).status).toBe(401);
    expect((await send('POST', '/api/queue.summary', { body: json({}), token: tabB })).status).toBe(200);
    expect(await me(tabB)).toBe('王芳');
  });

  it('limits failed sign-ins per login: the sixth try within 15 minutes is RATE_LIMITED, even with the right password', async () => {
    await send('POST', '/api/users.create', { body: json({ name: '李静', role: 'agent', password: 'lijing-pass' }) });
    for (let i = 0; i < 5; i++) {
      const r = await send('POST', '/api/session.signIn', { body: json({ login: '李静', password: `wrong-${i}` }), token: null });
      expect(r.json.error?.code).toBe('UNAUTHENTICATED');
    }
    const limited = await send('POST', '/api/session.signIn', { body: json({ login: '李静', password: 'lijing-pass' }), token: null });
    expect(limited.json.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.token).toBeUndefined();
  });
});
