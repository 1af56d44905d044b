import type { SlaWarning, TicketPriority } from '../sla/policy';

/*
 * A ticket is its events: append-only facts, sorted by `at` then `id`. Everything a screen shows
 * (status, owner, SLA clocks, due times) is derived from them by deriveTicket, never stored.
 */

export { TICKET_PRIORITIES } from '../sla/policy';
export type { TicketPriority } from '../sla/policy';

export const TICKET_STATUSES = ['new', 'open', 'pending_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The starting list; categories are plain strings because supervisors can add their own. */
export const TICKET_CATEGORIES = ['payments', 'account_security', 'app_usability', 'support_experience', 'offers_points', 'other'] as const;
export const TICKET_CHANNELS = ['phone', 'callback', 'app', 'email', 'web', 'other'] as const;

export const SLA_CLOCKS = ['first_response', 'resolution'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

type Base = { id: string; ticketId: string; at: number; actorId: string | null };

export interface TicketCreatedData {
  priority: TicketPriority;
  category: string;
  subject: string;
  description: string;
  channel: string;
  customerId: string | null;
  callbackId: string | null;
  attemptId: string | null;
  assigneeId: string | null;
}

export interface SlaAppliedData {
  /** null: targets set by hand, not from a policy. */
  policyId: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warning: SlaWarning;
  calendarVersionId: string;
}

export type TicketEvent = Base &
  (
    | { type: 'created'; data: TicketCreatedData }
    | { type: 'sla_applied'; data: SlaAppliedData }
    | { type: 'assigned'; data: { assigneeId: string | null } }
    | { type: 'status_changed'; data: { from: TicketStatus; to: TicketStatus; reason?: string } }
    | { type: 'priority_changed'; data: { from: TicketPriority; to: TicketPriority } }
    | { type: 'category_changed'; data: { from: string; to: string } }
    /** A customer-facing reply: counts as a response. */
    | { type: 'replied'; data: { body: string } }
    /** An internal note: does not count as a response. */
    | { type: 'noted'; data: { body: string } }
    /** Written once per clock when its breach is first seen; it escalates the ticket. */
    | { type: 'breach_recorded'; data: { clock: SlaClock; dueAt: number } }
  );

export type TicketEventType = TicketEvent['type'];

export type ClockStatus = 'running' | 'paused' | 'met' | 'missed' | 'not_started';
export type ClockLevel = 'ok' | 'warning' | 'breached';

export interface ClockState {
  /** Business minutes, from the latest sla_applied (0 before any). */
  target: number;
  consumedMinutes: number;
  /** target − consumed, never below 0 (see breachedByMinutes). */
  remainingMinutes: number;
  status: ClockStatus;
  /** Only while running: when the target is (or was) reached. */
  dueAt: number | null;
  /** Only while running: when the warning threshold is (or was) reached. */
  warnAt: number | null;
  level: ClockLevel;
  /** consumed − target when over, else 0: live while running, final once stopped. */
  breachedByMinutes: number;
  /** Only while running and breached: now − dueAt in calendar time, else 0. */
  breachedByMs: number;
  /** When a breached clock went over its target (whatever its status now), else null. */
  breachedAt: number | null;
  /** When a met or missed clock stopped, else null. */
  stoppedAt: number | null;
}

export type TicketLevel = 'ok' | 'warning' | 'breached' | 'paused' | 'done';

export interface TicketState {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: string;
  subject: string;
  description: string;
  channel: string;
  customerId: string | null;
  callbackId: string | null;
  attemptId: string | null;
  assigneeId: string | null;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  /** The first customer-facing reply, or the first resolve when that came before any reply. */
  firstRespondedAt: number | null;
  /** The current resolution; null again once reopened. */
  resolvedAt: number | null;
  /** The current closure; null again once reopened. */
  closedAt: number | null;
  reopenCount: number;
  calendarVersionId: string | null;
  /** True when calendarVersionId named no calendar and DEFAULT_CALENDAR was used instead. */
  calendarMissing: boolean;
  policyId: string | null;
  firstResponse: ClockState;
  resolution: ClockState;
  level: TicketLevel;
  /** The earliest due time of a running clock (possibly past), else null. */
  nextDueAt: number | null;
  /** Any breach_recorded event. */
  escalated: boolean;
  breachesRecorded: SlaClock[];
  /** Breached now but not yet recorded: the service writes breach_recorded for these. */
  pendingBreaches: SlaClock[];
}
