import type { CallsMethod } from '../../../core/contract/methods';
import { recordOutcome, release, revealPhone, saveCallDraft, startCall, take, takeNext } from '../calls';
import { searchCustomers } from '../customers';
import { callbackDetail, listQueuePage, queueSummary } from '../queue';
import type { HandlersFor } from './types';

/** core/contract/api-calls.ts: the queue, the call in progress, customer look-ups. */
export const callsHandlers: HandlersFor<CallsMethod> = {
  'queue.list': listQueuePage,
  'queue.summary': queueSummary,
  'queue.takeNext': takeNext,
  'callbacks.get': (ctx, input) => callbackDetail(ctx, input.id),
  'callbacks.take': take,
  'callbacks.release': release,
  'callbacks.startCall': startCall,
  'callbacks.recordOutcome': recordOutcome,
  'callbacks.saveDraft': saveCallDraft,
  'customers.revealPhone': revealPhone,
  'customers.search': searchCustomers,
};
