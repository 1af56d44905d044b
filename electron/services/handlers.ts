import type { OutputOf, ParsedInputOf } from '../../core/contract/api';
import type { MethodName } from '../../core/contract/methods';
import type { SystemStatus } from '../../core/contract/views';
import { auditList, importBatches, readSettings, updateSettings } from './admin';
import { recordOutcome, release, revealPhone, saveCallDraft, startCall, take, takeNext } from './calls';
import { searchCustomers } from './customers';
import { currentUser, type ServiceContext } from './context';
import { callbackDetail, listQueuePage, queueSummary } from './queue';
import { forCallback, answer, finish, start } from './responses';
import {
  createScript,
  exportScript,
  getScriptDetail,
  importScript,
  listAllScripts,
  publishScript,
  retire,
  saveDraft,
  setMapping,
} from './scripts';
import { createUser, sessionInfo, setLocale, setPassword, setUp, signIn, signOut } from './session';
import { surveyFigures } from './survey-report';
import { callbacksReport, complaintsReport, outcomesReport, satisfactionReport } from './reports';
import {
  assignTicket,
  attainment,
  commentTicket,
  createTicket,
  listTickets,
  slaBoard,
  sweepBreaches,
  ticketDetail,
  transitionTicket,
  updateTicket,
} from './tickets';
import {
  approveVoucher,
  listVouchers,
  quoteVoucher,
  redeemVoucher,
  rejectVoucher,
  requestVoucher,
  voidVoucher,
  voucherSpend,
} from './vouchers';
import {
  calendarView,
  importCalendarYear,
  notificationsList,
  notificationsMarkRead,
  readCaseSettings,
  readPolicies,
  saveCalendar,
  setPolicies,
  updateCaseSettings,
} from './cases';
import { checkFaq, createFaq, faqDetail, listFaq, markFaqReviewed, saveFaq, transitionFaq } from './faq';
import { exportFaq } from './faq-export';
import { prefillFaq } from './faq-prefill';
import { attention, connect, discard, retry, syncNow, waitSyncStatus } from './sync';


export type Handler<M extends MethodName> = (ctx: ServiceContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { [M in Exclude<MethodName, 'system.status'>]: Handler<M> };

/** Every contract method but system.status (answered by the backend even when the db is down). */
export const handlers: Handlers = {
  'session.get': (ctx) => sessionInfo(ctx),
  'session.setUp': setUp,
  'session.signIn': signIn,
  'session.signOut': signOut,
  'session.setLocale': setLocale,
  'sync.status': waitSyncStatus,
  'sync.connect': connect,
  'sync.now': syncNow,
  'sync.attention': attention,
  'sync.retry': retry,
  'sync.discard': discard,
  'users.create': createUser,
  'users.setPassword': setPassword,
  'settings.get': readSettings,
  'settings.update': updateSettings,
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
  'imports.start': (ctx, input) => {
    currentUser(ctx);
    return ctx.imports.start(ctx, input.fileName, Buffer.from(input.contentBase64, 'base64'));
  },
  'imports.status': (ctx, input) => ctx.imports.status(input.jobId),
  'imports.commit': (ctx, input) => ctx.imports.commit(ctx, input.jobId, currentUser(ctx).id),
  'imports.cancel': (ctx, input) => ({ cancelled: ctx.imports.cancel(input.jobId) }),
  'imports.list': importBatches,
  'audit.list': auditList,
  'scripts.list': listAllScripts,
  'scripts.get': getScriptDetail,
  'scripts.create': createScript,
  'scripts.saveDraft': saveDraft,
  'scripts.publish': publishScript,
  'scripts.retire': retire,
  'scripts.export': exportScript,
  'scripts.import': importScript,
  'scripts.setMapping': setMapping,
  'responses.forCallback': forCallback,
  'responses.start': start,
  'responses.answer': answer,
  'responses.finish': finish,
  'reports.survey': surveyFigures,
  'reports.outcomes': outcomesReport,
  'reports.callbacks': callbacksReport,
  'reports.satisfaction': satisfactionReport,
  'reports.complaints': complaintsReport,
  'tickets.list': listTickets,
  'tickets.get': (ctx, input) => ticketDetail(ctx, input.id),
  'tickets.create': createTicket,
  'tickets.transition': transitionTicket,
  'tickets.assign': assignTicket,
  'tickets.update': updateTicket,
  'tickets.comment': commentTicket,
  'tickets.board': slaBoard,
  'tickets.attainment': attainment,
  'tickets.sweep': (ctx) => {
    currentUser(ctx);
    return sweepBreaches(ctx);
  },
  'cases.getSettings': readCaseSettings,
  'cases.updateSettings': updateCaseSettings,
  'sla.getPolicies': readPolicies,
  'sla.setPolicies': setPolicies,
  'calendar.get': calendarView,
  'calendar.save': saveCalendar,
  'calendar.importYear': importCalendarYear,
  'vouchers.quote': quoteVoucher,
  'vouchers.request': requestVoucher,
  'vouchers.approve': approveVoucher,
  'vouchers.reject': rejectVoucher,
  'vouchers.void': voidVoucher,
  'vouchers.redeem': redeemVoucher,
  'vouchers.list': listVouchers,
  'vouchers.spend': voucherSpend,
  'notifications.list': notificationsList,
  'notifications.markRead': notificationsMarkRead,
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

export type { SystemStatus };
