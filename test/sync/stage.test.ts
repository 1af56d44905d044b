import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { applyStage, clearStage, stagePage } from '../../db/repos/sync';
import { inTransaction } from '../../db/repos/stmt';
import { cleanup, count, rows, T0 } from '../helpers';

/*
 * A pull's pages are staged one by one and land together. A row that comes again in a later page of the
 * same pull (it changed while the pull ran) lands as its last image or deletion, whichever came last.
 */

afterEach(cleanup);

const user = (id: string, name: string) => ({ t: 'users', k: id, r: { id, name, role: 'agent', created_at: T0 } });
const gone = (t: string, k: string) => ({ t, k, r: null });
const page = (...items: unknown[]) => JSON.stringify(items);

function land(db: ReturnType<typeof openDatabase>): Map<string, number> {
  return inTransaction(db, () => {
    db.$client.pragma('defer_foreign_keys = ON');
    const counts = applyStage(db);
    clearStage(db);
    return counts;
  });
}

describe('staging a pull', () => {
  it('lands the last word on each row across pages: a later deletion removes an image, a later image undoes a deletion', async () => {
    const db = openDatabase(':memory:');
    inTransaction(db, () => stagePage(db, page(user('u1', '王芳'), user('u2', '李娜'), user('u3', '周敏'))));
    land(db);
    expect(rows(db, 'SELECT id, name FROM users ORDER BY id')).toEqual([
      { id: 'u1', name: '王芳' },
      { id: 'u2', name: '李娜' },
      { id: 'u3', name: '周敏' },
    ]);

    // Page 1: u1 renamed, u2 deleted, u4 new. Page 2: u1 deleted after all, u2 back with a new name, u4 renamed.
    inTransaction(db, () => stagePage(db, page(user('u1', '王芳芳'), gone('users', 'u2'), user('u4', '陈静'))));
    expect(rows(db, `SELECT pk, row ->> '$.name' AS name FROM sync_stage ORDER BY pk`)).toEqual([
      { pk: 'u1', name: '王芳芳' },
      { pk: 'u2', name: null },
      { pk: 'u4', name: '陈静' },
    ]);
    inTransaction(db, () => stagePage(db, page(gone('users', 'u1'), user('u2', '李娜娜'), user('u4', '陈静静'))));
    expect(count(db, 'sync_stage')).toBe(3);

    expect(land(db)).toEqual(new Map([['users', 3]]));
    expect(rows(db, 'SELECT id, name FROM users ORDER BY id')).toEqual([
      { id: 'u2', name: '李娜娜' },
      { id: 'u3', name: '周敏' },
      { id: 'u4', name: '陈静静' },
    ]);
    expect(count(db, 'sync_stage')).toBe(0);
  });

  it('lands a table with a composite key by the same rules', async () => {
    const db = openDatabase(':memory:');
    const source = (entryId: string, ticketId: string) => ({ t: 'faq_sources', k: JSON.stringify([entryId, ticketId]), r: { entry_id: entryId, ticket_id: ticketId } });
    inTransaction(db, () => stagePage(db, page(source('e1', 't1'), source('e1', 't2'))));
    inTransaction(db, () => stagePage(db, page(gone('faq_sources', JSON.stringify(['e1', 't1'])), source('e2', 't1'))));
    // Foreign keys are deferred to the commit: the entries and tickets they name are not staged here.
    db.$client.pragma('foreign_keys = OFF');
    expect(land(db)).toEqual(new Map([['faq_sources', 3]]));
    expect(rows(db, 'SELECT entry_id, ticket_id FROM faq_sources ORDER BY entry_id, ticket_id')).toEqual([
      { entry_id: 'e1', ticket_id: 't2' },
      { entry_id: 'e2', ticket_id: 't1' },
    ]);
  });

  it('lands the same rows from a stage an older console began as JSON text (a pull resumed after an upgrade)', async () => {
    const db = openDatabase(':memory:');
    const nested = { t: 'users', k: 'u5', r: { id: 'u5', name: '赵"磊"\n', role: 'supervisor', created_at: T0 } };
    // What the console wrote before images were staged as binary JSON.
    db.$client.prepare(`INSERT INTO sync_stage (table_name, pk, row) VALUES ('users', 'u1', json(?))`).run(JSON.stringify(user('u1', '王芳').r));
    inTransaction(db, () => stagePage(db, page(user('u2', '李娜'), nested)));
    expect(rows(db, 'SELECT pk, typeof(row) AS kind FROM sync_stage ORDER BY pk')).toEqual([
      { pk: 'u1', kind: 'text' },
      { pk: 'u2', kind: 'blob' },
      { pk: 'u5', kind: 'blob' },
    ]);
    expect(land(db)).toEqual(new Map([['users', 3]]));
    expect(rows(db, 'SELECT id, name, role, created_at FROM users ORDER BY id')).toEqual([
      { id: 'u1', name: '王芳', role: 'agent', created_at: T0 },
      { id: 'u2', name: '李娜', role: 'agent', created_at: T0 },
      { id: 'u5', name: '赵"磊"\n', role: 'supervisor', created_at: T0 },
    ]);
  });
});
