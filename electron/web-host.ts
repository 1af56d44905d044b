import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
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

const MAX_BODY = 256 * 1024 * 1024;

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
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Use POST.' } });
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' } });
      }
      return sendJson(res, 200, await options.backend.invoke(method, input));
    }
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const safe = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
