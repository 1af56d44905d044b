import type { FaqMethod } from '../../../core/contract/methods';
import { checkFaq, createFaq, faqDetail, listFaq, markFaqReviewed, saveFaq, transitionFaq } from '../faq';
import { exportFaq } from '../faq-export';
import { prefillFaq } from '../faq-prefill';
import type { HandlersFor } from './types';

/** core/contract/api-faq.ts: curation from resolved tickets, review, export. */
export const faqHandlers: HandlersFor<FaqMethod> = {
  'faq.list': listFaq,
  'faq.get': (ctx, input) => faqDetail(ctx, input.id),
  'faq.prefill': (ctx, input) => prefillFaq(ctx, input.ticketId),
  'faq.check': checkFaq,
  'faq.create': createFaq,
  'faq.save': saveFaq,
  'faq.transition': transitionFaq,
  'faq.markReviewed': markFaqReviewed,
  'faq.export': exportFaq,
};
