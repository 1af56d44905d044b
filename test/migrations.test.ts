import Database from 'better-sqlite3';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/contract/result';
import type { QueuePage, SessionInfo } from '../core/contract/views';
import { databasePath, defaultMigrationsFolder, openDatabase, readJournal } from '../db/open';
import { cleanup, makeHarness, T0, tempDir } from './helpers';

afterEach(cleanup);

const FULL = defaultMigrationsFolder();
const JOURNAL = readJournal(FULL);
const N = JOURNAL.entries.length;

/** A copy of the migrations folder whose journal lists only the first `n` migrations. */
function migrationsPrefix(n: number, from = FULL): string {
  const dir = join(tempDir('cbc-mig-'), 'migrations');
  cpSync(from, dir, { recursive: true });
  const raw = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  raw.entries = raw.entries.slice(0, n);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(raw, null, 2));
  return dir;
}

function schemaOf(db: Database.Database): { type: string; name: string; tbl_name: string; sql: string | null }[] {
  return db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
}

const ID = {
  user: '0190f5c0-0000-7000-8000-000000000001',
  customer: '0190f5c0-0000-7000-8000-000000000002',
  callback: '0190f5c0-0000-7000-8000-000000000003',
  attempt: '0190f5c0-0000-7000-8000-000000000004',
  dnc: '0190f5c0-0000-7000-8000-000000000005',
  audit: '0190f5c0-0000-7000-8000-000000000006',
  batch: '0190f5c0-0000-7000-8000-000000000007',
  outbox: '0190f5c0-0000-7000-8000-000000000008',
};

/**
 * One representative row per table, as of the first schema. A later migration that adds a NOT NULL
 * column without a default gets a filler by type; one that drops a column simply stops receiving it.
 */
const FIXTURE: Record<string, { pk: string; row: Record<string, unknown> }[]> = {
  users: [{ pk: 'id', row: { id: ID.user, name: '王芳', role: 'agent', created_at: T0 - 1000 } }],
  customers: [
    {
      pk: 'id',
      row: {
        id: ID.customer, name: '张三', phone: '+8613900000001', phone_status: 'ok', timezone: 'Asia/Shanghai', gender: 'male',
        city: '上海', segment: 'active', registered_at: T0 - 86_400_000 * 400, last_active_at: T0 - 3_600_000, txn_count_30d: 12,
        balance_band: '1k_10k', tags: '["vip"]', consent_service: 'granted', consent_survey: 'unknown', consent_marketing: 'granted',
        dnc_until: null, cap_until: null, created_at: T0 - 86_400_000 * 30,
      },
    },
  ],
  callbacks: [
    {
      pk: 'id',
      row: {
        id: ID.callback, customer_id: ID.customer, reason: 'complaint_followup', priority: 2, due_at: T0 - 3_600_000, state: 'open',
        outcome: null, attempts: 1, failed_attempts: 1, lease_agent_id: null, lease_expires_at: null, notes: '投诉：到账慢',
        source: 'import', import_batch_id: ID.batch, created_at: T0 - 86_400_000, closed_at: null,
      },
    },
  ],
  call_attempts: [
    {
      pk: 'id',
      row: {
        id: ID.attempt, callback_id: ID.callback, customer_id: ID.customer, agent_id: ID.user, started_at: T0 - 28 * 3_600_000,
        ended_at: T0 - 28 * 3_600_000 + 60_000, disposition: 'no_answer', notes: '', callback_at: null,
      },
    },
  ],
  dnc_entries: [
    { pk: 'id', row: { id: ID.dnc, customer_id: ID.customer, phone: '+8613900000001', source: 'agent', created_at: T0 - 5000, created_by: ID.user, expires_at: T0 + 86_400_000 } },
  ],
  audit_log: [
    { pk: 'id', row: { id: ID.audit, at: T0 - 4000, actor_id: ID.user, action: 'phone.reveal', subject_type: 'customer', subject_id: ID.customer, details: '{}' } },
  ],
  import_batches: [
    { pk: 'id', row: { id: ID.batch, file_name: '名单.csv', created_at: T0 - 86_400_000, created_by: ID.user, total_rows: 3, imported: 1, duplicates: 1, invalid: 1 } },
  ],
  settings: [{ pk: 'key', row: { key: 'queue', value: JSON.stringify({ leaseMinutes: 20 }), updated_at: T0 - 3000, updated_by: ID.user } }],
  outbox: [{ pk: 'id', row: { id: ID.outbox, name: 'users.create', args: JSON.stringify({ id: ID.user, name: '王芳', role: 'agent', createdAt: T0 - 1000 }), created_at: T0 - 1000, pushed_at: null } }],
  local_meta: [
    { pk: 'key', row: { key: 'currentUserId', value: ID.user } },
    { pk: 'key', row: { key: 'setUpAt', value: String(T0 - 1000) } },
    { pk: 'key', row: { key: 'locale', value: 'en' } },
  ],
};

/** Inserts the fixture into whatever tables/columns this schema has; returns what was inserted. */
function insertFixture(db: Database.Database): { table: string; pk: string; row: Record<string, unknown> }[] {
  const inserted: { table: string; pk: string; row: Record<string, unknown> }[] = [];
  for (const [table, items] of Object.entries(FIXTURE)) {
    const cols = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
    if (cols.length === 0) continue;
    for (const item of items) {
      const row: Record<string, unknown> = {};
      for (const c of cols) {
        if (c.name in item.row) row[c.name] = item.row[c.name];
        else if (c.notnull && c.dflt_value === null && !c.pk) row[c.name] = /INT/i.test(c.type) ? 0 : '';
      }
      const names = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
      inserted.push({ table, pk: item.pk, row });
    }
  }
  return inserted;
}

describe('migrations', () => {
  it('the journal is well formed: ordered, unique tags, increasing timestamps, every sql file present', () => {
    expect(N).toBeGreaterThan(0);
    JOURNAL.entries.forEach((e, i) => {
      expect(e.idx).toBe(i);
      expect(existsSync(join(FULL, `${e.tag}.sql`))).toBe(true);
      if (i > 0) expect(e.when).toBeGreaterThan(JOURNAL.entries[i - 1]!.when);
    });
    expect(new Set(JOURNAL.entries.map((e) => e.tag)).size).toBe(N);
  });

  for (let n = 0; n <= N; n++) {
    it(`a database at migration ${n}/${N} upgrades with its data intact to the fresh schema`, async () => {
      const dataDir = tempDir();
      const path = databasePath(dataDir);
      // Old app: only the first n migrations.
      const old = openDatabase(path, { migrationsFolder: migrationsPrefix(n) });
      expect(old.$client.pragma('user_version', { simple: true })).toBe(n);
      const inserted = insertFixture(old.$client);
      if (n > 0) expect(inserted.length).toBeGreaterThanOrEqual(Object.keys(FIXTURE).length);
      old.$client.close();

      // New app: every migration.
      const upgraded = openDatabase(path);
      expect(upgraded.$client.pragma('user_version', { simple: true })).toBe(N);
      expect((upgraded.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(N);
      for (const { table, pk, row } of inserted) {
        const after = upgraded.$client.prepare(`SELECT * FROM ${table} WHERE "${pk}" = ?`).get(row[pk]) as Record<string, unknown> | undefined;
        expect(after, `${table} ${String(row[pk])}`).toBeDefined();
        // Columns that still exist keep their values.
        const kept = Object.fromEntries(Object.keys(row).filter((k) => k in after!).map((k) => [k, after![k]]));
        const expected = Object.fromEntries(Object.keys(row).filter((k) => k in after!).map((k) => [k, row[k]]));
        expect(kept).toEqual(expected);
      }

      const fresh = openDatabase(join(tempDir(), 'fresh.sqlite'));
      expect(schemaOf(upgraded.$client)).toEqual(schemaOf(fresh.$client));
      expect(upgraded.$client.pragma('foreign_key_check')).toEqual([]);
      expect(upgraded.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      upgraded.$client.close();
      fresh.$client.close();

      if (n > 0) {
        // The upgraded file works end to end through the back end.
        // Set up before local accounts: no one has a password yet, so the first run asks for one, and the
        // person who gives their name there (王芳, with her history) gets the first account; the data stays.
        const h = makeHarness({ dataDir });
        expect(await h.ok<SessionInfo>('session.get')).toMatchObject({ setUp: false, locale: 'en', currentUser: null });
        await h.ok('session.setUp', { mode: 'demo', name: ' 王芳 ', password: 'test-password-1', locale: 'en' });
        const session = await h.ok<SessionInfo>('session.get');
        expect(session).toMatchObject({ setUp: true, locale: 'en', currentUser: { id: ID.user, name: '王芳' } });
        expect((await h.err('session.setUp', { mode: 'empty', name: '新人', password: 'test-password-1', locale: 'en' })).code).toBe('CONFLICT');
        const page = await h.ok<QueuePage>('queue.list', { filter: { status: 'all' } });
        expect(page.rows.map((r) => [r.id, r.customerName, r.attempts])).toEqual([[ID.callback, '张三', 1]]);
        expect((await h.ok<{ leaseMinutes: number }>('settings.get')).leaseMinutes).toBe(20);
      }
    });
  }

  it('the upgrade check itself works across several migrations (synthetic 0001 and 0002 on top of the real ones)', () => {
    // Guards the harness above for the day the journal grows: a copy with two extra migrations.
    const folder = migrationsPrefix(N);
    const raw = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
    const last = raw.entries.at(-1)!;
    const extra = [
      { tag: '9001_test_nickname', sql: "ALTER TABLE `customers` ADD `nickname` text DEFAULT '' NOT NULL;" },
      { tag: '9002_test_notes', sql: 'CREATE TABLE `test_notes` (`id` text PRIMARY KEY NOT NULL, `body` text NOT NULL);' },
    ];
    extra.forEach((m, i) => {
      writeFileSync(join(folder, `${m.tag}.sql`), m.sql);
      raw.entries.push({ ...last, idx: N + i, when: last.when + (i + 1) * 1000, tag: m.tag });
    });
    writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(raw));
    for (let n = 1; n <= N + 2; n++) {
      const path = join(tempDir(), 'x.sqlite');
      const old = openDatabase(path, { migrationsFolder: migrationsPrefix(n, folder) });
      insertFixture(old.$client);
      old.$client.close();
      const up = openDatabase(path, { migrationsFolder: folder });
      const fresh = openDatabase(join(tempDir(), 'f.sqlite'), { migrationsFolder: folder });
      expect(schemaOf(up.$client)).toEqual(schemaOf(fresh.$client));
      expect(up.$client.prepare('SELECT name, nickname FROM customers').all()).toEqual([{ name: '张三', nickname: '' }]);
      expect(up.$client.pragma('user_version', { simple: true })).toBe(N + 2);
      up.$client.close();
      fresh.$client.close();
      // …and the real app refuses a file that went further than it knows.
      if (n === N + 2) {
        let code: string | undefined;
        try {
          openDatabase(path).$client.close();
        } catch (e) {
          code = (e as AppError).code;
        }
        expect(code).toBe('DB_NEWER_SCHEMA');
      }
    }
  });

  it('0005 copies each attempt\'s callback reason onto it, and the upgraded console works with tickets', async () => {
    const dataDir = tempDir();
    const path = databasePath(dataDir);
    const old = openDatabase(path, { migrationsFolder: migrationsPrefix(5) });
    insertFixture(old.$client);
    old.$client.close();
    const upgraded = openDatabase(path);
    expect(upgraded.$client.prepare('SELECT reason FROM call_attempts WHERE id = ?').get(ID.attempt)).toEqual({
      reason: (upgraded.$client.prepare('SELECT reason FROM callbacks WHERE id = ?').get(ID.callback) as { reason: string }).reason,
    });
    upgraded.$client.close();
    const h = makeHarness({ dataDir });
    await h.ok('session.setUp', { mode: 'empty', name: '王芳', password: 'test-password-1', locale: 'zh-CN' });
    const t = await h.ok<{ ticket: { id: string; calendarVersion: number } }>('tickets.create', { customerId: ID.customer, subject: '升级后', category: 'payments', priority: 'P3' });
    expect(t.ticket.calendarVersion).toBe(0);
  });

  it('0006/0007 count the existing callbacks into queue_counts, and its triggers keep it in step with every write', async () => {
    const dataDir = tempDir();
    const path = databasePath(dataDir);
    const old = openDatabase(path, { migrationsFolder: migrationsPrefix(6) });
    insertFixture(old.$client);
    // More callbacks of the old schema: several states, reasons and priorities.
    const insert = old.$client.prepare(
      `INSERT INTO callbacks (id, customer_id, reason, priority, due_at, state, attempts, failed_attempts, notes, source, created_at, timezone)
       VALUES (?, ?, ?, ?, NULL, ?, 0, 0, '', 'import', ?, 'Asia/Shanghai')`,
    );
    const reasons = ['satisfaction', 'winback', 'care'];
    for (let i = 0; i < 12; i++) {
      insert.run(`0190f5c0-0000-7000-8000-1000000000${String(i).padStart(2, '0')}`, ID.customer, reasons[i % 3], (i % 5) + 1, i % 4 === 0 ? 'closed' : 'open', T0 - i);
    }
    old.$client.close();

    const upgraded = openDatabase(path);
    const counts = () => upgraded.$client.prepare('SELECT state, reason, priority, n FROM queue_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
    const truth = () => upgraded.$client.prepare('SELECT state, reason, priority, count(*) AS n FROM callbacks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all();
    expect(counts()).toHaveLength(truth().length);
    expect(counts()).toEqual(truth());
    upgraded.$client.exec(`UPDATE callbacks SET state = 'closed' WHERE reason = 'winback'`);
    upgraded.$client.exec(`UPDATE callbacks SET priority = 1, reason = 'care' WHERE reason = 'satisfaction' AND state = 'open'`);
    upgraded.$client.exec(`UPDATE callbacks SET notes = 'no count changes' WHERE reason = 'care'`);
    upgraded.$client.exec(`DELETE FROM callbacks WHERE id LIKE '0190f5c0-0000-7000-8000-10000000000%'`);
    expect(counts()).toEqual(truth());
    const callbacks = (upgraded.$client.prepare('SELECT count(*) AS n FROM callbacks').get() as { n: number }).n;
    upgraded.$client.close();

    // The upgraded console's queue reads its totals from there.
    const h = makeHarness({ dataDir });
    await h.ok('session.setUp', { mode: 'empty', name: '王芳', password: 'test-password-1', locale: 'zh-CN' });
    const all = await h.ok<QueuePage>('queue.list', { filter: { status: 'all' }, limit: 1 });
    expect(all.total).toBe(callbacks);
  });

  it('0008 adds the device-local local_credentials table, empty: an upgraded console asks for its first account; supervisors set the others', async () => {
    const dataDir = tempDir();
    const old = openDatabase(databasePath(dataDir), { migrationsFolder: migrationsPrefix(8) });
    insertFixture(old.$client);
    old.$client.prepare(`INSERT INTO users (id, name, role, created_at) VALUES (?, '周敏', 'supervisor', ?)`).run(ID.batch.replace(/7$/, '9'), T0);
    old.$client.close();
    const upgraded = openDatabase(databasePath(dataDir));
    expect((upgraded.$client.prepare('SELECT count(*) AS n FROM local_credentials').get() as { n: number }).n).toBe(0);
    expect((upgraded.$client.prepare('PRAGMA table_info(local_credentials)').all() as { name: string }[]).map((c) => c.name)).toEqual([
      'user_id',
      'password_hash',
      'updated_at',
      'disabled_at',
    ]);
    upgraded.$client.close();
    const h = makeHarness({ dataDir });
    // Before any account has a password, nothing but the public calls answers.
    expect((await h.err('queue.list')).code).toBe('UNAUTHENTICATED');
    const first = await h.ok<SessionInfo>('session.setUp', { mode: 'empty', name: '周敏', password: 'zhoumin-pass', locale: 'zh-CN' });
    expect(first.currentUser).toMatchObject({ name: '周敏', role: 'supervisor' });
    expect(first.users).toHaveLength(2);
    // 王芳 has no password until a supervisor gives her one.
    expect((await h.err('session.signIn', { login: '王芳', password: 'anything-1' })).code).toBe('UNAUTHENTICATED');
    await h.ok('users.setPassword', { userId: ID.user, password: 'wangfang-pass' });
    await h.ok('session.signOut');
    await h.ok('session.signIn', { login: '王芳', password: 'wangfang-pass' });
    expect((await h.ok<SessionInfo>('session.get')).currentUser?.id).toBe(ID.user);
    expect((await h.err('users.setPassword', { userId: first.currentUser!.id, password: 'taken-over-1' })).code).toBe('FORBIDDEN');
  });

  it('opening twice is idempotent (no duplicate migrations, same schema)', () => {
    const path = join(tempDir(), 'twice.sqlite');
    const a = openDatabase(path);
    const first = schemaOf(a.$client);
    a.$client.close();
    const b = openDatabase(path);
    expect(schemaOf(b.$client)).toEqual(first);
    expect((b.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(N);
    b.$client.close();
  });
});
