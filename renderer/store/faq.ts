import type { Slice } from './types';

/*
 * The way into FAQ curation from elsewhere in the console: the ticket detail's "Draft FAQ from this
 * ticket" calls startFaqDraft(ticketId), which switches to the FAQ page and asks it to open the editor
 * pre-filled from that ticket. The page takes the request once (takeFaqDraftRequest), so coming back
 * to the page later does not open the same draft again.
 */

export interface FaqDraftRequest {
  ticketId: string;
  /** Distinguishes two requests for the same ticket (the second click reopens the editor). */
  seq: number;
}

export interface FaqSlice {
  faqDraftRequest: FaqDraftRequest | null;
  startFaqDraft(ticketId: string): void;
  /** Returns the pending request's ticket id and clears it; null when there is none. */
  takeFaqDraftRequest(): string | null;
}

let seq = 0;

export const createFaqSlice: Slice<FaqSlice> = (set, get) => ({
  faqDraftRequest: null,
  startFaqDraft(ticketId) {
    set({ faqDraftRequest: { ticketId, seq: ++seq }, page: 'faq' });
  },
  takeFaqDraftRequest() {
    const request = get().faqDraftRequest;
    if (!request) return null;
    set({ faqDraftRequest: null });
    return request.ticketId;
  },
});
