import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import type { MutationArgs } from '../core/sync/mutations';
import { ticketCode } from '../core/tickets';
import { AGENT, HOUR, openStore, parsed, seedCustomer, SUPERVISOR, OTHER_SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * The FAQ appliers: an entry answers a problem that was solved (its sources are resolved or closed tickets
 * when linked), moves draft → in review → published (or retired) with the supervisor-only steps checked
 * here, keeps a published revision serving while the next one is edited, and is published only when every
 * personal-data finding in it was confirmed, each confirmation audited.
 */

let n = 0;
const next = () => uid(95_000 + ++n);

let s: Store;
let resolved: string;
beforeEach(() => {
  s = withTeam(openStore());
  resolved = ticket('resolved');
});

function ticket(status: 'new' | 'resolved'): string {
  const ticketId = next();
  const customerId = seedCustomer(s, { name: '赵小明' }).id;
  s.apply('tickets.create', { ticketId, createdEventId: next(), slaEventId: next(), priority: 'P3', category: 'payments', subject: '扣款', description: '', channel: 'phone', customerId, callbackId: null, attemptId: null, assigneeId: null, at: T - 2 * HOUR, by: AGENT });
  if (status === 'resolved') s.apply('tickets.transition', { ticketId, eventId: next(), to: 'resolved', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T - HOUR, by: AGENT });
  return ticketId;
}

const TEXT = { category: 'payments', questionZh: '重复扣款怎么办？', answerZh: '三个工作日内退回。', questionEn: '', answerEn: '', keywords: [' 退款 ', '退款', '扣款'] };

function create(over: Partial<MutationArgs<'faq.create'>> = {}) {
  const args = { entryId: next(), revisionId: next(), ...TEXT, sourceTicketIds: [resolved], redactions: [], at: T, by: AGENT, ...over };
  return { args, entry: s.apply('faq.create', args) };
}
const act = (entryId: string, action: MutationArgs<'faq.transition'>['action'], by = SUPERVISOR, over: Partial<MutationArgs<'faq.transition'>> = {}) =>
  s.apply('faq.transition', { entryId, auditId: next(), action, note: '', confirmed: [], at: T + HOUR, by, ...over });
const save = (entryId: string, baseRevision: number, over: Partial<MutationArgs<'faq.save'>> = {}, by = AGENT) =>
  s.apply('faq.save', { entryId, revisionId: next(), baseRevision, ...TEXT, sourceTicketIds: [resolved], at: T + 2 * HOUR, by, ...over });
const revisions = (entryId: string) => s.rows<{ revision: number; answer_zh: string }>(`SELECT revision, answer_zh FROM faq_revisions WHERE entry_id = ? ORDER BY revision`, entryId);
const auditOf = (id: string) => {
  const row = s.row<{ action: string; actor_id: string; details: string }>(`SELECT action, actor_id, details FROM audit_log WHERE id = ?`, id);
  return row && { ...row, details: parsed(row.details) };
};

describe('faq.create', () => {
  it('a draft at revision 1 with its keywords normalised and its sources linked', () => {
    const { args, entry } = create();
    expect(entry).toMatchObject({ status: 'draft', latestRevision: 1, publishedRevision: null, needsReview: 0, createdBy: AGENT });
    expect(s.row(`SELECT revision, keywords FROM faq_revisions WHERE id = ?`, args.revisionId)).toEqual({ revision: 1, keywords: JSON.stringify(['退款', '扣款']) });
    expect(s.rows(`SELECT ticket_id AS ticket FROM faq_sources WHERE entry_id = ?`, args.entryId)).toEqual([{ ticket: resolved }]);
  });

  it('refuses an entry that exists, an unknown author or category, and sources that are unknown or not yet solved', () => {
    const open = ticket('new');
    const existing = create().args.entryId;
    const unknown = next();
    const cases: [Partial<MutationArgs<'faq.create'>>, string, string, unknown][] = [
      [{ entryId: existing }, 'CONFLICT', 'That FAQ entry already exists.', undefined],
      [{ by: next() }, 'NOT_FOUND', 'That user does not exist.', { field: 'by' }],
      [{ category: 'lottery' }, 'BAD_INPUT', '“lottery” is not a category in use.', { field: 'category' }],
      [{ sourceTicketIds: [unknown] }, 'NOT_FOUND', 'A linked source ticket does not exist.', { field: 'sourceTicketIds', ticketId: unknown }],
      [{ sourceTicketIds: [resolved, open] }, 'INVALID_TRANSITION', `Only resolved or closed tickets can be the source of an FAQ entry; ${ticketCode(open)} is new.`, { field: 'sourceTicketIds', ticketId: open, status: 'new' }],
    ];
    for (const [over, code, message, details] of cases) {
      const r = s.refusal('faq.create', { entryId: next(), revisionId: next(), ...TEXT, sourceTicketIds: [resolved], redactions: [], at: T, by: AGENT, ...over });
      expect([r.code, r.message, r.details]).toEqual([code, message, details]);
    }
  });
});

describe('faq.save', () => {
  it('a draft is rewritten in place; once published, a save starts the next revision and the published one keeps serving', () => {
    const { entryId } = create().args;
    expect(save(entryId, 1, { answerZh: '五个工作日内退回。' })).toMatchObject({ latestRevision: 1, status: 'draft', updatedAt: T + 2 * HOUR });
    act(entryId, 'submit', AGENT);
    act(entryId, 'publish');
    const next2 = save(entryId, 1, { answerZh: '一个工作日内退回。' });
    expect(next2).toMatchObject({ latestRevision: 2, publishedRevision: 1, status: 'draft' });
    expect(revisions(entryId)).toEqual([
      { revision: 1, answer_zh: '五个工作日内退回。' },
      { revision: 2, answer_zh: '一个工作日内退回。' },
    ]);
    const conflict = s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, sourceTicketIds: [resolved], at: T + 3 * HOUR, by: AGENT });
    expect([conflict.code, conflict.details]).toEqual(['CONFLICT', { latestRevision: 2 }]);
  });

  it('the same text and sources change nothing; other sources alone are replaced', () => {
    const { entryId } = create().args;
    const before = s.row(`SELECT * FROM faq_entries WHERE id = ?`, entryId);
    save(entryId, 1, { keywords: ['扣款', '退款'].reverse() });
    expect(s.row(`SELECT * FROM faq_entries WHERE id = ?`, entryId)).toEqual(before);
    const other = ticket('resolved');
    expect(save(entryId, 1, { sourceTicketIds: [other, resolved] })).toMatchObject({ latestRevision: 1, updatedAt: T + 2 * HOUR });
    expect(s.rows(`SELECT ticket_id AS t FROM faq_sources WHERE entry_id = ? ORDER BY ticket_id`, entryId)).toEqual([resolved, other].sort().map((t) => ({ t })));
    expect(revisions(entryId)).toEqual([{ revision: 1, answer_zh: TEXT.answerZh }]);
  });

  it('in review only a supervisor edits; a retired entry no one does; a source reopened since it was linked stays', () => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    expect(s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, answerZh: '改', sourceTicketIds: [resolved], at: T, by: AGENT }).code).toBe('FORBIDDEN');
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T, by: AGENT });
    expect(save(entryId, 1, { answerZh: '改' }, SUPERVISOR).status).toBe('in_review');
    act(entryId, 'retire');
    const retired = s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, sourceTicketIds: [resolved], at: T, by: SUPERVISOR });
    expect([retired.code, retired.message, retired.details]).toEqual(['INVALID_TRANSITION', 'A retired FAQ entry cannot be changed.', { status: 'retired' }]);
    expect(s.refusal('faq.save', { entryId: next(), revisionId: next(), baseRevision: 1, ...TEXT, sourceTicketIds: [resolved], at: T, by: AGENT }).code).toBe('NOT_FOUND');
  });

  it('an entry keeps a category retired since it was written; a new choice must be in use', () => {
    const { entryId } = create({ category: 'other' }).args;
    const categories = DEFAULT_CASE_SETTINGS.categories.map((c) => (c.key === 'other' ? { ...c, retired: true } : c));
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, categories }, at: T, by: SUPERVISOR });
    expect(save(entryId, 1, { category: 'other', answerZh: '改' }).category).toBe('other');
    expect(save(entryId, 1, { category: 'payments' }).category).toBe('payments');
    expect(s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, category: 'other', sourceTicketIds: [resolved], at: T, by: AGENT }).code).toBe('BAD_INPUT');
  });
});

describe('faq.transition and faq.markReviewed', () => {
  it.each([
    ['request_changes', 'Only a supervisor can request changes to an FAQ entry.'],
    ['publish', 'Only a supervisor can publish an FAQ entry.'],
    ['retire', 'Only a supervisor can retire an FAQ entry.'],
  ] as const)('an agent cannot %s', (action, message) => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    const r = s.refusal('faq.transition', { entryId, auditId: next(), action, note: '', confirmed: [], at: T, by: AGENT });
    expect([r.code, r.message, r.details]).toEqual(['FORBIDDEN', message, { action }]);
  });

  it('each step is audited with the revision, from and to (and the note when there is one); a step the workflow does not allow is refused', () => {
    const { entryId } = create().args;
    const r = s.refusal('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [], at: T, by: SUPERVISOR });
    expect([r.code, r.message, r.details]).toEqual(['INVALID_TRANSITION', 'An FAQ entry that is draft cannot be published.', { from: 'draft', action: 'publish' }]);
    const auditId = next();
    act(entryId, 'submit', AGENT, { auditId, note: '请审核' });
    expect(auditOf(auditId)).toEqual({ action: 'faq.submit', actor_id: AGENT, details: { revision: 1, from: 'draft', to: 'in_review', note: '请审核' } });
    const back = next();
    act(entryId, 'request_changes', SUPERVISOR, { auditId: back });
    expect(auditOf(back)?.details).toEqual({ revision: 1, from: 'in_review', to: 'draft' });
    expect(s.refusal('faq.transition', { entryId: next(), auditId: next(), action: 'submit', note: '', confirmed: [], at: T, by: AGENT }).code).toBe('NOT_FOUND');
    act(entryId, 'submit', AGENT);
    expect(s.refusal('faq.transition', { entryId, auditId: next(), action: 'submit', note: '', confirmed: [], at: T, by: AGENT }).message).toBe('An FAQ entry that is in review cannot be submitted for review.');
  });

  it('publishing needs every personal-data finding confirmed; each confirmation that answers one is audited', () => {
    const { entryId } = create({ answerZh: '请联系周敏或赵小明处理。' }).args;
    act(entryId, 'submit', AGENT);
    const blocked = s.refusal('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [], at: T, by: SUPERVISOR });
    expect([blocked.code, blocked.details?.reason]).toEqual(['COMPLIANCE_BLOCKED', 'personal_data']);
    expect(blocked.details?.findings).toEqual([
      { field: 'answer', kind: 'name', value: '周敏' },
      { field: 'answer', kind: 'name', value: '赵小明' },
    ]);
    const confirm = (value: string) => ({ field: 'answer' as const, kind: 'name' as const, value, auditId: next() });
    const [a, b, stray] = [confirm('周敏'), confirm('赵小明'), confirm('没有这个人')];
    expect(s.refusal('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [a], at: T, by: SUPERVISOR }).code).toBe('COMPLIANCE_BLOCKED');
    const published = act(entryId, 'publish', SUPERVISOR, { confirmed: [a, b, stray] });
    expect(published).toMatchObject({ status: 'published', publishedRevision: 1, publishedAt: T + HOUR, publishedBy: SUPERVISOR });
    expect(auditOf(a.auditId)).toEqual({ action: 'faq.confirm_not_personal', actor_id: SUPERVISOR, details: { revision: 1, field: 'answer', kind: 'name', value: '周敏' } });
    expect(auditOf(b.auditId)?.action).toBe('faq.confirm_not_personal');
    expect(auditOf(stray.auditId)).toBeUndefined();
  });

  it('a reopened source flags the entry; publishing again or marking it reviewed answers the flag', () => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    act(entryId, 'publish');
    expect(s.refusal('faq.markReviewed', { entryId, auditId: next(), note: '', at: T, by: SUPERVISOR }).message).toBe('This FAQ entry is not flagged for review.');
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 2 * HOUR, by: AGENT });
    expect(s.refusal('faq.markReviewed', { entryId, auditId: next(), note: '', at: T, by: AGENT }).message).toBe('Only a supervisor can mark an FAQ entry as reviewed.');
    expect(s.refusal('faq.markReviewed', { entryId: next(), auditId: next(), note: '', at: T, by: SUPERVISOR }).code).toBe('NOT_FOUND');
    const auditId = next();
    const reviewed = s.apply('faq.markReviewed', { entryId, auditId, note: '仍然正确', at: T + 3 * HOUR, by: OTHER_SUPERVISOR });
    expect(reviewed).toMatchObject({ needsReview: 0, needsReviewReason: null, updatedAt: T + 3 * HOUR });
    expect(auditOf(auditId)).toEqual({ action: 'faq.mark_reviewed', actor_id: OTHER_SUPERVISOR, details: { revision: 1, reason: `ticket_reopened:${resolved}`, note: '仍然正确' } });
    // Flagged again, then published again: the flag is answered by the publishing supervisor.
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'resolved', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 4 * HOUR, by: AGENT });
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 5 * HOUR, by: AGENT });
    save(entryId, 1, { answerZh: '改' }, SUPERVISOR);
    act(entryId, 'submit', SUPERVISOR);
    expect(act(entryId, 'publish')).toMatchObject({ needsReview: 0, needsReviewReason: null, publishedRevision: 2 });
  });
});
