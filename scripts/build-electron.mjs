#!/usr/bin/env node
/**
 * Bundles the Electron side with esbuild:
 *   electron/main.ts    → dist-electron/main.cjs     (Node/CJS; electron and better-sqlite3 stay external)
 *   electron/preload.ts → dist-electron/preload.cjs  (CJS for a *sandboxed* preload: only `electron` may be required)
 *
 * Usage: node scripts/build-electron.mjs
 */
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-electron');

/** Modules a sandboxed preload can `require` (Electron's sandbox polyfills only these). */
const SANDBOX_REQUIRABLE = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  tsconfig: join(root, 'tsconfig.node.json'),
};

async function main() {
  await rm(outdir, { recursive: true, force: true });

  await build({
    ...common,
    entryPoints: { main: 'electron/main.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    external: ['electron', 'better-sqlite3'],
    // Code written as ESM (e.g. db/open.ts) may read `import.meta.url`; in a CJS bundle that would
    // be empty, so give it this file's real URL instead.
    // ('use strict' first, so the bundle stays in strict mode despite the banner.)
    banner: { js: "'use strict';\nconst __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
  });

  await build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  });

  // Guard the sandbox: if anything other than electron got required, the preload would fail to
  // load at runtime with `sandbox: true` — fail the build instead.
  const preloadPath = join(outdir, 'preload.cjs');
  const preload = await readFile(preloadPath, 'utf8');
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const forbidden = required.filter((name) => !SANDBOX_REQUIRABLE.has(name));
  if (forbidden.length > 0) {
    throw new Error(
      `${relative(root, preloadPath)} requires ${forbidden.join(', ')}; a sandboxed preload may only require electron. ` +
        'Keep the preload free of Node modules and zod.',
    );
  }

  console.log(`built ${relative(root, join(outdir, 'main.cjs'))} and ${relative(root, preloadPath)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
