import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FaqExportFile } from '../core/contract/views-faq';
import { FAQ_FORMATS, parseFaqFormat } from '../core/faq/export';
import { createBackend } from './backend';
import { clockFromEnv } from './host-options';
import { CliSignInError, signInForCli } from './cli-auth';

/*
 * `npm run console -- export-faq`: the published FAQ to a file. The file appears whole or not at all:
 * it is written to a temporary file in the same folder (same file system, so the rename is atomic),
 * flushed, then renamed over the target. A help centre pulling the file mid-export never sees half of it.
 */

export interface ExportFaqArgs {
  format: string | undefined;
  out: string | undefined;
  locale: string | undefined;
  category: string | undefined;
  dataDir: string;
  /** Who exports (a console user); the password comes from CONSOLE_PASSWORD or a prompt. */
  user?: string;
}

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const LOCALES: Record<string, ('zh-CN' | 'en')[]> = {
  'zh-cn': ['zh-CN'],
  zh: ['zh-CN'],
  en: ['en'],
  both: ['zh-CN', 'en'],
};

/** Why a write failed, in words a person at a shell can act on. */
function writeProblem(path: string, error: NodeJS.ErrnoException): string {
  const dir = dirname(path);
  switch (error.code) {
    case 'ENOENT':
      return `the folder ${dir} does not exist`;
    case 'ENOTDIR':
      return `${dir} is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write in ${dir}`;
    case 'EROFS':
      return `${dir} is on a read-only file system`;
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return `${path} is a folder`;
    default:
      return error.code ?? error.message;
  }
}

/** Writes `content` to `path` atomically; on any failure nothing is left behind and the old file (if any) is untouched. */
export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, content, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // Never created (the folder is missing or unwritable): nothing to clean up.
    }
    throw error;
  }
}

/** Runs the command; returns the process exit code (0 written, 1 anything else). */
export async function exportFaqCommand(args: ExportFaqArgs, out: Output): Promise<number> {
  if (!args.format) return usage(out, 'Which format? --format md|html|csv|json');
  const format = parseFaqFormat(args.format);
  if (!format) return usage(out, `“${args.format}” is not a format. Use one of: ${FAQ_FORMATS.join(', ')}.`);
  if (!args.out) return usage(out, 'Where to? --out FILE');
  const locales = LOCALES[(args.locale ?? 'both').toLowerCase()];
  if (!locales) return usage(out, `“${args.locale}” is not a language choice. Use zh-CN, en or both.`);

  const backend = createBackend({ dataDir: resolve(args.dataDir), clock: clockFromEnv() });
  try {
    if (!backend.context) {
      const status = (await backend.invoke('system.status', {})) as { ok: true; value: { db: { message?: string } } };
      out.error(`The console database cannot be opened: ${status.value.db.message ?? 'unknown error'}`);
      return 1;
    }
    let session: { token: string | null } | undefined;
    try {
      session = (await signInForCli(backend, backend.context, args.user, 'export-faq')).session;
    } catch (error) {
      if (!(error instanceof CliSignInError)) throw error;
      out.error(error.message);
      return error.exitCode;
    }
    const result = await backend.invoke('faq.export', { format, locales, ...(args.category ? { category: args.category } : {}) }, session);
    if (!result.ok) {
      out.error(`${result.error.code}: ${result.error.message}`);
      return 1;
    }
    const file = result.value as FaqExportFile;
    const target = resolve(args.out);
    try {
      writeFileAtomic(target, file.content);
    } catch (error) {
      out.error(`Cannot write ${target}: ${writeProblem(target, error as NodeJS.ErrnoException)}. Nothing was written.`);
      return 1;
    }
    out.log(
      [
        `wrote:     ${target}`,
        `format:    ${format} (${file.mimeType})`,
        `languages: ${locales.join(', ')}`,
        `category:  ${args.category ?? 'all'}`,
        `entries:   ${file.count}`,
        `size:      ${Buffer.byteLength(file.content, 'utf8')} bytes`,
      ].join('\n'),
    );
    return 0;
  } finally {
    backend.close();
  }
}

function usage(out: Output, message: string): number {
  out.error(`${message}\n\nUsage: npm run console -- export-faq --format md|html|csv|json --out FILE [--locale zh-CN|en|both] [--category KEY] [--data-dir DIR]`);
  return 1;
}
