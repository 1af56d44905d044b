import Database from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, dbFile, OUT, REPO, T0 } from './lib/env';
import { generateCsv } from './lib/csv-gen';
import { consoleModules } from './lib/modules';
import { printListPlans, printNextPlans, printNight, printPass } from './lib/report';
import { fmtInt, fmtMs, log, peakRssMb, rssMb } from './lib/stats';
import { describeImport, measureImport, rawInsert, validateParts, type ImportResult } from './sections/import';
import { measureNextCallback, measureNight, NIGHT, type NextCallbackResult, type NightResult } from './sections/next-callback';
import { measureQueueDepth, measureQueueList, type DepthResult, type ListResult } from './sections/queue-list';

/**
 * One section of the bench in its own process (started by bench/run.ts), so each section's memory
 * figures are its own and a section's garbage does not pause the next one. Prints its details and
 * writes its figures as JSON for the summary.
 */

export interface ListSection {
  small: ListResult;
  big: ListResult;
  depth: DepthResult[];
  rss: string;
}

export interface NextSection {
  pass: NextCallbackResult;
  night: NightResult;
  rss: { afterOpenAndLoop: string; peak: string };
}

const [section, argsJson, outFile] = process.argv.slice(2);
const args = JSON.parse(argsJson ?? '{}') as Record<string, unknown>;
let result: unknown;

if (section === 'next') {
  const seedDir = String(args.seedDir);
  const iterations = Number(args.iterations);
  const dir = workCopy(seedDir, 'next-current');
  checkIndexes(dir);
  const pass = await measureNextCallback(consoleModules, dir, iterations, 'current code');
  const afterOpenAndLoop = rssMb();
  printPass(pass);
  printNextPlans(dir);
  // At night, on a fresh copy: most customers are outside their calling window.
  log('\n  Next at 23:00 Asia/Shanghai, on a fresh copy of the seed:');
  const nightDir = workCopy(seedDir, 'next-night');
  const night = await measureNight(consoleModules, nightDir, NIGHT, 200, Math.min(iterations, 200));
  rmSync(nightDir, { recursive: true, force: true }); // a 1M-row copy
  printNight(night);
  const out: NextSection = { pass, night, rss: { afterOpenAndLoop, peak: peakRssMb() } };
  result = out;
} else if (section === 'import') {
  const bytes = readFileSync(String(args.csvFile));
  // The measured import first, in a fresh process: its memory figures are the console's own.
  const base = await measureImport(consoleModules, bytes, 'current code', 'import');
  const parts = validateParts(bytes);
  const raw = rawInsert(generateCsv(Number(args.rows), Number(args.seed), T0).rows);
  const r: ImportResult = { ...base, rawMs: raw.ms, rawRows: raw.rows, parts };
  for (const line of describeImport(r)) log(line);
  result = r;
} else if (section === 'list') {
  const small = await measureQueueList(consoleModules, String(args.dir100k), [0, 90_000], 10);
  for (const p of small.pages) log(`  100k db (the import's), offset ${fmtInt(p.offset)}: p50 ${fmtMs(p.stat.p50)}, max ${fmtMs(p.stat.max)} (${p.rows} rows of ${fmtInt(p.total)} open)`);
  log(`    of which the page's count(*) alone: p50 ${fmtMs(small.countOnly.p50)}`);
  printListPlans(String(args.dir100k));
  const big = await measureQueueList(consoleModules, String(args.dir1m), [0, 90_000], 3);
  for (const p of big.pages) log(`  1M db (after the loop), offset ${fmtInt(p.offset)}: p50 ${fmtMs(p.stat.p50)}, max ${fmtMs(p.stat.max)} (${p.rows} rows of ${fmtInt(p.total)} open)`);
  log(`    of which the page's count(*) alone: p50 ${fmtMs(big.countOnly.p50)}`);
  const depth = await queueDepth(String(args.dir1m));
  const out: ListSection = { small, big, depth, rss: rssMb() };
  result = out;
} else if (section === 'queue') {
  // npm run bench -- --only queue: the queue.list pages at depth alone, on a fresh copy of the seed.
  const dir = workCopy(String(args.seedDir), 'queue-depth');
  const depth = await queueDepth(dir);
  rmSync(dir, { recursive: true, force: true });
  result = { depth };
} else {
  throw new Error(`bench worker: unknown section ${section}`);
}
writeFileSync(outFile!, JSON.stringify(result));

/** Per-page times at depth for every sort and several filters (bench/sections/queue-list.ts), printed. */
async function queueDepth(dir: string): Promise<DepthResult[]> {
  log(`\n  queue.list at depth, 1M db: pages of 200; the deep page by the cursor of the rows before it (as scrolling on reaches it)`);
  const depth = await measureQueueDepth(consoleModules, dir, 90_000, 5);
  for (const d of depth) {
    log(
      `    ${d.label.padEnd(34)} ${fmtInt(d.total).padStart(9)} rows  first page p50 ${fmtMs(d.first.p50).padStart(8)}  ` +
        `row ${fmtInt(d.depth).padStart(6)} by cursor p50 ${fmtMs(d.deep.p50).padStart(8)} (max ${fmtMs(d.deep.max).padStart(8)})  ` +
        `count ${fmtMs(d.countOnly.p50)} (first ${fmtMs(d.countColdMs)})  walk there ${fmtMs(d.walkMs)}` +
        (d.jumpMs === null ? '' : `  [the same page by offset: ${fmtMs(d.jumpMs)}]`),
    );
  }
  return depth;
}

/** A fresh copy of the cached seed to mutate. */
function workCopy(seedDir: string, name: string): string {
  const dir = join(OUT, 'work', name);
  const t0 = performance.now();
  copyDatabase(seedDir, dir);
  log(`  ${name}: working copy of the seed ${fmtMs(performance.now() - t0)}`);
  return dir;
}

/** Fails loudly when the measured file lacks an index a migration creates (a seed built before it). */
function checkIndexes(dataDir: string): void {
  const migrations = join(REPO, 'db', 'migrations');
  const declared = readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) => [...readFileSync(join(migrations, f), 'utf8').matchAll(/CREATE (?:UNIQUE )?INDEX [`"]?(\w+)/g)].map((m) => m[1]!));
  const db = new Database(dbFile(dataDir), { readonly: true });
  const present = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name));
  db.close();
  const missing = declared.filter((n) => !present.has(n));
  if (missing.length) throw new Error(`bench: the measured database lacks ${missing.join(', ')}; rebuild it with --fresh`);
  log(`  indexes: all ${declared.length} that the migrations create are present${declared.includes('callbacks_lease') ? ' (callbacks_lease among them)' : ''}`);
}
