/** Shared by the test/questionnaires-*.test.ts files. */
import type { ScriptDetail, ScriptSummary } from '../core/contract/views';
import type { Disposition, Reason } from '../core/domain/model';
import type { UserRecord } from '../core/domain/records';
import type { ScriptContent } from '../core/questionnaire/model';
import { createUser, makeHarness, MIN, row, seedCallback, seedCustomer, setUpEmpty, switchTo, type Harness } from './helpers';

export interface Team {
  h: Harness;
  me: UserRecord;
  other: UserRecord;
  sup: UserRecord;
}

/** An empty zh-CN console with its agent (signed in), a second agent and a supervisor. */
export async function team(): Promise<Team> {
  const h = makeHarness();
  const me = await setUpEmpty(h);
  const other = await createUser(h, '李静', 'agent');
  const sup = await createUser(h, '周敏', 'supervisor');
  return { h, me, other, sup };
}

/** Runs `fn` as `user`, then signs the agent back in. */
export async function as<T>(t: Team, user: UserRecord, fn: () => Promise<T>): Promise<T> {
  await switchTo(t.h, user);
  try {
    return await fn();
  } finally {
    await switchTo(t.h, t.me);
  }
}

/** A fresh customer with one open callback of this purpose (seeded, no outbox). */
export function callback(h: Harness, reason: Reason): string {
  const customer = seedCustomer(h.db);
  return seedCallback(h.db, customer.id, { reason }).id;
}

export function mapping(h: Harness): Record<string, string | null> {
  const r = row<{ value: string }>(h.db, `SELECT value FROM settings WHERE key = 'script_mapping'`);
  return r ? (JSON.parse(r.value) as Record<string, string | null>) : {};
}

/** The agent starts the call (every outcome needs a started call; a refusal shows in the outcome), then records it. */
export async function outcome(h: Harness, callbackId: string, disposition: Disposition, extra: Record<string, unknown> = {}) {
  if (!row(h.db, 'SELECT 1 AS started FROM call_drafts WHERE callback_id = ? AND started_at IS NOT NULL', callbackId)) {
    await h.call('callbacks.startCall', { id: callbackId });
  }
  return h.call('callbacks.recordOutcome', { callbackId, disposition, notes: '', startedAt: h.now() - 3 * MIN, endedAt: h.now() - MIN, ...extra });
}

export const attemptOf = (h: Harness, callbackId: string) =>
  row<{ disposition: string; survey_skip_reason: string | null }>(
    h.db,
    'SELECT disposition, survey_skip_reason FROM call_attempts WHERE callback_id = ? ORDER BY started_at DESC LIMIT 1',
    callbackId,
  );

export const responseRow = (h: Harness, id: string) =>
  row<{ status: string; ended_at: number | null; script_version_id: string }>(h.db, 'SELECT status, ended_at, script_version_id FROM survey_responses WHERE id = ?', id)!;

/** Makes, fills, publishes and maps a script of its content's purpose; returns the detail after publishing. */
export async function publishMapped(t: Team, content: ScriptContent): Promise<ScriptDetail> {
  return as(t, t.sup, async () => {
    const created = await t.h.ok<ScriptDetail>('scripts.create', { purpose: content.purpose, locale: content.locale, title: content.title });
    await t.h.ok('scripts.saveDraft', { id: created.script.id, content });
    const published = await t.h.ok<ScriptDetail>('scripts.publish', { id: created.script.id });
    await t.h.ok('scripts.setMapping', { mapping: { [content.purpose]: created.script.id } });
    return published;
  });
}

export const builtinId = (list: ScriptSummary[], purpose: Reason, locale: 'zh-CN' | 'en') => list.find((s) => s.purpose === purpose && s.locale === locale)!.id;
