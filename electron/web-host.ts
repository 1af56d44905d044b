import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PUBLIC_METHODS, type MethodName } from '../core/contract/methods';
import { fail } from '../core/contract/result';
import type { Backend } from './backend';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Same policy as the Electron window (electron/security.ts), sent as a header here. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Every call but the few that carry a file: far above the largest form (a FAQ entry in two languages). */
export const DEFAULT_MAX_BODY = 256 * 1024;
/** Room for the JSON around a file-sized field (its name, the file name, escapes). */
const ENVELOPE = 64 * 1024;
/**
 * The methods that carry a file, and what their largest real call needs, from the contract's own limits
 * (core/contract). A JSON text field of n characters is at most ~3n bytes on the wire (UTF-8 Chinese; an
 * escaped quote or newline is 2); base64 is one byte per character.
 */
export const MAX_BODY_BY_METHOD: Partial<Record<MethodName, number>> = {
  // contentBase64 ≤ 200,000,000 characters
  'imports.start': 200_000_000 + ENVELOPE,
  // json ≤ 2,000,000 characters; the draft an imported script becomes must be savable too
  'scripts.import': 3 * 2_000_000 + ENVELOPE,
  'scripts.saveDraft': 3 * 2_000_000 + ENVELOPE,
  // json ≤ 1,000,000 characters; the calendar editor saves what an imported year adds
  'calendar.importYear': 3 * 1_000_000 + ENVELOPE,
  'calendar.save': 3 * 1_000_000 + ENVELOPE,
};

export function maxBodyFor(method: string): number {
  return Object.hasOwn(MAX_BODY_BY_METHOD, method) ? MAX_BODY_BY_METHOD[method as MethodName]! : DEFAULT_MAX_BODY;
}

class BodyTooLarge extends Error {}

const badPath = () => fail('BAD_INPUT', 'The address is not valid: it has a broken %-escape.');

/** decodeURIComponent without the URIError: undefined for a malformed %-escape such as `%ZZ` or `%E0%A4%A`. */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

export interface WebHostOptions {
  backend: Backend;
  rendererDir: string;
  port: number;
  host?: string;
}

/**
 * Serves the built renderer and the contract over HTTP on loopback: POST /api/<method> with a JSON
 * body answers the same Result the IPC bridge does. Requests from other origins are refused, so a web
 * page the user happens to visit cannot drive the console (no CORS, Host and Origin checked).
 */
export function startWebHost(options: WebHostOptions): Promise<{ server: Server; url: string }> {
  const host = options.host ?? '127.0.0.1';
  const root = resolve(options.rendererDir);
  // Known once listening; Host and Origin must name this exact loopback port (DNS-rebinding guard).
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[web-host]', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The web host failed.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Unknown host.' } });
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin && !allowedHosts.has(origin.replace(/^https?:\/\//, ''))) {
        return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Requests from other sites are refused.' } });
      }
      const method = decodePath(url.pathname.slice('/api/'.length));
      if (method === undefined) return sendJson(res, 400, badPath());
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Use POST.' } });
      // A session token on every call but the few a signed-out tab makes (PUBLIC_METHODS); checked before the body is read.
      const token = bearerToken(req);
      const backend = options.backend;
      if (!PUBLIC_METHODS.has(method as MethodName) && (!backend.context || backend.auth.resolve(backend.context.db, token) === null)) {
        if (backend.context) return refuseUnauthenticated(req, res);
      }
      const limit = maxBodyFor(method);
      // Refused before a byte of the body is read when the client says up front how much it will send.
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > limit) return refuseTooLarge(req, res, method, limit);
      let input: unknown;
      try {
        const body = await readBody(req, limit);
        input = body.length ? JSON.parse(body) : {};
      } catch (error) {
        if (error instanceof BodyTooLarge) return refuseTooLarge(req, res, method, limit);
        return sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' } });
      }
      const session = { token };
      const result = await backend.invoke(method, input, session);
      // Sign-in and setup hand the tab its token, sign-out takes it away; the tab keeps it in sessionStorage.
      const headers: Record<string, string> = session.token !== token ? { 'x-session-token': session.token ?? '' } : {};
      const status = !result.ok && result.error.code === 'UNAUTHENTICATED' && !PUBLIC_METHODS.has(method as MethodName) ? 401 : 200;
      return sendJson(res, status, result, headers);
    }
    const pathname = decodePath(url.pathname);
    if (pathname === undefined) return sendJson(res, 400, badPath());
    return serveStatic(pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const safe = normalize(pathname).replace(/^([/\\])+/, '');
    let file = join(root, safe);
    if (!file.startsWith(root + sep) && file !== root) return void res.writeHead(404).end();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The console UI has not been built. Run `npm run web` (it builds first).');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      const { port } = server.address() as { port: number };
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolvePromise({ server, url: `http://${host}:${port}` });
    });
  });
}

/**
 * Answers 413 and reads no more of the body: the connection is closed once the answer is out, so a
 * client still sending learns at once instead of uploading the rest for nothing.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, method: string, limit: number): void {
  req.pause();
  const text = JSON.stringify(
    fail('TOO_LARGE', `The request is too large for ${method.slice(0, 80)}: at most ${formatBytes(limit)}.`, { limit }),
  );
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(text, () => req.socket.destroy());
}

/** `Authorization: Bearer <token>`, or null. */
function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** 401 without reading the body (a large upload from a signed-out tab is not read for nothing). */
function refuseUnauthenticated(req: IncomingMessage, res: ServerResponse): void {
  req.pause();
  const text = JSON.stringify(fail('UNAUTHENTICATED', 'Sign in first: this call needs a signed-in session.'));
  res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'www-authenticate': 'Bearer', connection: 'close' });
  res.end(text, () => req.socket.destroy());
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}
