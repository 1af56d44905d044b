/** Types for scripts/electron-runtime.mjs (plain JavaScript so `npm start` needs no build step). */
type Env = Record<string, string | undefined>;
type Out = NodeJS.WritableStream & { isTTY?: boolean };

export type Found = { ok: true; binary: string } | { ok: false; reason: string; packageMissing?: boolean };

export function findElectronBinary(root: string, env?: Env): Found;
export function defaultInstallCommand(root: string): string[];
export function runInstaller(options: {
  command: string[];
  cwd: string;
  env?: Env;
  out?: Out;
  progressEveryMs?: number;
}): Promise<{ ok: true } | { ok: false; reason: string }>;
export function ensureElectronRuntime(options: {
  root: string;
  env?: Env;
  installCommand?: string[];
  out?: Out;
  progressEveryMs?: number;
}): Promise<Found & { installed?: boolean }>;
export function printMissingRuntime(reason: string, out?: NodeJS.WritableStream): void;
