import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { applyMutation } from '../core/mutations/registry';
import { DEFAULT_SETTINGS } from '../core/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../core/sla';
import type { MutationArgs, MutationName } from '../core/sync/mutations';
import { openDatabase, type Db } from '../db/open';
import { onSqlite } from '../db/store';
import { inTransaction } from '../db/repos/stmt';
import { applyOnServer } from '../server/store/apply';
import { createTestDb, dbKinds, type TestDb } from '../server/testing/databases';

/*
 * Issue 11, item 7: user management, queue / case / SLA settings, calendar versions, imports and DNC
 * additions are audited by the appliers themselves — so a change made on one console reaches every
 * supervisor's audit log through sync, and the server writes the same entries — each entry named by an
 * id the mutation carries (exactly once, however often it is replayed).
 */

const SUPERVISOR = '0193a000-0000-7000-8000-0000000005e1';
const AGENT = '0193a000-0000-7000-8000-00000000a9e1';
const T = Date.UTC(2026, 11, 7, 2, 0);
const uid = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Step = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];
const step = <N extends MutationName>(name: N, args: MutationArgs<N>): Step => ({ name, args }) as Step;

const CUSTOMER = uid(300);
const CALLBACK = uid(301);
const STEPS: Step[] = [
  step('users.create', { id: SUPERVISOR, name: '周敏', role: 'supervisor', createdAt: T - 1000, by: null }),
  step('users.create', { id: AGENT, name: '王芳', role: 'agent', createdAt: T - 900, by: SUPERVISOR }),
  step('settings.update', { settings: { ...DEFAULT_SETTINGS, capPer24h: DEFAULT_SETTINGS.capPer24h + 1 }, updatedAt: T, updatedBy: SUPERVISOR, auditId: uid(1) }),
  step('cases.updateSettings', { settings: DEFAULT_CASE_SETTINGS, at: T, by: SUPERVISOR, auditId: uid(2) }),
  step('sla.setPolicies', { policies: DEFAULT_POLICIES, at: T, by: SUPERVISOR, auditId: uid(3) }),
  step('calendar.save', { versionId: uid(4), content: DEFAULT_CALENDAR, note: '2027 年节假日', at: T, by: SUPERVISOR }),
  step('imports.commit', {
    batchId: uid(5),
    fileName: '回访名单.csv',
    createdAt: T,
    createdBy: SUPERVISOR,
    totalRows: 1,
    invalid: 0,
    part: { index: 0, of: 1 },
    rows: [{ customerId: CUSTOMER, callbackId: CALLBACK, phone: '+8613912345678', name: '张伟', reason: 'satisfaction', priority: 3, dueAt: T, timezone: 'Asia/Shanghai', notes: '' }],
  }),
];

/** What the audit log must hold after STEPS: [action, actor, subject id]. */
const EXPECTED = [
  ['user.created', SUPERVISOR, AGENT],
  ['settings.queue_changed', SUPERVISOR, 'queue'],
  ['settings.cases_changed', SUPERVISOR, 'cases'],
  ['sla.policies_changed', SUPERVISOR, 'sla'],
  ['calendar.saved', SUPERVISOR, 'calendar'],
  ['import.committed', SUPERVISOR, uid(5)],
];

type AuditRow = { action: string; actor_id: string; subject_id: string; details: unknown };
const sortRows = (rows: AuditRow[]) => rows.map((r) => [r.action, r.actor_id, r.subject_id]).sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('administrative changes are audited by the appliers (SQLite)', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    for (const s of STEPS) inTransaction(db, () => onSqlite(db, applyMutation(s.name, s.args as never, 'local')));
  });
  afterAll(() => db.$client.close());

  it('each change leaves one entry naming who did it and what', () => {
    const rows = db.$client.prepare('SELECT action, actor_id, subject_id, details FROM audit_log').all() as AuditRow[];
    expect(sortRows(rows)).toEqual([...EXPECTED].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    const queue = rows.find((r) => r.action === 'settings.queue_changed')!;
    expect(JSON.parse(queue.details as string)).toEqual({ changed: ['capPer24h'] });
    const first = rows.find((r) => r.action === 'user.created')!;
    expect(JSON.parse(first.details as string)).toEqual({ name: '王芳', role: 'agent' });
  });

  it('the first user of a console (made by nobody) leaves no entry; a DNC request leaves one, named by its entry', () => {
    expect(db.$client.prepare(`SELECT count(*) AS n FROM audit_log WHERE subject_id = ?`).get(SUPERVISOR)).toEqual({ n: 0 });
    inTransaction(db, () => onSqlite(db, applyMutation('callbacks.lease', { callbackId: CALLBACK, agentId: AGENT, at: T + 60_000, expiresAt: T + 20 * 60_000 }, 'local')));
    inTransaction(db, () =>
      onSqlite(
        db,
        applyMutation(
          'attempts.record',
          {
            attemptId: uid(7),
            callbackId: CALLBACK,
            agentId: AGENT,
            startedAt: T + 2 * 60_000,
            endedAt: T + 3 * 60_000,
            disposition: 'dnc_requested',
            notes: '',
            callbackAt: null,
            dncEntryId: uid(8),
            dncExpiresAt: null,
            recordedAt: T + 3 * 60_000,
            surveySkipReason: null,
          },
          'local',
        ),
      ),
    );
    expect(db.$client.prepare(`SELECT id, action, actor_id AS actor FROM audit_log WHERE action = 'dnc.added'`).all()).toEqual([{ id: uid(8), action: 'dnc.added', actor: AGENT }]);
  });
});

describe.each(dbKinds())('administrative changes are audited by the appliers (server on %s)', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const s of STEPS) await applyOnServer(t.db, s.name, s.args as never, 'local');
  }, 60_000);
  afterAll(() => t.drop());

  it('writes the same entries as the console', async () => {
    const rows = (await t.db.query<AuditRow>('SELECT action, actor_id, subject_id, details FROM audit_log')).rows;
    expect(sortRows(rows)).toEqual([...EXPECTED].sort((a, b) => a[0]!.localeCompare(b[0]!)));
  });
});
