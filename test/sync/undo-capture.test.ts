import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { forgetUndo, setSyncMeta, undoPending } from '../../db/repos/sync';
import { SYNCED_TABLE_INFO, undoTriggersSql } from '../../db/synced-tables';
import { runMutation } from '../../electron/services/mutations/registry';
import { cleanup, dumpSynced, seedCallback, seedCustomer, T0 } from '../helpers';

/*
 * The undo log takes back this console's unconfirmed changes before pulled rows land. Its triggers are
 * generated from the schema (scripts/gen-undo-triggers.ts) into a migration: a synced table whose
 * columns changed without regenerating them would take back only part of a row.
 */

describe('undo capture', () => {
  afterEach(cleanup);

  it('every synced table has the triggers its current columns need', () => {
    const db = openDatabase(':memory:');
    const installed = new Map(
      (db.$client.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_undo_%'`).all() as { name: string; sql: string }[]).map((t) => [t.name, t.sql]),
    );
    for (const info of SYNCED_TABLE_INFO) {
      for (const expected of undoTriggersSql(info)) {
        const name = /CREATE TRIGGER (\S+)/.exec(expected)![1]!;
        expect(installed.get(name), `${name}: regenerate with scripts/gen-undo-triggers.ts into a new migration`).toBe(expected);
      }
    }
    expect(installed.size).toBe(SYNCED_TABLE_INFO.length * 3);
  });

  it('takes back inserts, updates and deletes of a mutation exactly, and records nothing while capture is off', () => {
    const db = openDatabase(':memory:');
    const customer = seedCustomer(db);
    const callback = seedCallback(db, customer.id);
    const before = dumpSynced(db);
    setSyncMeta(db, 'sync.capture', '1');
    runMutation(db, 'callbacks.lease', { callbackId: callback.id, agentId: 'a1', at: T0, expiresAt: T0 + 60_000 }, T0, 'a1');
    runMutation(db, 'audit.phoneRevealed', { auditId: '01900000-0000-7000-8000-000000000001', customerId: customer.id, actorId: 'a1', at: T0 }, T0);
    db.$client.prepare(`UPDATE customers SET name = 'O''Brien 李', tags = '["x"]' WHERE id = ?`).run(customer.id);
    db.$client.prepare('DELETE FROM callbacks WHERE id = ?').run(callback.id);
    expect(dumpSynced(db)).not.toEqual(before);
    expect(undoPending(db)).toBe(4);
    expect(dumpSynced(db)).toEqual(before);

    setSyncMeta(db, 'sync.capture', '0');
    runMutation(db, 'callbacks.lease', { callbackId: callback.id, agentId: 'a1', at: T0, expiresAt: T0 + 60_000 }, T0, 'a1');
    expect(undoPending(db)).toBe(0);
    forgetUndo(db);
  });
});
