import type { CaseSettings } from '../cases/settings';
import type { CalendarContent, SlaPolicy, TicketPriority } from '../sla';
import type { ClockState, TicketStatus } from '../tickets';
import type { Allowance, ApprovalReason, IssueDecision, VoucherKind, VoucherState } from '../vouchers/policy';

/** Shapes of the ticket, SLA and voucher methods. Phones are masked. */

export type TicketLevel = 'ok' | 'warning' | 'breached' | 'paused' | 'done';

export interface TicketRow {
  id: string;
  /** Short human reference read out on the phone: TK- and the last 6 hex digits of the id. */
  code: string;
  subject: string;
  category: string;
  priority: TicketPriority;
  status: TicketStatus;
  channel: string;
  customerId: string | null;
  customerName: string | null;
  phoneMasked: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
  updatedAt: number;
  nextDueAt: number | null;
  nextWarnAt: number | null;
  /** As of the answer's `now`; the renderer re-levels rows live from nextDueAt / nextWarnAt. */
  level: TicketLevel;
  escalated: boolean;
  firstResponse: ClockState;
  resolution: ClockState;
}

export interface TicketEventView {
  id: string;
  type: string;
  at: number;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface TicketDetail {
  ticket: TicketRow & {
    description: string;
    callbackId: string | null;
    attemptId: string | null;
    firstRespondedAt: number | null;
    resolvedAt: number | null;
    closedAt: number | null;
    reopenCount: number;
    calendarVersion: number | null;
    policyId: string | null;
  };
  events: TicketEventView[];
  /** Statuses this ticket may move to now (the reopen window already applied). */
  allowedTransitions: TicketStatus[];
  vouchers: VoucherView[];
  followUps: { id: string; dueAt: number | null; state: 'open' | 'closed'; outcome: string | null }[];
  customer: { id: string; name: string; phoneMasked: string; serviceRefused: boolean; dnc: boolean } | null;
  now: number;
}

export interface TicketPage {
  rows: TicketRow[];
  total: number;
  offset: number;
  now: number;
}

export interface SlaBoard {
  atRisk: TicketRow[];
  breached: TicketRow[];
  /**
   * Breaches of the last 30 days caused by sync delay: the reply or resolve was recorded before the due
   * time on a console that was offline, and reached the team after a breach had been recorded. Shown
   * apart, not in `breached`, and not counted against the agent's attainment.
   */
  syncDelayed: SyncDelayedBreachView[];
  now: number;
}

export interface SyncDelayedBreachView {
  row: TicketRow;
  clock: 'first_response' | 'resolution';
  dueAt: number;
  stoppedAt: number;
  recordedAt: number;
}

export interface AttainmentRow {
  key: string;
  label: string;
  tickets: number;
  /** Tickets whose first-response clock stopped (met or missed), and how many of them met it. */
  firstResponseDone: number;
  firstResponseMet: number;
  firstResponsePct: number | null;
  resolutionDone: number;
  resolutionMet: number;
  resolutionPct: number | null;
}

export interface VoucherView {
  id: string;
  code: string;
  kind: VoucherKind;
  percentOff: number | null;
  amountFen: number | null;
  points: number | null;
  valueFen: number;
  reasonCode: string;
  customerId: string;
  customerName: string | null;
  ticketId: string | null;
  ticketSubject: string | null;
  note: string;
  /** Effective state: an issued voucher past its expiry reads as expired. */
  state: VoucherState;
  requestedBy: string;
  requestedByName: string | null;
  requestedAt: number;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: number | null;
  issuedAt: number | null;
  expiresAt: number;
  redeemedAt: number | null;
  voidedAt: number | null;
  stateReason: string | null;
  /** Why it waited for approval (empty when the requester could issue it alone). */
  approvalReasons: ApprovalReason[];
}

export interface VoucherQuote {
  allowance: Allowance;
  valueFen: number;
  decision: IssueDecision;
  /** Vouchers this customer received within the window, and whether this one should warn. */
  repeat: { count: number; windowDays: number; warn: boolean };
  /** The terms do not fit the kind (null when they do). */
  problem: string | null;
}

export interface VoucherRequestResult {
  voucher: VoucherView;
  /** false when the request key was already used: the same voucher is returned, nothing new is made. */
  created: boolean;
}

export interface SpendSummary {
  month: string;
  budgetFen: number;
  spentFen: number;
  pendingFen: number;
  byReason: { reasonCode: string; count: number; valueFen: number }[];
}

export interface NotificationView {
  id: string;
  kind: 'sla_breach' | 'voucher_approved' | 'voucher_rejected' | 'voucher_pending';
  at: number;
  ticketId: string | null;
  ticketSubject: string | null;
  voucherId: string | null;
  data: Record<string, unknown>;
  readAt: number | null;
}

export interface CalendarVersionView {
  id: string;
  version: number;
  note: string;
  createdAt: number;
  createdByName: string | null;
}

export interface CalendarView {
  current: CalendarVersionView & { content: CalendarContent };
  versions: CalendarVersionView[];
}

export type { CaseSettings, SlaPolicy };
