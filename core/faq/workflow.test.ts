import { describe, expect, it } from 'vitest';
import { allowedFaqActions, canEditFaq, FAQ_ACTIONS, FAQ_STATUSES, faqTransition, normalizeKeywords, parseNeedsReviewReason } from './workflow';

describe('FAQ workflow rules', () => {
  it('allows exactly draft → in review → published → retired, and back from review to draft', () => {
    const table = Object.fromEntries(FAQ_STATUSES.map((s) => [s, Object.fromEntries(FAQ_ACTIONS.map((a) => [a, faqTransition(s, a)]))]));
    expect(table).toEqual({
      draft: { submit: 'in_review', request_changes: null, publish: null, retire: 'retired' },
      in_review: { submit: null, request_changes: 'draft', publish: 'published', retire: 'retired' },
      published: { submit: null, request_changes: null, publish: null, retire: 'retired' },
      retired: { submit: null, request_changes: null, publish: null, retire: null },
    });
  });

  it('offers agents only submit; supervisors the rest, and mark_reviewed only when flagged', () => {
    expect(allowedFaqActions('draft', 'agent', false)).toEqual(['submit']);
    expect(allowedFaqActions('in_review', 'agent', false)).toEqual([]);
    expect(allowedFaqActions('in_review', 'supervisor', false)).toEqual(['request_changes', 'publish', 'retire']);
    expect(allowedFaqActions('published', 'supervisor', true)).toEqual(['retire', 'mark_reviewed']);
    expect(allowedFaqActions('published', 'agent', true)).toEqual([]);
    expect(allowedFaqActions('retired', 'supervisor', true)).toEqual([]);
  });

  it('lets everyone edit drafts and published entries, only supervisors entries in review, nobody retired ones', () => {
    expect(FAQ_STATUSES.map((s) => [canEditFaq(s, 'agent'), canEditFaq(s, 'supervisor')])).toEqual([
      [true, true],
      [false, true],
      [true, true],
      [false, false],
    ]);
  });

  it('normalises keywords: NFKC, spaces, duplicates ignoring case, blanks, at most 12', () => {
    expect(normalizeKeywords([' 提现 ', 'ＡＰＰ', 'app', '', '  ', 'Pay  Password', '提现'])).toEqual(['提现', 'APP', 'Pay Password']);
    expect(normalizeKeywords(Array.from({ length: 20 }, (_, i) => `k${i}`))).toHaveLength(12);
  });

  it('reads the reason markFaqNeedsReview writes', () => {
    expect(parseNeedsReviewReason('ticket_reopened:0190f5c0-0000-7000-8000-000000000001')).toEqual({
      kind: 'ticket_reopened',
      ticketId: '0190f5c0-0000-7000-8000-000000000001',
    });
    expect(parseNeedsReviewReason('policy changed')).toEqual({ kind: 'other', text: 'policy changed' });
    expect(parseNeedsReviewReason(null)).toBeNull();
  });
});
