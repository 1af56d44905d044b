import { v7 as uuidv7 } from 'uuid';
import type { Disposition } from '../core/domain/model';
import type { UserRecord } from '../core/domain/records';
import { insertAttempt } from '../db/repos/attempts';
import type { Db } from '../db/open';
import { createUser, makeHarness, seedCallback, seedCustomer, setUpEmpty, switchTo, type Harness } from './helpers';

/*
 * Arranging report data by direct inserts (no outbox): the reports only read, and the figures each test
 * expects are worked out by hand from exactly these rows.
 */

/** A Beijing wall-clock time. */
export const bj = (local: string) => Date.parse(`${local}+08:00`);

export interface ReportWorld {
  h: Harness;
  agent: UserRecord;
  colleague: UserRecord;
  supervisor: UserRecord;
  customerId: string;
}

/** An empty console with 王芳 (agent), 李静 (agent) and 周敏 (supervisor, signed in). */
export async function reportWorld(): Promise<ReportWorld> {
  const h = makeHarness({ now: bj('2026-11-23T10:00:00') });
  const agent = await setUpEmpty(h);
  const colleague = await createUser(h, '李静', 'agent');
  const supervisor = await createUser(h, '周敏', 'supervisor');
  await switchTo(h, supervisor);
  const customerId = seedCustomer(h.db).id;
  return { h, agent, colleague, supervisor, customerId };
}

export function addAttempt(db: Db, callback: { id: string; customerId: string }, agentId: string, startedAt: number, disposition: Disposition): void {
  insertAttempt(db, { id: uuidv7(), callbackId: callback.id, customerId: callback.customerId, agentId, startedAt, endedAt: startedAt + 60_000, disposition, notes: '', callbackAt: null });
}

export { seedCallback };

export interface QuestionSpec {
  key: string;
  type: string;
  text?: string;
  choices?: { value: string; label: string }[];
}

/** A published script version with these questions; returns the version id. */
export function addScriptVersion(db: Db, w: { scriptId?: string; purpose: string; version: number; createdAt: number; questions: QuestionSpec[] }): { scriptId: string; versionId: string } {
  const scriptId = w.scriptId ?? uuidv7();
  if (!w.scriptId) {
    db.$client.prepare(`INSERT INTO scripts (id, purpose, locale, title, created_at) VALUES (?, ?, 'zh-CN', ?, ?)`).run(scriptId, w.purpose, `测试问卷 ${w.purpose}`, w.createdAt);
  }
  const content = {
    purpose: w.purpose,
    locale: 'zh-CN',
    title: `测试问卷 ${w.purpose}`,
    opening: '',
    closing: '',
    questions: w.questions.map((q) => ({ text: q.key, choices: [], ...q, help: '', required: false, allowOther: false, min: null, max: null, showIf: null, endIf: null })),
  };
  const versionId = uuidv7();
  db.$client
    .prepare(`INSERT INTO script_versions (id, script_id, version, status, content, created_at, published_at) VALUES (?, ?, ?, 'published', ?, ?, ?)`)
    .run(versionId, scriptId, w.version, JSON.stringify(content), w.createdAt, w.createdAt);
  return { scriptId, versionId };
}

/** A questionnaire with its answers; `null` clears an answer (as the runner does when a branch closes). */
export function addResponse(
  db: Db,
  r: { callbackId: string; customerId: string; agentId: string; versionId: string; status: string; startedAt: number; answers: [string, unknown][] },
): string {
  const id = uuidv7();
  db.$client
    .prepare(`INSERT INTO survey_responses (id, callback_id, customer_id, agent_id, script_version_id, status, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, r.callbackId, r.customerId, r.agentId, r.versionId, r.status, r.startedAt, r.startedAt + 300_000);
  let at = r.startedAt;
  for (const [key, value] of r.answers) {
    db.$client
      .prepare(`INSERT INTO survey_answers (id, response_id, question_key, value, answered_at) VALUES (?, ?, ?, ?, ?)`)
      .run(uuidv7(), id, key, value === null ? null : JSON.stringify(value), (at += 10_000));
  }
  return id;
}

export interface TicketSpec {
  category: string;
  createdAt: number;
  assigneeId: string;
  fr: 'met' | 'missed' | 'running';
  frMin?: number;
  res: 'met' | 'missed' | 'running';
  resMin?: number;
}

/** A ticket projection row (the reports read only the projection). */
export function addTicket(db: Db, t: TicketSpec): string {
  const id = uuidv7();
  db.$client
    .prepare(
      `INSERT INTO tickets (id, subject, category, priority, channel, status, assignee_id, created_at, updated_at, first_response_status,
         resolution_status, first_response_minutes, resolution_minutes, derived)
       VALUES (?, '测试工单', ?, 'P3', 'phone', ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
    )
    .run(id, t.category, t.res === 'running' ? 'open' : 'resolved', t.assigneeId, t.createdAt, t.createdAt, t.fr, t.res, t.frMin ?? null, t.resMin ?? null);
  return id;
}

export function addVoucher(
  db: Db,
  v: { customerId: string; ticketId: string | null; requestedBy: string; reasonCode: string; valueFen: number; state: string; issuedAt: number | null },
): void {
  const id = uuidv7();
  db.$client
    .prepare(
      `INSERT INTO vouchers (id, code, request_key, kind, amount_fen, value_fen, reason_code, customer_id, ticket_id, state, requested_by,
         requested_at, issued_at, expires_at) VALUES (?, ?, ?, 'cashback', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, `CV-${id.slice(-8)}`, id, v.valueFen, v.valueFen, v.reasonCode, v.customerId, v.ticketId, v.state, v.requestedBy, (v.issuedAt ?? bj('2026-11-20T10:00:00')) - 60_000, v.issuedAt, (v.issuedAt ?? 0) + 90 * 86_400_000);
}

export { switchTo };
