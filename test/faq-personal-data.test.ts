import { afterEach, describe, expect, it } from 'vitest';
import type { FaqCheck, FaqDetail, FaqExportFile } from '../core/contract/views-faq';
import { faqMutationSchemas } from '../core/sync/mutations-faq';
import { cleanup, count, row } from './helpers';
import { contentOf, draftFrom, faqWorld, publish, workedTicket } from './faq-helpers';

afterEach(cleanup);

/*
 * Issue 11 #1: an FAQ entry published and exported personal data despite the warning. Publishing is
 * refused while the check finds anything a supervisor has not confirmed, finding by finding, as not
 * personal; each confirmation is audited; exports mask whatever was not confirmed.
 */

const LEAK = '如有疑问请联系张伟先生 13912345678。';

async function entryInReview() {
  const w = await faqWorld();
  const ticket = await workedTicket(w.h, { customerId: w.cu.id, subject: '提现多久到账？' });
  const d = await draftFrom(w.h, ticket, { answer: `提现一般 2 小时内到账。${LEAK}` });
  await w.h.ok('faq.transition', { id: d.entry.id, action: 'submit' });
  await w.asSupervisor();
  return { ...w, id: d.entry.id };
}

describe('FAQ publish: personal data must be removed or confirmed as not personal', () => {
  it('refuses to publish while a finding is unconfirmed, and says which', async () => {
    const { h, id } = await entryInReview();
    const detail = await h.ok<FaqDetail>('faq.get', { id });
    expect(detail.findings).toEqual([
      { field: 'answer', kind: 'name', value: '张伟' },
      { field: 'answer', kind: 'mobile', value: '13912345678' },
    ]);
    const outbox = count(h.db, 'outbox');
    const e = await h.err('faq.transition', { id, action: 'publish' });
    expect(e).toMatchObject({ code: 'COMPLIANCE_BLOCKED', details: { reason: 'personal_data' } });
    expect((e.details as { findings: unknown[] }).findings).toHaveLength(2);
    // One of two confirmed is not enough.
    const half = await h.err('faq.transition', { id, action: 'publish', confirmed: [{ field: 'answer', kind: 'name', value: '张伟' }] });
    expect(half.details).toMatchObject({ findings: [{ field: 'answer', kind: 'mobile', value: '13912345678' }] });
    // A confirmation of other text (or another field) does not cover the finding.
    const wrong = await h.err('faq.transition', {
      id,
      action: 'publish',
      confirmed: [
        { field: 'answer', kind: 'name', value: '张伟' },
        { field: 'question', kind: 'mobile', value: '13912345678' },
      ],
    });
    expect(wrong.code).toBe('COMPLIANCE_BLOCKED');
    expect(count(h.db, 'outbox')).toBe(outbox);
    expect(row(h.db, 'SELECT status, published_revision AS p FROM faq_entries WHERE id = ?', id)).toEqual({ status: 'in_review', p: null });
    expect(count(h.db, 'audit_log', "action = 'faq.confirm_not_personal'")).toBe(0);
  });

  it('removing the personal data lets it publish; the export carries none', async () => {
    const { h, id } = await entryInReview();
    const d = await h.ok<FaqDetail>('faq.get', { id });
    const clean = await h.ok<FaqDetail>('faq.save', { id, revision: 1, ...contentOf(d), answer: '提现一般 2 小时内到账。如有疑问请联系在线客服。' });
    expect(clean.findings).toEqual([]);
    const p = await h.ok<FaqDetail>('faq.transition', { id, action: 'publish' });
    expect(p.entry.status).toBe('published');
  });

  it('publishes when every finding is confirmed, auditing each confirmation; the export keeps exactly what was confirmed', async () => {
    const { h, id } = await entryInReview();
    const confirmed = [
      { field: 'answer', kind: 'name', value: '张伟' },
      { field: 'answer', kind: 'mobile', value: '13912345678' },
    ];
    const p = await h.ok<FaqDetail>('faq.transition', { id, action: 'publish', confirmed });
    expect(p.entry).toMatchObject({ status: 'published', publishedRevision: 1, publishedByName: '周敏' });
    const audits = h.db
      .$client.prepare("SELECT a.details, u.name FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'faq.confirm_not_personal' AND a.subject_id = ? ORDER BY a.id")
      .all(id) as { details: string; name: string }[];
    expect(audits.map((a) => [a.name, JSON.parse(a.details)])).toEqual([
      ['周敏', { revision: 1, field: 'answer', kind: 'name', value: '张伟' }],
      ['周敏', { revision: 1, field: 'answer', kind: 'mobile', value: '13912345678' }],
    ]);
    expect(p.history.map((x) => x.action).slice(-3)).toEqual(['confirm_not_personal', 'confirm_not_personal', 'publish']);
    const json = (await h.ok<FaqExportFile>('faq.export', { format: 'json', locales: ['zh-CN'] })).content;
    expect(json).toContain('张伟先生 13912345678');
  });

  it('a mutation without confirmations is refused by the applier itself, and old outbox entries still parse', async () => {
    const { h, id, sup } = await entryInReview();
    const { runMutation } = await import('../electron/services/mutations/registry');
    expect(() =>
      runMutation(h.db, 'faq.transition', { entryId: id, auditId: 'a-1', action: 'publish', note: '', confirmed: [], at: h.now(), by: sup.id }, h.now()),
    ).toThrow(/personal data/);
    const old = faqMutationSchemas['faq.transition'].parse({ entryId: id, auditId: 'a-1', action: 'publish', note: '', at: 1, by: sup.id });
    expect(old.confirmed).toEqual([]);
  });

  it('every export format masks personal data not confirmed for the published revision', async () => {
    const { h, id, sup, agent } = await entryInReview();
    await h.ok('faq.transition', { id, action: 'publish', confirmed: [{ field: 'answer', kind: 'name', value: '张伟' }, { field: 'answer', kind: 'mobile', value: '13912345678' }] });
    // A second entry, published clean, whose published text later holds personal data (published before this
    // check existed): the export masks it anyway.
    const t2 = await workedTicket(h, { customerId: null, subject: '如何修改登录密码？' });
    await switchToAgent();
    const d2 = await draftFrom(h, t2, { answer: '在"我的-设置-安全"中修改。' });
    await publish(h, d2.entry.id, sup, agent);
    h.db.$client.prepare('UPDATE faq_revisions SET answer_zh = ? WHERE entry_id = ?').run(`在"我的-设置-安全"中修改。客户李娜女士 13700001111，邮箱 lina@example.com`, d2.entry.id);
    for (const format of ['md', 'html', 'csv', 'json']) {
      const content = (await h.ok<FaqExportFile>('faq.export', { format, locales: ['zh-CN'] })).content;
      expect(content, format).not.toContain('13700001111');
      expect(content, format).not.toContain('lina@example.com');
      expect(content, format).not.toContain('李娜');
      expect(content, format).toMatch(/手机号/);
      // What the supervisor confirmed for the first entry stays.
      expect(content, format).toContain('13912345678');
    }
    async function switchToAgent() {
      const { switchTo } = await import('./helpers');
      await switchTo(h, agent);
    }
  });

  it('the editor check lists each finding with its text', async () => {
    const { h } = await faqWorld();
    const c = await h.ok<FaqCheck>('faq.check', { question: '怎么提现？', answer: LEAK });
    expect(c.findings).toEqual([
      { field: 'answer', kind: 'name', value: '张伟' },
      { field: 'answer', kind: 'mobile', value: '13912345678' },
    ]);
  });
});
