import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OUT, REPO, T0 } from './lib/env';
import { generateCsv } from './lib/csv-gen';
import { statRow } from './lib/report';
import { cachedSeed, DEFAULT_SEED, type SeedInfo } from './lib/seed-db';
import { fmtInt, fmtMb, fmtMs, fmtX, log, mark, renderTable, type TableRow } from './lib/stats';
import type { ImportResult } from './sections/import';
import { runQuestionnaireBench } from './questionnaire';
import { measureSla, SLA_GOAL_MS } from './sections/sla';
import { measureSlaFromDb } from './sections/sla-db';
import { runReportsBench } from './sections/reports';
import { runServerApplyBench } from './server-apply';
import { runSyncBench } from './sync';
import type { DepthResult } from './sections/queue-list';
import type { ListSection, NextSection } from './worker';

/*
 * npm run bench [-- --fresh] [-- --iterations N]
 *
 * Figures, not assertions: each goal is printed next to its figure with ✓ or ✗. Data lives in
 * bench/.out (gitignored). The 1M-callback seed database is cached there under a key made of its
 * parameters and of the sources that shape it (core/demo, core/rules, db/migrations): it is rebuilt
 * only when one of those changes, or with --fresh. Each section runs in its own process (bench/worker.ts)
 * so its memory figures are its own.
 */

const { values: opts } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    iterations: { type: 'string', default: '1000' },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  log('npm run bench [-- --fresh] [-- --iterations N]');
  log('  --fresh         rebuild the cached 1M-callback database');
  log('  --iterations N  measured next/outcome iterations (default 1000)');
  log('  --only queue    only queue.list pages at depth (every sort, several filters) on the 1M database');
  process.exit(0);
}
if (opts.only !== undefined && opts.only !== 'queue') {
  log(`bench: --only knows one section, queue (not "${opts.only}")`);
  process.exit(2);
}
const ITERATIONS = Math.max(100, Number(opts.iterations) || 1000);
const GOAL = { nextP99Ms: 2, pickOverFloor: 5, importMs: 5_000, importOverRaw: 3 };
const CSV = { rows: 100_000, seed: 20261123 };
const started = performance.now();
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadAtStart = load();
const busyAtStart = busyShare();

const sqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
log(`Callback Console bench — node ${process.version}, SQLite ${sqliteVersion}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
log(`Clock pinned at ${new Date(T0).toISOString()} (Mon 2026-11-23 10:00 Asia/Shanghai); ${ITERATIONS} measured iterations.`);
log(`Other processes used ${pct(busyAtStart)} of the CPUs just before the start (load average ${loadAtStart}).`);
if (busyAtStart > 0.15) log('! This machine is busy with other work: tail latencies (p99, max) will be noisy.');

if (opts.only === 'queue') {
  log('\nqueue.list at depth with 1,000,000 callbacks');
  const seed = ensureSeedInChild();
  runWorker<{ depth: DepthResult[] }>('queue', { seedDir: seed.dataDir });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------
log('\n[1/3] Next callback and record outcome with 1,000,000 callbacks');
const seed = ensureSeedInChild();
const s = seed.info;
log(
  `  seed: ${fmtInt(s.callbacks)} callbacks (${fmtInt(s.openCallbacks)} open), ${fmtInt(s.customers)} customers, ${fmtInt(s.attempts)} attempts, ` +
    `${fmtInt(s.dncEntries)} DNC entries, ${fmtMb(s.fileBytes)}; built in ${(s.buildMs / 1000).toFixed(1)} s${seed.built ? '' : ' (cached; --fresh rebuilds)'}`,
);
const next = runWorker<NextSection>('next', { seedDir: seed.dataDir, iterations: ITERATIONS });

// ---------------------------------------------------------------------------------------------------
log('\n[2/3] Import of a 100,000-row CSV into an empty console');
const t = performance.now();
const csv = generateCsv(CSV.rows, CSV.seed, T0);
const csvFile = join(OUT, 'import', 'callbacks-100k.csv');
mkdirSync(join(OUT, 'import'), { recursive: true });
writeFileSync(csvFile, csv.bytes);
log(
  `  ${csvFile.slice(REPO.length + 1)}: ${fmtInt(csv.counts.rows)} rows, ${(csv.bytes.length / 1024 / 1024).toFixed(1)} MB (UTF-8 BOM, CRLF): ` +
    `${fmtInt(csv.counts.distinctPhones)} new phones, ${fmtInt(csv.counts.repeatCustomers)} rows for a customer already in the file, ` +
    `${fmtInt(csv.counts.duplicates)} pasted-twice rows, ${fmtInt(csv.counts.invalid)} broken rows (generated in ${fmtMs(performance.now() - t)})`,
);
const imp = runWorker<ImportResult>('import', { csvFile, ...CSV });

// ---------------------------------------------------------------------------------------------------
log('\n[3/3] queue.list: default filter and sort, limit 200');
const list = runWorker<ListSection>('list', { dir100k: imp.dataDir, dir1m: join(OUT, 'work', 'next-current') });
rmSync(join(OUT, 'work', 'next-current'), { recursive: true, force: true }); // a 1M-row copy; the cached seed stays
log('\n--- questionnaire: visibility after each answer, 60-question script ---');
const survey = runQuestionnaireBench();
log('\n--- SLA: recompute every ticket\'s state from its events ---');
const sla = measureSla();
log(`  ${fmtInt(sla.tickets)} tickets × ${sla.events / sla.tickets} events; levels ${Object.entries(sla.levels).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}`);
const slaDb = measureSlaFromDb(join(OUT, 'work', 'sla'));
log(`  the same events in a console database: loaded in ${fmtMs(slaDb.loadMs)}`);

log('\n--- supervisor reports over 1,000,000 call attempts and 100,000 tickets ---');
await runReportsBench(opts.fresh);

log('\n--- central server: one console\'s day of mutations applied on SQLite, PGlite and PostgreSQL; sign-in ---');
await runServerApplyBench();

log('\n--- sync: first sync of 100,000 callbacks + customers (vs PouchDB and a plain paged copy), offline burst, propagation ---');
await runSyncBench();

// ---------------------------------------------------------------------------------------------------
log('\n=== Summary ===');
const rows: TableRow[] = [];
const r = next.pass;
const svc = r.pickService.p99 / r.floor.p99;
const sql = r.pickSql.p99 / r.floor.p99;
rows.push({ label: `next callback, 1M callbacks, 10:00 Shanghai${r.iterations === ITERATIONS ? '' : ` (${r.iterations} iterations)`}`, cells: [] });
rows.push(statRow('  takeNext (pick + lease + detail)', r.takeNext, `goal p99 ≤ ${GOAL.nextP99Ms} ms ${mark(r.takeNext.p99 <= GOAL.nextP99Ms)}`));
rows.push(statRow('  pick only (pickNext: SQL + guard)', r.pickService, `pick/floor p99 = ${fmtX(svc)}  goal ≤ ${GOAL.pickOverFloor}× ${mark(svc <= GOAL.pickOverFloor)}`));
rows.push(statRow('  pick SQL only (pickNextCandidate)', r.pickSql, `sql/floor p99 = ${fmtX(sql)}  goal ≤ ${GOAL.pickOverFloor}× ${mark(sql <= GOAL.pickOverFloor)}`));
rows.push(statRow('  floor (bare indexed query)', r.floor));
rows.push(statRow('  detail view (profile + history)', r.detail));
rows.push(statRow('  recordOutcome (mixed dispositions)', r.recordOutcome));
const n = next.night;
rows.push({ label: `next callback at 23:00 Shanghai (${n.openZones.length} of ${n.allZones} zones open), fresh 1M copy`, cells: [] });
rows.push(statRow(`  pick only (steps past ${fmtInt(n.pick.rowsBefore)} rows)`, n.pick.pickService, `pick/floor p99 = ${fmtX(n.pick.pickService.p99 / n.pick.floor.p99)}`));
rows.push(statRow('  pick SQL only (pickNextCandidate)', n.pick.pickSql, `sql/floor p99 = ${fmtX(n.pick.pickSql.p99 / n.pick.floor.p99)}`));
rows.push(statRow('  floor (bare indexed query)', n.pick.floor));
rows.push(statRow(`  night shift: takeNext ×${n.shift.iterations}`, n.shift.takeNext, `goal p99 ≤ ${GOAL.nextP99Ms} ms ${mark(n.shift.takeNext.p99 <= GOAL.nextP99Ms)}`));
rows.push(statRow(`    last tenth (next pick steps past ${fmtInt(n.shift.rowsBeforeAtEnd)})`, n.shift.lastTenth));
const ratio = imp.totalMs / imp.rawMs;
rows.push({ label: 'import 100k rows (ImportJobs)', cells: [`total ${fmtMs(imp.totalMs)}`, `validate ${fmtMs(imp.validateMs)}`, `commit ${fmtMs(imp.commitMs)}`], goal: `goal ≤ 5 s ${mark(imp.totalMs <= GOAL.importMs)}` });
rows.push({ label: 'raw batched insert, same rows', cells: [fmtMs(imp.rawMs)], goal: `import/raw = ${fmtX(ratio)}  goal ≤ ${GOAL.importOverRaw}× ${mark(ratio <= GOAL.importOverRaw)}` });
for (const [db, res] of [
  ['100k', list.small],
  ['1M', list.big],
] as const) {
  for (const p of res.pages) {
    rows.push({ label: `queue.list, ${db} db, offset ${fmtInt(p.offset)}`, cells: [`p50 ${fmtMs(p.stat.p50)}`, `max ${fmtMs(p.stat.max)}`, `n=${p.stat.count}`] });
  }
}
const worstFirst = Math.max(...list.depth.map((d) => d.first.p50));
const worstDeep = Math.max(...list.depth.map((d) => d.deep.p50));
const unsearched = list.depth.filter((d) => !d.label.startsWith('search'));
const worstUnsearched = Math.max(...unsearched.flatMap((d) => [d.first.p50, d.deep.p50]));
rows.push({
  label: `queue.list 1M, ${list.depth.length} sorts/filters: first page / row 90,000 by cursor`,
  cells: [`worst p50 ${fmtMs(worstFirst)} / ${fmtMs(worstDeep)}`, `without search ${fmtMs(worstUnsearched)}`],
  goal: `goal ≤ 50 ms ${mark(worstUnsearched <= 50)} (search ${mark(Math.max(worstFirst, worstDeep) <= 50)})`,
});
rows.push(
  statRow(`questionnaire answer() + visibility, ${survey.questions} questions, ×${fmtInt(survey.answerCall.count)}`, survey.answerCall, `goal p99 ≤ 1 ms ${mark(survey.goalMet)}`),
);
rows.push({
  label: `SLA recompute, ${fmtInt(sla.tickets)} tickets × ${sla.events / sla.tickets} events (deriveTicket)`,
  cells: [`first pass ${fmtMs(sla.coldMs)}`, `second ${fmtMs(sla.warmMs)}`],
  goal: `goal ≤ ${fmtMs(SLA_GOAL_MS)} ${mark(sla.goalMet)}`,
});
rows.push({
  label: '  the same from SQLite: scan ticket_events + derive (+ rewrite projections)',
  cells: [`read + derive ${fmtMs(slaDb.readDeriveMs)}`, `+ write ${fmtMs(slaDb.readDeriveWriteMs)}`],
});
log(renderTable(rows));
log(
  `RSS: console at 1M callbacks after the loop ${next.rss.afterOpenAndLoop} (section peak ${next.rss.peak}) · import: before ${imp.rss.beforeImport}, ` +
    `after validate ${imp.rss.afterValidate}, after commit ${imp.rss.afterCommit} (peak ${imp.rss.peak}) · after queue.list ${list.rss}`,
);
log(`CPU used by other processes: ${pct(busyAtStart)} at the start, ${pct(busyShare())} at the end; total ${((performance.now() - started) / 1000).toFixed(0)} s`);

// ===================================================================================================

/** Share of all CPUs busy over a short idle wait of this process (so: other processes' load). */
function busyShare(ms = 500): number {
  const total = (c: ReturnType<typeof cpus>) => c.reduce((sum, x) => sum + x.times.user + x.times.nice + x.times.sys + x.times.irq + x.times.idle, 0);
  const idle = (c: ReturnType<typeof cpus>) => c.reduce((sum, x) => sum + x.times.idle, 0);
  const a = cpus();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const b = cpus();
  const all = total(b) - total(a);
  return all > 0 ? 1 - (idle(b) - idle(a)) / all : 0;
}

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function runWorker<T>(section: string, args: object): T {
  const out = join(OUT, 'results', `${section}.json`);
  mkdirSync(join(OUT, 'results'), { recursive: true });
  const child = spawnSync(process.execPath, [...process.execArgv, join(REPO, 'bench/worker.ts'), section, JSON.stringify(args), out], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`bench: section ${section} failed (exit ${child.status})`);
  return JSON.parse(readFileSync(out, 'utf8')) as T;
}

function ensureSeedInChild(): { dataDir: string; info: SeedInfo; built: boolean } {
  if (!opts.fresh) {
    const cached = cachedSeed(DEFAULT_SEED);
    if (cached) return { ...cached, built: false };
  }
  log(`  building the seed database${opts.fresh ? ' (--fresh)' : ''} in a child process…`);
  const child = spawnSync(process.execPath, [...process.execArgv, join(REPO, 'bench/lib/seed-child.ts'), JSON.stringify(DEFAULT_SEED), opts.fresh ? 'fresh' : ''], {
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`bench: building the seed database failed (exit ${child.status})`);
  const built = cachedSeed(DEFAULT_SEED);
  if (!built) throw new Error('bench: the seed database is missing after the build');
  return { ...built, built: true };
}
