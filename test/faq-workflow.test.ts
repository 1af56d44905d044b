import { afterEach, describe, expect, it } from 'vitest';
import type { FaqDetail, FaqExportFile, FaqPage } from '../core/contract/views-faq';
import { cleanup, count, row } from './helpers';
import { contentOf, draftFrom, faqWorld, publish, workedTicket } from './faq-helpers';

afterEach(cleanup);

describe('FAQ workflow: draft → in review → published → retired', () => {
  it('only supervisors publish; every step is checked against the status', async () => {
    const { h, cu, asAgent, asSupervisor } = await faqWorld();
    const d = await draftFrom(h, await workedTicket(h, { customerId: cu.id }));
    const id = d.entry.id;
    expect(d.allowedActions).toEqual(['submit']);
    expect(d.canEdit).toBe(true);

    // Publishing a draft that was never reviewed: not a step the workflow has.
    await asSupervisor();
    expect(await h.err('faq.transition', { id, action: 'publish' })).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'draft', action: 'publish' } });
    await asAgent();
    const inReview = await h.ok<FaqDetail>('faq.transition', { id, action: 'submit' });
    expect(inReview.entry.status).toBe('in_review');
    expect(inReview.allowedActions).toEqual([]);
    expect(inReview.canEdit).toBe(false);

    const outbox = count(h.db, 'outbox');
    expect(await h.err('faq.transition', { id, action: 'publish' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.err('faq.transition', { id, action: 'retire' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.err('faq.save', { id, revision: 1, ...contentOf(inReview), answer: '改一下' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.err('faq.transition', { id, action: 'submit' })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(count(h.db, 'outbox')).toBe(outbox);
    expect(row(h.db, 'SELECT status FROM faq_entries WHERE id = ?', id)).toEqual({ status: 'in_review' });

    await asSupervisor();
    const reviewing = await h.ok<FaqDetail>('faq.get', { id });
    expect(reviewing.allowedActions).toEqual(['request_changes', 'publish', 'retire']);
    expect(reviewing.canEdit).toBe(true);
    const back = await h.ok<FaqDetail>('faq.transition', { id, action: 'request_changes', note: '请补充到账时间' });
    expect(back.entry.status).toBe('draft');
    await asAgent();
    await h.ok('faq.save', { id, revision: 1, ...contentOf(back), answer: '提现在 1-3 个工作日内到账，节假日顺延。' });
    await h.ok('faq.transition', { id, action: 'submit' });
    await asSupervisor();
    const published = await h.ok<FaqDetail>('faq.transition', { id, action: 'publish' });
    expect(published.entry).toMatchObject({ status: 'published', publishedRevision: 1, latestRevision: 1, publishedByName: '周敏' });
    expect(published.revisions).toHaveLength(1);
    expect(published.history.map((x) => [x.action, x.actorName, x.note])).toEqual([
      ['submit', '王芳', ''],
      ['request_changes', '周敏', '请补充到账时间'],
      ['submit', '王芳', ''],
      ['publish', '周敏', ''],
    ]);
    expect(await h.err('faq.transition', { id, action: 'publish' })).toMatchObject({ code: 'INVALID_TRANSITION' });

    const retired = await h.ok<FaqDetail>('faq.transition', { id, action: 'retire' });
    expect(retired.entry.status).toBe('retired');
    expect(retired.canEdit).toBe(false);
    expect(retired.allowedActions).toEqual([]);
    expect(await h.err('faq.transition', { id, action: 'retire' })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await h.err('faq.save', { id, revision: 1, ...contentOf(retired), answer: '再改' })).toMatchObject({ code: 'INVALID_TRANSITION' });
    // Retired entries leave the default list and the export.
    expect((await h.ok<FaqPage>('faq.list', {})).rows).toEqual([]);
    expect((await h.ok<FaqPage>('faq.list', { status: 'retired' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await h.err('faq.export', { format: 'md', locales: ['zh-CN'] })).details).toMatchObject({ reason: 'none_published' });
  });

  it('editing a published entry makes a new revision; the published one serves until the new one is published', async () => {
    const { h, sup, agent, cu } = await faqWorld();
    const ticket = await workedTicket(h, { customerId: cu.id, subject: '提现多久到账？' });
    const d = await draftFrom(h, ticket, { answer: '一般 2 小时内到账。' });
    const id = d.entry.id;
    await publish(h, id, sup, agent);
    const exported = async () => (await h.ok<FaqExportFile>('faq.export', { format: 'json', locales: ['zh-CN'] })).content;

    const v2 = await h.ok<FaqDetail>('faq.save', { id, revision: 1, ...contentOf(d), answer: '工作日 13:00 前提交的提现当天到账。' });
    expect(v2.entry).toMatchObject({ status: 'draft', latestRevision: 2, publishedRevision: 1 });
    expect(v2.revisions.map((r) => [r.revision, r.answer])).toEqual([
      [2, '工作日 13:00 前提交的提现当天到账。'],
      [1, '一般 2 小时内到账。'],
    ]);
    // The revision keeps what the pre-fill masked; the draft is edited in place until it is published.
    expect(v2.revisions[0]!.redactions).toEqual(v2.revisions[1]!.redactions);
    const again = await h.ok<FaqDetail>('faq.save', { id, revision: 2, ...contentOf(v2), keywords: [' 提现 ', '到账', '提现', ''] });
    expect(again.entry.latestRevision).toBe(2);
    expect(again.revisions[0]!.keywords).toEqual(['提现', '到账']);
    expect(await exported()).toContain('一般 2 小时内到账。');
    expect(await exported()).not.toContain('13:00');

    // A save against a revision that is no longer the newest is refused.
    expect(await h.err('faq.save', { id, revision: 1, ...contentOf(v2), answer: '旧页面上的修改' })).toMatchObject({ code: 'CONFLICT' });
    // Nothing changed: no new revision, no new write.
    const before = count(h.db, 'faq_revisions');
    await h.ok('faq.save', { id, revision: 2, ...contentOf(again) });
    expect(count(h.db, 'faq_revisions')).toBe(before);

    const v2published = await publish(h, id, sup, agent);
    expect(v2published.entry).toMatchObject({ status: 'published', latestRevision: 2, publishedRevision: 2 });
    expect(await exported()).toContain('工作日 13:00 前提交的提现当天到账。');
    expect(await exported()).not.toContain('一般 2 小时内到账。');
    const v3 = await h.ok<FaqDetail>('faq.save', { id, revision: 2, ...contentOf(v2published), questionEn: 'How long does a withdrawal take?', answerEn: 'Same day before 13:00 on working days.' });
    expect(v3.revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(await h.err('faq.save', { id, revision: 3, ...contentOf(v3), answerEn: '' })).toMatchObject({ code: 'BAD_INPUT' });
  });

  it('sources can be added when resolved, must stay non-empty, and may stay linked after a reopen', async () => {
    const { h, cu } = await faqWorld();
    const a = await workedTicket(h, { customerId: cu.id });
    const b = await workedTicket(h, { customerId: cu.id, subject: '提现到账慢' });
    const open = await workedTicket(h, { customerId: cu.id, leaveOpen: true });
    const d = await draftFrom(h, a);
    const both = await h.ok<FaqDetail>('faq.save', { id: d.entry.id, revision: 1, ...contentOf(d), sourceTicketIds: [a, b] });
    expect(both.sources.map((s) => s.id).sort()).toEqual([a, b].sort());
    expect(await h.err('faq.save', { id: d.entry.id, revision: 1, ...contentOf(both), sourceTicketIds: [a, open] })).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { ticketId: open },
    });
    await h.ok('tickets.transition', { id: b, to: 'open' });
    // b was reopened after it was linked: editing the entry is still possible with it linked.
    const edited = await h.ok<FaqDetail>('faq.save', { id: d.entry.id, revision: 1, ...contentOf(both), answer: '新的回答' });
    expect(edited.sources.find((s) => s.id === b)!.status).toBe('open');
  });
});

describe('needs review', () => {
  it('a source ticket reopened after publication flags the entry; a supervisor clears it by marking reviewed or re-publishing', async () => {
    const { h, sup, agent, cu, asAgent, asSupervisor } = await faqWorld();
    const ticket = await workedTicket(h, { customerId: cu.id });
    const draft = await draftFrom(h, ticket);
    const id = draft.entry.id;

    // Reopening before publication does not flag: the draft is still being written.
    await h.ok('tickets.transition', { id: ticket, to: 'open' });
    expect((await h.ok<FaqDetail>('faq.get', { id })).entry.needsReview).toBe(false);
    await h.ok('tickets.transition', { id: ticket, to: 'resolved', followUp: 'skip' });
    await publish(h, id, sup, agent);

    await h.ok('tickets.transition', { id: ticket, to: 'open', reason: '客户反馈仍未到账' });
    const flagged = await h.ok<FaqDetail>('faq.get', { id });
    expect(flagged.entry).toMatchObject({ needsReview: true, needsReviewTicket: { id: ticket, code: `TK-${ticket.slice(-6).toUpperCase()}` } });
    expect(flagged.allowedActions).toEqual([]);
    const list = await h.ok<FaqPage>('faq.list', { needsReview: true });
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    expect(list.counts).toMatchObject({ published: 1, needsReview: 1 });

    expect(await h.err('faq.markReviewed', { id })).toMatchObject({ code: 'FORBIDDEN' });
    await asSupervisor();
    expect((await h.ok<FaqDetail>('faq.get', { id })).allowedActions).toEqual(['retire', 'mark_reviewed']);
    const cleared = await h.ok<FaqDetail>('faq.markReviewed', { id, note: '答案仍然正确' });
    expect(cleared.entry).toMatchObject({ needsReview: false, needsReviewReason: null, status: 'published' });
    expect(cleared.history.at(-1)).toMatchObject({ action: 'mark_reviewed', actorName: '周敏', note: '答案仍然正确' });
    expect(await h.err('faq.markReviewed', { id })).toMatchObject({ code: 'INVALID_TRANSITION' });

    // Flagged again; this time the answer is corrected and re-published, which clears the flag too.
    await asAgent();
    await h.ok('tickets.transition', { id: ticket, to: 'resolved', followUp: 'skip' });
    await h.ok('tickets.transition', { id: ticket, to: 'open' });
    const again = await h.ok<FaqDetail>('faq.get', { id });
    expect(again.entry.needsReview).toBe(true);
    await h.ok('faq.save', { id, revision: 1, ...contentOf(again), answer: '如超过 3 个工作日未到账，请联系客服。' });
    expect((await h.ok<FaqDetail>('faq.get', { id })).entry.needsReview).toBe(true);
    const republished = await publish(h, id, sup, agent);
    expect(republished.entry).toMatchObject({ needsReview: false, publishedRevision: 2 });
  });
});
