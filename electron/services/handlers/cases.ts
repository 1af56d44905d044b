import type { CasesMethod } from '../../../core/contract/methods';
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
} from '../cases';
import { currentUser } from '../context';
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
} from '../tickets';
import { approveVoucher, listVouchers, quoteVoucher, redeemVoucher, rejectVoucher, requestVoucher, voidVoucher, voucherSpend } from '../vouchers';
import type { HandlersFor } from './types';

/** core/contract/api-cases.ts: tickets, SLA policy, the business calendar, vouchers, notifications. */
export const casesHandlers: HandlersFor<CasesMethod> = {
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
};
