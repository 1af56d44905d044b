import type { Role } from '../domain/model';

/*
 * The FAQ entry workflow: draft → in review → published → retired, with "request changes" sending a
 * reviewed draft back. The applier checks these rules (so the server re-running a mutation decides the
 * same way) and the renderer shows only the buttons they allow.
 *
 * A published entry keeps serving its published revision while a newer one is drafted and reviewed:
 * editing it starts a new revision and the entry's status follows that revision (draft, in review),
 * so "status" always describes the newest revision, and `publishedRevision` says what the help centre shows.
 */

export const FAQ_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

export const FAQ_ACTIONS = ['submit', 'request_changes', 'publish', 'retire'] as const;
export type FaqAction = (typeof FAQ_ACTIONS)[number];

interface Rule {
  from: readonly FaqStatus[];
  to: FaqStatus;
  /** Publishing decides what customers read, so it (and its undoing) is a supervisor's call. */
  supervisorOnly: boolean;
}

export const FAQ_RULES: Readonly<Record<FaqAction, Rule>> = {
  submit: { from: ['draft'], to: 'in_review', supervisorOnly: false },
  request_changes: { from: ['in_review'], to: 'draft', supervisorOnly: true },
  publish: { from: ['in_review'], to: 'published', supervisorOnly: true },
  // From a draft too: a duplicate that should never be published is withdrawn the same way.
  retire: { from: ['draft', 'in_review', 'published'], to: 'retired', supervisorOnly: true },
};

/** The status an action leads to, or null when it is not allowed from `from`. */
export function faqTransition(from: FaqStatus, action: FaqAction): FaqStatus | null {
  const rule = FAQ_RULES[action];
  return rule.from.includes(from) ? rule.to : null;
}

/**
 * Who may change the text: anyone while it is a draft or published (a new revision), only a
 * supervisor while it is in review (the reviewer fixing a word before publishing), nobody once retired.
 */
export function canEditFaq(status: FaqStatus, role: Role): boolean {
  if (status === 'retired') return false;
  if (status === 'in_review') return role === 'supervisor';
  return true;
}

/** The workflow actions this role may take now (mark_reviewed only when the entry is flagged). */
export function allowedFaqActions(status: FaqStatus, role: Role, needsReview: boolean): (FaqAction | 'mark_reviewed')[] {
  const out: (FaqAction | 'mark_reviewed')[] = FAQ_ACTIONS.filter(
    (a) => faqTransition(status, a) !== null && (!FAQ_RULES[a].supervisorOnly || role === 'supervisor'),
  );
  if (needsReview && role === 'supervisor' && status !== 'retired') out.push('mark_reviewed');
  return out;
}

export const MAX_KEYWORDS = 12;
export const MAX_KEYWORD_LENGTH = 30;

/**
 * Keywords as stored: NFKC (full-width letters become ASCII), inner spaces collapsed, duplicates
 * dropped ignoring case (the first spelling wins), blanks dropped, at most MAX_KEYWORDS.
 */
export function normalizeKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const k = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_KEYWORD_LENGTH);
    const key = k.toLowerCase();
    if (k === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
    if (out.length === MAX_KEYWORDS) break;
  }
  return out;
}

/** Why an entry is flagged, as markFaqNeedsReview writes it: `ticket_reopened:<ticket id>`. */
export function parseNeedsReviewReason(reason: string | null): { kind: 'ticket_reopened'; ticketId: string } | { kind: 'other'; text: string } | null {
  if (reason === null || reason === '') return null;
  const m = /^ticket_reopened:(.+)$/.exec(reason);
  return m ? { kind: 'ticket_reopened', ticketId: m[1]! } : { kind: 'other', text: reason };
}
