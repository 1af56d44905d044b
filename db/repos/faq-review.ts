import type { Db } from '../open';
import { stmt } from './stmt';

/** A source ticket reopened after its FAQ entry was published: the entry needs another look. */
export function markFaqNeedsReview(db: Db, ticketId: string, at: number): number {
  return stmt(
    db,
    `UPDATE faq_entries SET needs_review = 1, needs_review_reason = @reason, updated_at = @at
      WHERE published_revision IS NOT NULL AND status <> 'retired'
        AND id IN (SELECT entry_id FROM faq_sources WHERE ticket_id = @ticketId)`,
  ).run({ ticketId, at, reason: `ticket_reopened:${ticketId}` }).changes;
}
