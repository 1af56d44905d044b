import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { changedKeys } from '../core/mutations/cases';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../core/sla';
import { insertNotification } from '../core/store/notifications';
import type { MutationArgs } from '../core/sync/mutations';
import { inTransaction } from '../db/repos/stmt';
import { onSqlite } from '../db/store';
import { AGENT, DAY, openStore, parsed, seedCallback, seedCustomer, SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * Team policy (ticket and voucher settings, SLA policies, the business calendar), notification reads and
 * list imports: what each applier writes, what it refuses, and what it tells the audit log.
 */

let n = 0;
const next = () => uid(80_000 + ++n);

let s: Store;
beforeEach(() => {
  s = withTeam(openStore());
});

const auditOf = (id: string) => {
  const row = s.row<{ action: string; actor_id: string; subject_id: string; details: string }>(`SELECT action, actor_id, subject_id, details FROM audit_log WHERE id = ?`, id);
  return row && { ...row, details: parsed(row.details) };
};

describe('team policy', () => {
  it('changed settings are audited by name; a change without an audit id (recorded before changes were audited) is not', () => {
    const auditId = next();
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, followUpDays: 5, reopenWindowDays: 3 }, at: T, by: SUPERVISOR, auditId });
    expect(auditOf(auditId)).toEqual({ action: 'settings.cases_changed', actor_id: SUPERVISOR, subject_id: 'cases', details: { changed: ['reopenWindowDays', 'followUpDays'] } });
    s.apply('cases.updateSettings', { settings: DEFAULT_CASE_SETTINGS, at: T + 1, by: SUPERVISOR });
    expect(s.count('audit_log', `subject_id = 'cases'`)).toBe(1);
    expect(changedKeys({ a: 1, b: [1, 2], c: { d: 1 } }, { a: 1, b: [1, 2], c: { d: 2 }, e: null })).toEqual(['c', 'e']);
  });

  it('every priority needs a policy for all categories; a category’s own policy does not cover the rest', () => {
    const withoutP4 = DEFAULT_POLICIES.filter((p) => !(p.priority === 'P4' && p.category === null));
    const onlyForPayments = [...withoutP4, { ...DEFAULT_POLICIES.find((p) => p.priority === 'P4')!, id: 'p4-payments', category: 'payments' }];
    for (const policies of [withoutP4, onlyForPayments]) {
      const refusal = s.refusal('sla.setPolicies', { policies, at: T, by: SUPERVISOR });
      expect([refusal.code, refusal.message, refusal.details]).toEqual(['BAD_INPUT', 'Every priority needs a policy for all categories; missing: P4.', { uncovered: ['P4'] }]);
    }
    const none = s.refusal('sla.setPolicies', { policies: [], at: T, by: SUPERVISOR });
    expect(none.message).toBe('Every priority needs a policy for all categories; missing: P1, P2, P3, P4.');
    const auditId = next();
    s.apply('sla.setPolicies', { policies: [...DEFAULT_POLICIES].reverse(), at: T, by: SUPERVISOR, auditId });
    expect(auditOf(auditId)).toEqual({ action: 'sla.policies_changed', actor_id: SUPERVISOR, subject_id: 'sla', details: { policies: DEFAULT_POLICIES.length } });
    s.apply('sla.setPolicies', { policies: DEFAULT_POLICIES, at: T + 1, by: SUPERVISOR });
    expect(s.count('audit_log', `subject_id = 'sla'`)).toBe(1);
  });

  it('each saved calendar is the next version, audited under its id; a calendar with problems is refused with the first', () => {
    const save = (versionId: string, content = DEFAULT_CALENDAR, note = '') => s.apply('calendar.save', { versionId, content, note, at: T, by: SUPERVISOR });
    const first = next();
    expect(save(first, DEFAULT_CALENDAR, '2027 年节假日')).toBe(1);
    expect(save(next())).toBe(2);
    expect(auditOf(first)).toEqual({ action: 'calendar.saved', actor_id: SUPERVISOR, subject_id: 'calendar', details: { version: 1, note: '2027 年节假日' } });
    const refusal = s.refusal('calendar.save', { versionId: next(), content: { ...DEFAULT_CALENDAR, timezone: 'Mars/Olympus' }, note: '', at: T, by: SUPERVISOR });
    expect(refusal.code).toBe('BAD_INPUT');
    expect(refusal.message).toMatch(/^The calendar has problems: timezone: "Mars\/Olympus" is not a time zone/);
    expect(refusal.details).toEqual({ problems: [expect.objectContaining({ code: 'unknown_zone' })] });
    expect(s.count('calendar_versions')).toBe(2);
  });

  it('marking notifications read touches only the reader’s own unread ones', () => {
    const notify = (id: string, userId: string) =>
      inTransaction(s.db, () => onSqlite(s.db, insertNotification({ id, userId, at: T, kind: 'sla_breach', ticketId: null, voucherId: null, data: {} })));
    const [mine, earlier, theirs] = [next(), next(), next()];
    notify(mine, AGENT);
    notify(earlier, AGENT);
    notify(theirs, SUPERVISOR);
    s.apply('notifications.markRead', { ids: [earlier], at: T + 1, by: AGENT });
    s.apply('notifications.markRead', { ids: [mine, earlier, theirs], at: T + 2, by: AGENT });
    s.apply('notifications.markRead', { ids: [], at: T + 3, by: AGENT });
    expect(s.rows(`SELECT id, read_at AS readAt FROM notifications ORDER BY id`)).toEqual([
      { id: mine, readAt: T + 2 },
      { id: earlier, readAt: T + 1 },
      { id: theirs, readAt: null },
    ]);
  });
});

describe('imports.commit', () => {
  type Row = MutationArgs<'imports.commit'>['rows'][number];
  const row = (phone: string, over: Partial<Row> = {}): Row => ({
    customerId: next(),
    callbackId: next(),
    phone,
    name: '张伟',
    reason: 'satisfaction',
    priority: 2,
    dueAt: T + DAY,
    timezone: 'America/Los_Angeles',
    notes: '来自名单',
    ...over,
  });
  const commit = (batchId: string, rows: Row[], part = { index: 0, of: 1 }) =>
    s.apply('imports.commit', { batchId, fileName: '回访名单.csv', createdAt: T, createdBy: SUPERVISOR, totalRows: 10, invalid: 1, part, rows });

  it('new numbers become customers with the import’s consents; known numbers keep their customer', () => {
    const known = seedCustomer(s);
    const batchId = next();
    const fresh = row('+8613800000001');
    const again = row(known.phone, { reason: 'care' });
    expect(commit(batchId, [fresh, again])).toEqual({ imported: 2, duplicates: 0 });
    expect(s.row(`SELECT id, name, timezone, tags, consent_service AS service, consent_survey AS survey, consent_marketing AS marketing, created_at AS at FROM customers WHERE phone = ?`, fresh.phone)).toEqual({
      id: fresh.customerId,
      name: '张伟',
      timezone: 'America/Los_Angeles',
      // Untagged: a list says nothing about complaints or VIPs.
      tags: '[]',
      service: 'granted',
      survey: 'unknown',
      marketing: 'unknown',
      at: T,
    });
    expect(s.count('customers', 'id = ?', again.customerId)).toBe(0);
    expect(s.row(`SELECT customer_id AS customer, reason, priority, due_at AS due, state, source, import_batch_id AS batch, notes FROM callbacks WHERE id = ?`, again.callbackId)).toEqual({
      customer: known.id,
      reason: 'care',
      priority: 2,
      due: T + DAY,
      state: 'open',
      source: 'import',
      batch: batchId,
      notes: '来自名单',
    });
  });

  it('a row for an open callback of the same customer, reason and due time is a duplicate, within the file or not', () => {
    const known = seedCustomer(s);
    seedCallback(s, known.id, { reason: 'satisfaction', dueAt: T + DAY });
    const rows = [row(known.phone), row('+8613800000002'), row('+8613800000002'), row('+8613800000002', { dueAt: T + 2 * DAY })];
    expect(commit(next(), rows)).toEqual({ imported: 2, duplicates: 2 });
  });

  it('the first part writes the batch and its audit entry; later parts add their counts; a later part without its first is refused', () => {
    const batchId = next();
    commit(batchId, [row('+8613800000003')], { index: 0, of: 2 });
    expect(commit(batchId, [row('+8613800000004'), row('+8613800000004')], { index: 1, of: 2 })).toEqual({ imported: 1, duplicates: 1 });
    expect(s.row(`SELECT file_name AS file, created_by AS by, total_rows AS total, imported, duplicates, invalid FROM import_batches WHERE id = ?`, batchId)).toEqual({
      file: '回访名单.csv',
      by: SUPERVISOR,
      total: 10,
      imported: 2,
      duplicates: 1,
      invalid: 1,
    });
    expect(auditOf(batchId)).toEqual({ action: 'import.committed', actor_id: SUPERVISOR, subject_id: batchId, details: { fileName: '回访名单.csv', totalRows: 10, invalid: 1 } });
    // Filed under the import batch (the audit list shows each entry's subject type and id).
    expect(s.row(`SELECT subject_type AS type FROM audit_log WHERE id = ?`, batchId)).toEqual({ type: 'import' });
    const orphan = s.refusal('imports.commit', { batchId: next(), fileName: 'x.csv', createdAt: T, createdBy: SUPERVISOR, totalRows: 1, invalid: 0, part: { index: 1, of: 2 }, rows: [row('+8613800000005')] });
    expect([orphan.code, orphan.message]).toEqual(['NOT_FOUND', 'The first part of this import was not applied, so its later parts cannot be.']);
    expect(s.count('customers', 'phone = ?', '+8613800000005')).toBe(0);
  });
});
