import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { teamRows } from './rows';

/*
 * The PouchDB contender's server in its own process: express-pouchdb over a leveldb PouchDB holding the
 * same customers and callbacks as documents (`customers/<id>`, `callbacks/<id>`, the row's columns as
 * fields), loaded once with bulkDocs and cached in bench/.out/cache (keyed by the row count). Reports
 * its URL, then answers `bytes` (on the wire, headers included) and `close` over IPC.
 */

const require = createRequire(import.meta.url);
type PouchStatic = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const PouchDB = require('pouchdb') as PouchStatic;
const expressPouchDB = require('express-pouchdb') as (p: PouchStatic, o: object) => (req: unknown, res: unknown) => void;

const { rows: n, now, cacheDir } = JSON.parse(process.argv[2]!) as { rows: number; now: number; cacheDir: string };
const dir = join(cacheDir, `pouch-${n}-v1`);
let loadMs = 0;
if (!existsSync(join(dir, 'loaded.json'))) {
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const t = performance.now();
  const db = new PouchDB(join(building, 'bench'));
  const rows = teamRows(n, now);
  for (const [table, list] of [
    ['customers', rows.customers],
    ['callbacks', rows.callbacks],
  ] as const) {
    for (let i = 0; i < list.length; i += 1000) {
      await db.bulkDocs(list.slice(i, i + 1000).map(({ id, ...r }) => ({ _id: `${table}/${String(id)}`, table, ...r })));
    }
  }
  await db.close();
  loadMs = performance.now() - t;
  writeFileSync(join(building, 'loaded.json'), JSON.stringify({ rows: n, loadMs }));
  renameSync(building, dir);
}

const Prefixed = PouchDB.defaults({ prefix: `${dir}/` });
const app = expressPouchDB(Prefixed, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(cacheDir, 'pouch-log.txt') });
const server = createServer(app as Parameters<typeof createServer>[1]);
const sockets = new Set<Socket>();
let closed = { rx: 0, tx: 0 };
server.on('connection', (s: Socket) => {
  sockets.add(s);
  s.on('close', () => {
    closed = { rx: closed.rx + s.bytesRead, tx: closed.tx + s.bytesWritten };
    sockets.delete(s);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const info = await new Prefixed('bench').info();
process.send!({ type: 'ready', ready: { url: `http://127.0.0.1:${port}/bench`, docs: info.doc_count, loadMs } });

let cpuMark = process.cpuUsage();
process.on('message', (m: { id: number; cmd: string }) => {
  const bytes = () => {
    let { rx, tx } = closed;
    for (const s of sockets) {
      rx += s.bytesRead;
      tx += s.bytesWritten;
    }
    return { rx, tx };
  };
  if (m.cmd === 'close') {
    server.close();
    for (const s of sockets) s.destroy();
    process.send!({ type: 'reply', id: m.id, value: null }, () => process.exit(0));
    return;
  }
  if (m.cmd === 'mark') cpuMark = process.cpuUsage();
  const cpu = process.cpuUsage(cpuMark);
  process.send!({ type: 'reply', id: m.id, value: m.cmd === 'timing' ? { routes: {}, cpuMs: (cpu.user + cpu.system) / 1000, bytes: bytes() } : bytes() });
});
