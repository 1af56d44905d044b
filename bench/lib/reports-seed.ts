import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CATEGORIES, VOUCHER_REASON_CODES } from '../../core/cases/settings';
import type { SessionInfo } from '../../core/contract/views';
import { createPrng, weighted, type Prng } from '../../core/demo/prng';
import type { Disposition, Reason } from '../../core/domain/model';
import type { Question, ScriptContent } from '../../core/questionnaire/model';
import { defaultMigrationsFolder, openDatabase } from '../../db/open';
import { addUser, call, dbFile, hashSources, OUT, openConsole, setUpEmpty } from './env';
import { fmtInt, progress } from './stats';

/*
 * The reports bench database: call attempts, callbacks, tickets, vouchers and survey answers spread
 * over `days` Beijing days before `now`, written by batched INSERTs (secondary indexes dropped during
 * the load and rebuilt from their own SQL after) into a file opened through db/open.ts. Users and the
 * built-in scripts come from a real first run, so the services see exactly what a console would hold.
 * Ids are ordered strings: their B-tree inserts append instead of splitting random pages.
 */

export interface ReportsSeedParams {
  attempts: number;
  tickets: number;
  vouchers: number;
  customers: number;
  days: number;
  /** Share of reached calls that start a questionnaire. */
  surveyShare: number;
  seed: number;
  now: number;
}

export interface ReportsSeedInfo {
  key: string;
  params: ReportsSeedParams;
  counts: Record<'customers' | 'callbacks' | 'openCallbacks' | 'attempts' | 'responses' | 'answers' | 'tickets' | 'vouchers', number>;
  supervisorId: string;
  agentIds: string[];
  firstDataAt: number;
  fileBytes: number;
  buildMs: number;
}

/** Bump when the way the data is generated changes. */
const SEED_FORMAT = 2;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const TABLES = ['customers', 'callbacks', 'call_attempts', 'survey_responses', 'survey_answers', 'tickets', 'vouchers'];

export function reportsSeedKey(p: ReportsSeedParams): string {
  const sources = hashSources(['db/migrations'], (path) => path.endsWith('.sql'));
  return createHash('sha256').update(JSON.stringify({ SEED_FORMAT, p, sources })).digest('hex').slice(0, 12);
}

/** The cached database for these parameters, built when missing or stale (or when `fresh`). */
export async function ensureReportsSeed(p: ReportsSeedParams, fresh = false): Promise<{ dataDir: string; info: ReportsSeedInfo; built: boolean }> {
  const key = reportsSeedKey(p);
  const dataDir = join(OUT, 'cache', `reports-${key}`);
  const infoFile = join(dataDir, 'seed.json');
  if (!fresh && existsSync(infoFile) && existsSync(dbFile(dataDir))) {
    return { dataDir, info: JSON.parse(readFileSync(infoFile, 'utf8')) as ReportsSeedInfo, built: false };
  }
  const building = `${dataDir}.building`;
  // Builds for older parameters or migrations are stale now, and each is half a gigabyte.
  const cacheDir = join(OUT, 'cache');
  if (existsSync(cacheDir)) for (const name of readdirSync(cacheDir)) if (name.startsWith('reports-')) rmSync(join(cacheDir, name), { recursive: true, force: true });
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const info = await build(building, p, key);
  writeFileSync(join(building, 'seed.json'), JSON.stringify(info, null, 2));
  renameSync(building, dataDir);
  return { dataDir, info, built: true };
}

const REASON = weighted<Reason>([
  ['complaint_followup', 30],
  ['satisfaction', 30],
  ['winback', 15],
  ['onboarding', 15],
  ['care', 10],
]);
const DISPOSITION = weighted<Disposition>([
  ['reached', 42],
  ['no_answer', 22],
  ['busy', 6],
  ['voicemail', 8],
  ['callback_later', 10],
  ['refused', 5],
  ['wrong_number', 2],
  ['dnc_requested', 5],
]);
const CATEGORY = weighted<string>(DEFAULT_CATEGORIES.map((c, i) => [c.key, [34, 18, 16, 14, 10, 8][i] ?? 4] as const));
const PRIORITY = weighted<string>([['P1', 5], ['P2', 20], ['P3', 55], ['P4', 20]]);
const VOUCHER_REASON = weighted<string>(VOUCHER_REASON_CODES.map((c, i) => [c, [30, 25, 20, 15, 6, 4][i] ?? 1] as const));
const CLOSING: Partial<Record<Disposition, string>> = {
  reached: 'completed',
  wrong_number: 'wrong_number',
  refused: 'refused',
  dnc_requested: 'dnc_requested',
};

/** Log-normal-ish: most values near `median`, a long tail up to ~20×. */
interface Cb {
  id: string;
  customer: string;
  reason: Reason;
  priority: number;
  createdAt: number;
  due: number | null;
  state: string;
  outcome: string | null;
  attempts: number;
  failed: number;
  closedAt: number | null;
}
interface Sv {
  versionId: string;
  status: string;
  at: number;
  end: number;
  answers: [string, string, number][];
}
interface At {
  cb: Cb;
  agent: string;
  t: number;
  end: number;
  disposition: Disposition;
  laterAt: number | null;
  survey: Sv | null;
}

const skewed = (r: Prng, median: number) => Math.round(median * Math.exp((r.float() + r.float() + r.float() - 1.5) * 1.6));

async function build(dataDir: string, p: ReportsSeedParams, key: string): Promise<ReportsSeedInfo> {
  const started = performance.now();
  const firstDataAt = p.now - p.days * DAY;
  // 1. A real first run: the signed-in agent, colleagues, a supervisor and the built-in scripts.
  const { backend } = openConsole(dataDir, firstDataAt - DAY);
  await setUpEmpty(backend);
  for (const [name, role] of [['李静', 'agent'], ['陈伟', 'agent'], ['周敏', 'supervisor']] as const) await addUser(backend, name, role);
  const session = await call<SessionInfo>(backend, 'session.get', {});
  backend.close();
  const agentIds = session.users.filter((u) => u.role === 'agent').map((u) => u.id);
  const supervisorId = session.users.find((u) => u.role === 'supervisor')!.id;

  // 2. Bulk rows, on the app's own open path, tuned for loading.
  const db = openDatabase(dbFile(dataDir), { migrationsFolder: defaultMigrationsFolder() }).$client;
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  const versions = db
    .prepare(`SELECT v.id, s.purpose, v.content FROM script_versions v JOIN scripts s ON s.id = v.script_id WHERE v.status = 'published' AND s.locale = 'zh-CN'`)
    .all() as { id: string; purpose: Reason; content: string }[];
  const scriptOf = new Map(versions.map((v) => [v.purpose, { id: v.id, questions: (JSON.parse(v.content) as ScriptContent).questions }]));
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map((t) => `'${t}'`).join(',')})`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);

  const ins = {
    customer: db.prepare(`INSERT INTO customers (id, name, phone, timezone, created_at) VALUES (?, ?, ?, 'Asia/Shanghai', ?)`),
    callback: db.prepare(`INSERT INTO callbacks (id, customer_id, reason, priority, due_at, state, outcome, attempts, failed_attempts, source,
      created_at, closed_at, timezone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, 'Asia/Shanghai')`),
    attempt: db.prepare(`INSERT INTO call_attempts (id, callback_id, customer_id, agent_id, started_at, ended_at, disposition, callback_at, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    response: db.prepare(`INSERT INTO survey_responses (id, callback_id, customer_id, agent_id, script_version_id, status, started_at, ended_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    answer: db.prepare(`INSERT INTO survey_answers (id, response_id, question_key, value, answered_at) VALUES (?, ?, ?, ?, ?)`),
    ticket: db.prepare(`INSERT INTO tickets (id, customer_id, subject, category, priority, channel, status, assignee_id, created_at, created_by,
      updated_at, first_responded_at, resolved_at, closed_at, first_response_status, resolution_status, first_response_minutes,
      resolution_minutes, breached, derived) VALUES (?, ?, ?, ?, ?, 'phone', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`),
    voucher: db.prepare(`INSERT INTO vouchers (id, code, request_key, kind, amount_fen, value_fen, reason_code, customer_id, ticket_id, state,
      requested_by, requested_at, issued_at, expires_at, redeemed_at, voided_at) VALUES (?, ?, ?, 'cashback', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
  const counts = { customers: 0, callbacks: 0, openCallbacks: 0, attempts: 0, responses: 0, answers: 0, tickets: 0, vouchers: 0 };
  const r = createPrng(p.seed);
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(9, '0')}`;
  const customerId = (n: number) => id('cu', n % p.customers);
  // A date in the span, busier on weekdays and growing over time (a team taking on more work).
  const when = () => {
    for (;;) {
      const t = firstDataAt + Math.sqrt(r.float()) * (p.now - firstDataAt);
      const weekday = new Date(t + 8 * HOUR).getUTCDay();
      if (weekday !== 0 && weekday !== 6) return t;
      if (r.chance(0.35)) return t;
    }
  };

  const bar = progress('reports seed');
  const tx = (fn: () => void) => db.transaction(fn)();
  tx(() => {
    for (; counts.customers < p.customers; counts.customers++) ins.customer.run(id('cu', counts.customers), `客户${counts.customers}`, `+86199${String(counts.customers).padStart(8, '0')}`, firstDataAt - 30 * DAY);
  });

  // Generated per callback, written in time order: a console appends its rows as they happen, so row
  // order follows time on disk too, and the reports' scans should meet that layout, not a shuffled one.
  const callbacks: Cb[] = [];
  const attempts: At[] = [];
  while (attempts.length < p.attempts) generateCallback();
  callbacks.sort((a, b) => a.createdAt - b.createdAt);
  attempts.sort((a, b) => a.t - b.t);
  callbacks.forEach((c, i) => (c.id = id('cb', i)));
  counts.callbacks = callbacks.length;
  for (let i = 0; i < callbacks.length; i += 20_000) {
    tx(() => {
      for (const c of callbacks.slice(i, i + 20_000)) {
        ins.callback.run(c.id, c.customer, c.reason, c.priority, c.due, c.state, c.outcome, c.attempts, c.failed, c.createdAt, c.closedAt);
        if (c.state === 'open') counts.openCallbacks++;
      }
    });
  }
  for (let i = 0; i < attempts.length; i += 20_000) {
    tx(() => {
      for (const a of attempts.slice(i, i + 20_000)) {
        ins.attempt.run(id('at', counts.attempts++), a.cb.id, a.cb.customer, a.agent, a.t, a.end, a.disposition, a.laterAt, a.cb.reason);
        if (a.survey) writeSurvey(a, a.survey);
      }
    });
    bar.update(`${fmtInt(counts.attempts)} / ${fmtInt(p.attempts)} attempts, ${fmtInt(counts.responses)} questionnaires`);
  }

  function generateCallback(): void {
    const c: Cb = {
      id: '',
      customer: customerId(r.u32()),
      reason: REASON(r),
      priority: r.int(1, 5),
      createdAt: Math.floor(when()),
      due: null,
      state: 'open',
      outcome: null,
      attempts: 0,
      failed: 0,
      closedAt: null,
    };
    c.due = r.chance(0.7) ? c.createdAt + r.int(1, 72) * HOUR : null;
    callbacks.push(c);
    // A share of the work is never reached before `now`: the backlog, most of it overdue.
    let t = r.chance(0.04) ? p.now + DAY : Math.max(c.createdAt, c.due ?? c.createdAt) + r.int(0, 20) * HOUR;
    while (t < p.now && attempts.length < p.attempts) {
      const disposition = DISPOSITION(r);
      const end = t + r.int(30, 600) * 1000;
      const a: At = { cb: c, agent: agentIds[r.int(0, agentIds.length - 1)]!, t, end, disposition, laterAt: null, survey: null };
      if (disposition === 'callback_later') a.laterAt = end + r.int(2, 48) * HOUR;
      if (disposition === 'reached' && scriptOf.has(c.reason) && r.chance(p.surveyShare)) a.survey = survey(c.reason, end);
      attempts.push(a);
      c.attempts++;
      if (CLOSING[disposition]) {
        [c.state, c.outcome, c.closedAt] = ['closed', CLOSING[disposition]!, end];
        return;
      }
      if (disposition !== 'callback_later' && ++c.failed >= 3) {
        [c.state, c.outcome, c.closedAt] = ['closed', 'unreachable', end];
        return;
      }
      c.due = a.laterAt ?? end + 27 * HOUR;
      t = c.due + r.int(0, 6) * HOUR;
    }
  }

  function survey(purpose: Reason, at: number): Sv {
    const script = scriptOf.get(purpose)!;
    const roll = r.float();
    const status = roll < 0.8 ? 'completed' : roll < 0.92 ? 'partial' : 'declined';
    const answers: [string, string, number][] = [];
    if (status !== 'declined') {
      // Satisfaction drifts up over the span, so the trend lines have something to show.
      const mood = (at - firstDataAt) / (p.now - firstDataAt);
      const questions = status === 'partial' ? script.questions.slice(0, Math.ceil(script.questions.length / 2)) : script.questions;
      let t = at + 20_000;
      for (const q of questions) {
        const value = answerFor(r, q, mood);
        if (value === undefined) continue;
        answers.push([q.key, JSON.stringify(value), (t += r.int(5, 60) * 1000)]);
        // Now and then the agent corrects an answer: the report must count only the latest.
        if (r.chance(0.02)) answers.push([q.key, JSON.stringify(answerFor(r, q, mood) ?? value), (t += 3000)]);
      }
    }
    return { versionId: script.id, status, at, end: at + r.int(60, 400) * 1000, answers };
  }

  function writeSurvey(a: At, s: Sv): void {
    const responseId = id('rs', counts.responses++);
    ins.response.run(responseId, a.cb.id, a.cb.customer, a.agent, s.versionId, s.status, s.at, s.end);
    for (const [key, value, at] of s.answers) ins.answer.run(id('an', counts.answers++), responseId, key, value, at);
  }

  const ticketTimes = Array.from({ length: p.tickets }, () => Math.floor(when())).sort((a, b) => a - b);
  const voucherTimes = Array.from({ length: p.vouchers }, () => Math.floor(when())).sort((a, b) => a - b);
  tx(() => {
    for (; counts.tickets < p.tickets; counts.tickets++) {
      const createdAt = ticketTimes[counts.tickets]!;
      const age = p.now - createdAt;
      const done = age > 3 * DAY ? r.chance(0.97) : r.chance(0.4);
      const frMin = skewed(r, 90);
      const resMin = frMin + skewed(r, 900);
      const frDone = done || r.chance(0.6);
      const priority = PRIORITY(r);
      const frTarget = { P1: 30, P2: 120, P3: 240, P4: 480 }[priority]!;
      const resTarget = { P1: 480, P2: 1440, P3: 2880, P4: 4800 }[priority]!;
      const status = done ? (r.chance(0.6) ? 'closed' : 'resolved') : frDone ? 'open' : 'new';
      const resolvedAt = done ? Math.min(p.now, createdAt + resMin * 60_000 * 2) : null;
      ins.ticket.run(id('tk', counts.tickets), customerId(r.u32()), '投诉', CATEGORY(r), priority, status, agentIds[r.int(0, agentIds.length - 1)]!,
        createdAt, agentIds[0]!, resolvedAt ?? createdAt, frDone ? createdAt + frMin * 60_000 * 2 : null, resolvedAt,
        status === 'closed' ? resolvedAt! + DAY : null, frDone ? (frMin <= frTarget ? 'met' : 'missed') : 'running',
        done ? (resMin <= resTarget ? 'met' : 'missed') : 'running', frDone ? frMin : null, done ? resMin : null, frMin > frTarget || resMin > resTarget ? 1 : 0);
    }
    for (; counts.vouchers < p.vouchers; counts.vouchers++) {
      const issuedAt = voucherTimes[counts.vouchers]!;
      const value = r.pick([500, 1000, 2000, 3000, 5000, 8800, 10000]);
      const roll = r.float();
      const state = roll < 0.55 ? 'redeemed' : roll < 0.9 ? 'issued' : 'voided';
      // Tickets and vouchers share a time profile: the ticket at the same quantile is about as old.
      const ticket = r.chance(0.8) ? id('tk', Math.max(0, Math.floor((counts.vouchers / p.vouchers) * p.tickets) - r.int(0, 200))) : null;
      ins.voucher.run(id('vo', counts.vouchers), `CV-${id('', counts.vouchers)}`, id('rk', counts.vouchers), value, value, VOUCHER_REASON(r), customerId(r.u32()),
        ticket, state, agentIds[r.int(0, agentIds.length - 1)]!, issuedAt - HOUR, issuedAt, issuedAt + 90 * DAY,
        state === 'redeemed' ? issuedAt + r.int(1, 30) * DAY : null, state === 'voided' ? issuedAt + DAY : null);
    }
  });
  bar.done(`${fmtInt(counts.attempts)} attempts, ${fmtInt(counts.callbacks)} callbacks, ${fmtInt(counts.responses)} questionnaires, ${fmtInt(counts.tickets)} tickets (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const ixBar = progress('indexes');
  for (const [i, ix] of indexes.entries()) {
    ixBar.update(`${i + 1}/${indexes.length} ${ix.name}`);
    db.exec(ix.sql);
  }
  ixBar.done(`${indexes.length} rebuilt (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { key, params: p, counts, supervisorId, agentIds, firstDataAt, fileBytes: statSync(dbFile(dataDir)).size, buildMs: performance.now() - started };
}

function answerFor(r: Prng, q: Question, mood: number): unknown {
  const lean = (lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(lo + (hi - lo) * Math.min(1, r.float() * 0.7 + mood * 0.25 + r.float() * 0.3))));
  switch (q.type) {
    case 'rating':
      return lean(1, 5);
    case 'nps':
      return lean(0, 10);
    case 'yes_no':
      return r.chance(0.7);
    case 'single':
      return q.choices.length ? r.pick(q.choices).value : undefined;
    case 'multi':
      return q.choices.length ? [...new Set([r.pick(q.choices).value, r.pick(q.choices).value])] : undefined;
    case 'number':
      return r.int(q.min ?? 0, q.max ?? 100);
    default:
      return r.chance(0.3) ? '还可以' : undefined;
  }
}
