import { createHash } from 'node:crypto';
import { copyFileSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../../electron/backend';
import { DB_FILE_NAME } from '../../db/open';
import type { SessionInfo } from '../../core/contract/views';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(REPO, 'bench', '.out');

/** Monday 2026-11-23 10:00 in Shanghai: inside the calling window of every mainland customer. */
export const T0 = Date.parse('2026-11-23T10:00:00+08:00');

export function freshDir(...parts: string[]): string {
  const dir = join(OUT, ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const dbFile = (dataDir: string) => join(dataDir, DB_FILE_NAME);

/** Copies a (checkpointed, closed) database into a fresh data folder; reflinks where the disk allows. */
export function copyDatabase(fromDataDir: string, toDataDir: string): void {
  mkdirSync(toDataDir, { recursive: true });
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile(toDataDir) + suffix, { force: true });
  copyFileSync(dbFile(fromDataDir), dbFile(toDataDir), constants.COPYFILE_FICLONE);
}

/** Hash of every file under the given repo folders, so a cached database follows code changes. */
export function hashSources(folders: string[], filter: (path: string) => boolean = () => true): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (filter(path)) h.update(relative(REPO, path)).update(readFileSync(path));
    }
  };
  for (const f of folders) walk(join(REPO, f));
  return h.digest('hex');
}

export interface BenchConsole {
  backend: Backend;
  /** The pinned clock every service reads; the bench moves it. */
  clock: { now: number };
}

export function openConsole(dataDir: string, start = T0, create: typeof createBackend = createBackend): BenchConsole {
  const clock = { now: start };
  const backend = create({ dataDir, clock: () => clock.now });
  if (!backend.context) throw new Error(`bench: could not open the console database in ${dataDir}`);
  return { backend, clock };
}

/** The session the bench acts in, per back end (one tab: setUp signs it in; actAs switches who it is). */
const sessions = new WeakMap<Backend, { token: string | null }>();
export function sessionOf(backend: Backend): { token: string | null } {
  let s = sessions.get(backend);
  if (!s) sessions.set(backend, (s = { token: null }));
  return s;
}

/** Acts as this user from now on (a session opened directly, as the CLI does after its sign-in). */
export function actAs(backend: Backend, userId: string): void {
  sessionOf(backend).token = backend.auth.open(userId);
}

/** Unwraps a backend Result, failing the bench loudly (a failed call would make every figure wrong). */
export async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.invoke(method, input, sessionOf(backend));
  if (!result.ok) throw new Error(`bench: ${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const BENCH_PASSWORD = 'bench-password';

/**
 * First run of an empty console, as the setup screen does it (the first supervisor, 组长), then the agent
 * 王晓明 the benches act as. Colleagues are added with addUser.
 */
export async function setUpEmpty(backend: Backend): Promise<SessionInfo> {
  await call<SessionInfo>(backend, 'session.setUp', { mode: 'empty', name: '组长', password: BENCH_PASSWORD, locale: 'zh-CN' });
  const info = await call<SessionInfo>(backend, 'users.create', { name: '王晓明', role: 'agent', password: BENCH_PASSWORD });
  actAs(backend, info.users.find((u) => u.name === '王晓明')!.id);
  return call<SessionInfo>(backend, 'session.get', {});
}

/** Adds a colleague as the first supervisor (who may add anyone); the bench keeps acting as before. */
export async function addUser(backend: Backend, name: string, role: 'agent' | 'supervisor'): Promise<void> {
  const first = (await call<SessionInfo>(backend, 'session.get', {})).users.find((u) => u.role === 'supervisor')!;
  const result = await backend.invoke('users.create', { name, role, password: BENCH_PASSWORD }, { token: backend.auth.open(first.id) });
  if (!result.ok) throw new Error(`bench: users.create failed: ${result.error.code} ${result.error.message}`);
}
