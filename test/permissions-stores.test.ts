import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { AppError } from '../core/contract/result';
import { applyMutation, type Acting } from '../core/mutations/registry';
import { BUILTIN_SCRIPTS } from '../core/questionnaire/builtin';
import { DEFAULT_SETTINGS } from '../core/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../core/sla';
import type { MutationArgs, MutationName } from '../core/sync/mutations';
import { openDatabase, type Db } from '../db/open';
import { onSqlite } from '../db/store';
import { inTransaction } from '../db/repos/stmt';
import type { ServerDb } from '../server/database/open';
import { applyOnServer } from '../server/store/apply';
import { createTestDb, dbKinds, type TestDb } from '../server/testing/databases';

/*
 * Authority lives in the appliers: every supervisor-only mutation, applied as an agent, is refused
 * with FORBIDDEN on the console's SQLite and on the server's PostgreSQL alike — and on the server, a
 * mutation made out in someone else's name is refused whatever the role.
 */

const AGENT = '0193a000-0000-7000-8000-00000000a9e1';
const SUPERVISOR = '0193a000-0000-7000-8000-0000000005e1';
const OTHER_SUPERVISOR = '0193a000-0000-7000-8000-0000000005e2';
const T = Date.UTC(2026, 11, 7, 2, 0);
const uid = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Case = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];
const c = <N extends MutationName>(name: N, args: MutationArgs<N>): Case => ({ name, args }) as Case;

/** Each supervisor-only mutation with an agent as the actor. */
const AS_AGENT: Case[] = [
  c('settings.update', { settings: DEFAULT_SETTINGS, updatedAt: T, updatedBy: AGENT }),
  c('cases.updateSettings', { settings: DEFAULT_CASE_SETTINGS, at: T, by: AGENT }),
  c('sla.setPolicies', { policies: DEFAULT_POLICIES, at: T, by: AGENT }),
  c('calendar.save', { versionId: uid(1), content: DEFAULT_CALENDAR, note: '', at: T, by: AGENT }),
  c('scripts.create', { scriptId: uid(2), versionId: uid(3), content: BUILTIN_SCRIPTS[0]!, builtinKey: null, published: false, at: T, by: AGENT }),
  c('scripts.saveDraft', { scriptId: uid(2), newVersionId: uid(4), content: BUILTIN_SCRIPTS[0]!, at: T, by: AGENT }),
  c('scripts.publish', { scriptId: uid(2), at: T, by: AGENT }),
  c('scripts.retire', { scriptId: uid(2), at: T, by: AGENT }),
  c('scripts.setMapping', { mapping: { satisfaction: null }, at: T, by: AGENT }),
  c('vouchers.approve', { voucherId: uid(5), eventId: uid(6), auditId: uid(7), notificationId: uid(8), at: T, by: AGENT }),
  c('vouchers.reject', { voucherId: uid(5), eventId: uid(6), auditId: uid(7), notificationId: uid(8), reason: '超出预算', at: T, by: AGENT }),
  c('faq.transition', { entryId: uid(9), auditId: uid(10), action: 'publish', note: '', confirmed: [], at: T, by: AGENT }),
  c('faq.transition', { entryId: uid(9), auditId: uid(10), action: 'retire', note: '', confirmed: [], at: T, by: AGENT }),
  c('faq.transition', { entryId: uid(9), auditId: uid(10), action: 'request_changes', note: '', confirmed: [], at: T, by: AGENT }),
  c('faq.markReviewed', { entryId: uid(9), auditId: uid(10), note: '', at: T, by: AGENT }),
  c('users.create', { id: uid(11), name: '冒名主管', role: 'supervisor', createdAt: T, by: AGENT }),
];

const label = (k: Case) => `${k.name}${k.name === 'faq.transition' ? ` (${(k.args as MutationArgs<'faq.transition'>).action})` : ''}`;

const TEAM: Case[] = [
  c('users.create', { id: SUPERVISOR, name: '周敏', role: 'supervisor', createdAt: T - 1000, by: null }),
  c('users.create', { id: AGENT, name: '王芳', role: 'agent', createdAt: T - 900, by: SUPERVISOR }),
  c('users.create', { id: OTHER_SUPERVISOR, name: '陈伟', role: 'supervisor', createdAt: T - 800, by: SUPERVISOR }),
];

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'applied';
}

async function codeOfAsync(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'applied';
}

describe('supervisor-only mutations applied as an agent (SQLite)', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    for (const k of TEAM) inTransaction(db, () => onSqlite(db, applyMutation(k.name, k.args as never, 'local')));
  });
  afterAll(() => db.$client.close());

  it.each(AS_AGENT.map((k) => [label(k), k] as const))('%s is FORBIDDEN', (_label, k) => {
    expect(codeOf(() => inTransaction(db, () => onSqlite(db, applyMutation(k.name, k.args as never, 'local'))))).toBe('FORBIDDEN');
  });
});

describe.each(dbKinds())('supervisor-only mutations applied as an agent (server on %s)', (kind) => {
  let t: TestDb;
  let server: ServerDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    server = t.db;
    for (const k of TEAM) await applyOnServer(server, k.name, k.args as never, 'local');
  }, 60_000);
  afterAll(() => t.drop());

  it.each(AS_AGENT.map((k) => [label(k), k] as const))('%s is FORBIDDEN', async (_label, k) => {
    const acting: Acting = { actorId: AGENT };
    expect(await codeOfAsync(() => applyOnServer(server, k.name, k.args as never, acting))).toBe('FORBIDDEN');
  });

  it('a mutation made out in a supervisor’s name by a signed-in agent is FORBIDDEN, and one in their own name applies', async () => {
    const inSupervisorsName = { settings: DEFAULT_CASE_SETTINGS, at: T, by: SUPERVISOR };
    expect(await codeOfAsync(() => applyOnServer(server, 'cases.updateSettings', inSupervisorsName, { actorId: AGENT }))).toBe('FORBIDDEN');
    expect(await codeOfAsync(() => applyOnServer(server, 'cases.updateSettings', inSupervisorsName, { actorId: SUPERVISOR }))).toBe('applied');
  });

  it('a refused mutation writes nothing', async () => {
    const before = (await server.query<{ n: number }>('SELECT count(*) AS n FROM calendar_versions')).rows[0]!.n;
    await codeOfAsync(() => applyOnServer(server, 'calendar.save', { versionId: uid(20), content: DEFAULT_CALENDAR, note: '', at: T, by: AGENT }, { actorId: AGENT }));
    expect((await server.query<{ n: number }>('SELECT count(*) AS n FROM calendar_versions')).rows[0]!.n).toBe(before);
  });
});
