import Database from 'better-sqlite3';
import { CALLABLE_SQL } from '../../db/repos/callable-sql';
import { FLOOR_SQL, type NextCallbackResult, type NightResult } from '../sections/next-callback';
import { dbFile, T0 } from './env';
import { fmtInt, fmtMs, log, renderTable, type Stat, type TableRow } from './stats';

export function statRow(label: string, x: Stat, note = '', expected?: number): TableRow {
  const n = expected === undefined || x.count === expected ? '' : `n=${x.count}`;
  return { label, cells: [`p50 ${fmtMs(x.p50)}`, `p99 ${fmtMs(x.p99)}`, `max ${fmtMs(x.max)}`, n], goal: note };
}

export function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

/** One pass of the next-callback loop: takeNext and each of its parts, the pick, the floor, the outcome. */
export function printPass(r: NextCallbackResult): void {
  const p = r.parts;
  const n = r.iterations;
  const partsP50 = p.currentUser.p50 + p.activeLease.p50 + p.settings.p50 + p.zonesReread.p50 + r.pickService.p50 + p.lease.p50 + r.detail.p50;
  log(`  ${r.label} — takeNext and its parts, each also timed on its own in the same iteration:`);
  log(
    indent(
      renderTable([
        statRow('takeNext via backend.invoke', r.takeNext, `first call after open ${fmtMs(r.firstTakeNext)}`, n),
        statRow('├ currentUser (meta + user)', p.currentUser, '', n),
        statRow('├ activeLeaseOf', p.activeLease, 'timed every 10th iteration', n),
        statRow('├ getSettings', p.settings, '', n),
        statRow('├ zone list re-read (distinctTimezones)', p.zonesReread, 'every takeNext: the zone cache lasts 5 s', n),
        statRow('├ openZones when cached', p.openZones, '', n),
        statRow('├ pick (pickNext: SQL + guard)', r.pickService, '', n),
        statRow('├ lease mutation + outbox (rolled back)', p.lease, '', n),
        statRow('└ detail (callbackDetail)', r.detail, '', n),
        { label: '  sum of the parts’ p50 · rest (commit, invoke)', cells: [fmtMs(partsP50), fmtMs(Math.max(0, r.takeNext.p50 - partsP50))] },
        statRow('pick SQL only (pickNextCandidate)', r.pickSql, '', n),
        statRow('floor: bare indexed query', r.floor, '', n),
        statRow('recordOutcome via backend.invoke', r.recordOutcome, '', n),
      ]),
      4,
    ),
  );
  const mix = Object.entries(r.dispositions)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  log(`    outcomes: ${mix}; ${r.cancelled} other callbacks cancelled by DNC; picked priorities ${JSON.stringify(r.pickedPriorities)}`);
  const g = r.tailGc;
  log(
    `    slowest 1 %: takeNext ${g.takeNext.withGc}/${g.takeNext.slowest} overlapped a GC pause (${fmtMs(g.takeNext.gcMs)} in all), ` +
      `recordOutcome ${g.recordOutcome.withGc}/${g.recordOutcome.slowest} (${fmtMs(g.recordOutcome.gcMs)})`,
  );
  log(`    loop wall time ${(r.wallMs / 1000).toFixed(1)} s; checkpoint of the WAL left at the end: ${fmtInt(r.finalCheckpoint.pages)} pages in ${fmtMs(r.finalCheckpoint.ms)}`);
}

/** Next at night: how far the pick's SQL walks past rows whose customer's zone is closed. */
export function printNight(r: NightResult): void {
  log(`    open zones ${r.openZones.length} of ${r.allZones}: ${r.openZones.join(', ') || 'none'}`);
  log(`    open callbacks due by now ${fmtInt(r.dueOpen)}, of which ${fmtInt(r.dueInOpenZones)} have their customer in an open zone`);
  const p = r.pick.picked;
  log(
    p
      ? `    the pick finds a p${p.priority} ${p.overdue ? 'overdue' : 'as-soon-as-callable'} callback in ${p.timezone} after stepping past ${fmtInt(r.pick.rowsBefore)} open rows`
      : `    nothing callable: the pick walks all ${fmtInt(r.pick.rowsBefore)} open rows due by now`,
  );
  const s = r.shift;
  log(
    indent(
      renderTable([
        statRow('pick alone (pickNext: SQL + guard)', r.pick.pickService, 'same state each time, no lease', r.pick.iterations),
        statRow('pick SQL only (pickNextCandidate)', r.pick.pickSql, '', r.pick.iterations),
        statRow('floor: bare indexed query', r.pick.floor, '', r.pick.iterations),
        statRow(`night shift: takeNext (${s.iterations})`, s.takeNext, ''),
        statRow('  first tenth of the shift', s.firstTenth, ''),
        statRow('  last tenth of the shift', s.lastTenth, `the next pick steps past ${fmtInt(s.rowsBeforeAtEnd)} rows`),
        statRow('night shift: recordOutcome', s.recordOutcome, ''),
      ]),
      4,
    ),
  );
  log(`    picked priorities in the shift ${JSON.stringify(s.pickedPriorities)}`);
}

function planner(dataDir: string) {
  const db = new Database(dbFile(dataDir), { readonly: true });
  // Every zone counts as open: the plan is the same, and the timing is the pick's best case.
  const zones = JSON.stringify((db.prepare('SELECT DISTINCT timezone AS z FROM customers').all() as { z: string }[]).map((r) => r.z));
  const params = { now: T0, agentId: 'x', zones, skip: '[]', priority: 1, limit: 200, offset: 0 };
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' → ');
  const time = (sql: string, n = 3) => {
    const st = db.prepare(sql);
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      st.all(params);
      best = Math.min(best, performance.now() - t0);
    }
    return fmtMs(best);
  };
  return { db, line: (label: string, sql: string) => log(`    ${label.padEnd(22)} ${time(sql).padStart(9)}  ${plan(sql)}`) };
}

/** EXPLAIN QUERY PLAN of the statements behind the next-callback figures (texts as in db/repos). */
export function printNextPlans(dataDir: string): void {
  const { db, line } = planner(dataDir);
  log('  query plans on the 1M file (best of 3, each run alone):');
  line('activeLeaseOf', `SELECT cb.id FROM callbacks cb WHERE cb.lease_agent_id = @agentId AND cb.lease_expires_at > @now AND cb.state = 'open' ORDER BY cb.lease_expires_at DESC LIMIT 1`);
  line('distinctTimezones', 'SELECT DISTINCT timezone FROM customers');
  line(
    'pick, p1 overdue range',
    // The first try (no rejected ids, so no skip clause); the real statement also returns the guard's facts.
    `SELECT cb.id FROM callbacks cb INDEXED BY callbacks_queue_due CROSS JOIN customers c ON c.id = cb.customer_id
      WHERE cb.state = 'open' AND cb.due_at IS NOT NULL AND cb.priority = @priority AND cb.due_at <= @now
        AND ${CALLABLE_SQL} ORDER BY cb.due_at, cb.created_at, cb.id LIMIT 1`,
  );
  line('floor', FLOOR_SQL.replace('priority = ?', 'priority = @priority').replace('due_at <= ?', 'due_at <= @now'));
  db.close();
}

/** The default queue.list page query and its count (texts as db/repos/queue-list.ts builds them). */
export function printListPlans(dataDir: string): void {
  const { db, line } = planner(dataDir);
  const overdue = `cb.due_at IS NOT NULL AND cb.due_at <= @now`;
  log('  query plans (best of 3, each run alone):');
  line(
    'page (offset 0)',
    `SELECT cb.*, c.name, c.phone, c.timezone FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.state = 'open'
      ORDER BY (CASE WHEN ${overdue} THEN 0 ELSE 1 END), cb.priority, (CASE WHEN ${overdue} THEN cb.due_at ELSE 0 END), cb.created_at, cb.id
      LIMIT @limit OFFSET @offset`,
  );
  line('count', `SELECT count(*) AS n FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.state = 'open'`);
  db.close();
}
