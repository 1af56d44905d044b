import { afterEach, describe, expect, it } from 'vitest';
import type { QueuePage } from '../core/contract/views';
import { b64, cleanup, contentHash, count, csv, rows, seedCallback, seedCustomer, T0, waitForImport } from './helpers';
import { at, cbRow, lastOutbox, ready } from './services-helpers';

afterEach(cleanup);

const ids = (p: QueuePage) => p.rows.map((r) => r.id);

describe('CSV import', () => {
  const header = ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'];

  it('reports good, invalid, duplicate and blank rows; commits the good ones once', async () => {
    const { h, me } = await ready();
    const existing = seedCustomer(h.db, { name: '老客户', phone: '+8613800000009' });
    const openOne = seedCallback(h.db, existing.id, { reason: 'satisfaction', dueAt: null });
    const text =
      csv(header, [
        ['138 0000 0001', '张三', 'complaint_followup', '2026-11-24 10:00', '1', '', '客户要求上午回电'],
        ['13800000002', '李四', '满意度回访', '', '2', 'Asia/Shanghai', 'note, with comma'],
        ['+1 213 373 4253', 'Amy', 'complaint_followup', '', '', 'America/Los_Angeles', ''],
      ]) +
      '\n' + // a blank line
      csv(header, [
        ['12345', '坏号码', 'complaint_followup', '', '', '', ''],
        ['13800000004', '坏原因', 'sales_pitch', '', '', '', ''],
        ['13800000005', '坏时间', 'winback', '2026-13-45 99:00', '', '', ''],
        ['13800000009', '老客户', 'satisfaction', '', '3', '', ''],
      ]).split('\n').slice(1).join('\n');
    const job = await h.ok<{ jobId: string; phase: string }>('imports.start', { fileName: 'list.csv', contentBase64: b64(text) });
    expect(['parsing', 'validating', 'ready']).toContain(job.phase);
    const ready2 = await waitForImport(h, job.jobId);
    expect(ready2.phase).toBe('ready');
    expect(ready2.report).toMatchObject({ encoding: 'utf-8', totalRows: 7, valid: 3, duplicates: 1, invalid: 3, blankLines: 1 });
    expect(ready2.report.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [6, 'invalid_phone'],
      [7, 'invalid_reason'],
      [8, 'invalid_due_at'],
    ]);
    expect(count(h.db, 'callbacks')).toBe(1); // nothing written before commit
    // The zone list is cached now; it only knows Shanghai.
    expect(ids(await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } }))).toEqual([openOne.id]);

    const done = await h.ok<{ phase: string; batchId: string; imported: number; duplicates: number }>('imports.commit', { jobId: job.jobId });
    expect(done).toMatchObject({ phase: 'done', imported: 3, duplicates: 1 });
    const imported = rows<Record<string, unknown>>(
      h.db,
      `SELECT c.phone, c.name, c.timezone, cb.reason, cb.priority, cb.due_at, cb.notes, cb.source, cb.state, cb.created_at
         FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.import_batch_id = ? ORDER BY c.phone`,
      done.batchId,
    );
    expect(imported).toEqual([
      { phone: '+12133734253', name: 'Amy', timezone: 'America/Los_Angeles', reason: 'complaint_followup', priority: 3, due_at: null, notes: '', source: 'import', state: 'open', created_at: T0 },
      { phone: '+8613800000001', name: '张三', timezone: 'Asia/Shanghai', reason: 'complaint_followup', priority: 1, due_at: at('2026-11-24T10:00:00+08:00'), notes: '客户要求上午回电', source: 'import', state: 'open', created_at: T0 },
      { phone: '+8613800000002', name: '李四', timezone: 'Asia/Shanghai', reason: 'satisfaction', priority: 2, due_at: null, notes: 'note, with comma', source: 'import', state: 'open', created_at: T0 },
    ]);
    expect(count(h.db, 'callbacks', 'customer_id = ?', existing.id)).toBe(1);
    expect(cbRow(h, openOne.id).import_batch_id).toBeNull();
    expect(rows(h.db, 'SELECT * FROM import_batches')).toEqual([
      { id: done.batchId, file_name: 'list.csv', created_at: T0, created_by: me.id, total_rows: 7, imported: 3, duplicates: 1, invalid: 3 },
    ]);
    expect(lastOutbox(h).name).toBe('imports.commit');
    const batches = await h.ok<{ id: string; createdByName: string; imported: number }[]>('imports.list');
    expect(batches).toEqual([
      { id: done.batchId, fileName: 'list.csv', createdAt: T0, createdByName: '王芳', totalRows: 7, imported: 3, duplicates: 1, invalid: 3 },
    ]);

    // The new LA customer's zone is picked up at once (no stale zone cache): LA is at 18:00, callable.
    const callable = await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } });
    const amy = imported[0]!;
    expect(callable.rows.map((r) => r.customerName).sort()).toEqual(['Amy', '李四', '老客户'].sort());
    expect(amy.name).toBe('Amy');

    const hash = contentHash(h.db);
    expect((await h.err('imports.commit', { jobId: job.jobId })).code).toBe('CONFLICT');
    expect(contentHash(h.db)).toBe(hash);
  });

  it('a file with no valid rows cannot be committed; a file without the required columns fails the job', async () => {
    const { h } = await ready();
    const job = await h.ok<{ jobId: string }>('imports.start', { fileName: 'bad.csv', contentBase64: b64(csv(header, [['1', 'x', 'nope', '', '', '', '']])) });
    const r = await waitForImport(h, job.jobId);
    expect(r.report).toMatchObject({ totalRows: 1, valid: 0, invalid: 1 });
    const hash = contentHash(h.db);
    expect((await h.err('imports.commit', { jobId: job.jobId })).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);

    const job2 = await h.ok<{ jobId: string }>('imports.start', { fileName: 'cols.csv', contentBase64: b64('foo,bar\n1,2\n') });
    const r2 = await waitForImport(h, job2.jobId);
    expect(r2).toMatchObject({ phase: 'failed', error: { code: 'BAD_INPUT' } });
    expect((await h.err('imports.commit', { jobId: job2.jobId })).code).toBe('CONFLICT');
    expect((await h.err('imports.status', { jobId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect(contentHash(h.db)).toBe(hash);
  });

  it('a cancelled job is gone', async () => {
    const { h } = await ready();
    const job = await h.ok<{ jobId: string }>('imports.start', { fileName: 'a.csv', contentBase64: b64(csv(header, [['13800000001', 'a', 'care', '', '', '', '']])) });
    await waitForImport(h, job.jobId);
    expect(await h.ok('imports.cancel', { jobId: job.jobId })).toEqual({ cancelled: true });
    expect((await h.err('imports.commit', { jobId: job.jobId })).code).toBe('NOT_FOUND');
    expect(count(h.db, 'callbacks')).toBe(0);
  });

  it('warns on due dates long past and reports rows that cannot be called, with why, in the preview and after the commit', async () => {
    const { h } = await ready();
    seedCustomer(h.db, { name: '勿扰客户', phone: '+8613800000021', dncUntil: T0 + 30 * 86_400_000 });
    seedCustomer(h.db, { name: '错号客户', phone: '+8613800000022', phoneStatus: 'bad' });
    seedCustomer(h.db, { name: '老客户', phone: '+8613800000023', consentMarketing: 'granted' });
    const text = csv(header, [
      ['13800000011', '旧日期', 'complaint_followup', '2020-01-01 10:00', '', '', ''], // line 2: due long past, callable
      ['13800000012', '新关怀', 'care', '', '', '', ''], // line 3: a new customer has no marketing consent
      ['13800000021', '勿扰客户', 'winback', '', '', '', ''], // line 4: on the DNC list (the seed opted in to marketing)
      ['13800000022', '错号客户', 'satisfaction', '', '', '', ''], // line 5: number marked wrong
      ['13800000023', '老客户', 'care', '2026-11-20 10:00', '', '', ''], // line 6: opted in, due 3 days ago: fine
      ['13800000024', '新投诉', 'complaint_followup', '', '', '', ''], // line 7: fine
    ]);
    const job = await h.ok<{ jobId: string }>('imports.start', { fileName: 'warn.csv', contentBase64: b64(text) });
    const settled = await waitForImport(h, job.jobId);
    expect(settled.report).toMatchObject({ valid: 6, invalid: 0, duplicates: 0 });
    expect(settled.report.warnings).toEqual([
      { line: 2, code: 'due_long_past', days: 2518 },
      { line: 3, code: 'not_callable', reason: 'care', blocks: ['no_consent'] },
      { line: 4, code: 'not_callable', reason: 'winback', blocks: ['dnc'] },
      { line: 5, code: 'not_callable', reason: 'satisfaction', blocks: ['bad_number'] },
    ]);
    expect(settled.report.warningCounts).toEqual({ dueLongPast: 1, notCallable: 3, notCallableBy: { no_consent: 1, dnc: 1, bad_number: 1 } });

    // The rows still import, and the summary after the commit says the same.
    const done = await h.ok<{ phase: string; imported: number; report: typeof settled.report }>('imports.commit', { jobId: job.jobId });
    expect(done).toMatchObject({ phase: 'done', imported: 6 });
    expect(done.report.warningCounts).toEqual(settled.report.warningCounts);
    // What the preview said is what the queue's guard says once they are in.
    const queue = await h.ok<QueuePage>('queue.list', { filter: { status: 'all' } });
    const blocksOf = (name: string) => queue.rows.find((r) => r.customerName === name)?.blocks.map((b) => b.reason);
    expect(blocksOf('新关怀')).toContain('no_consent');
    expect(blocksOf('勿扰客户')).toContain('dnc');
    expect(blocksOf('错号客户')).toContain('bad_number');
    expect(blocksOf('新投诉')).toEqual([]);
  });
});
