import type { TicketStatus } from './model';

/*
 * Which status changes an agent may make. Reopening goes back to open from resolved or closed; from
 * closed it is also limited to a window after closing, which is a setting, hence canReopenClosed.
 */

export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending_customer', 'resolved'],
  open: ['pending_customer', 'resolved'],
  pending_customer: ['open', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A move back to open from resolved or closed. */
export function isReopen(from: TicketStatus, to: TicketStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'open';
}

const DAY_MS = 86_400_000;

/**
 * Whether a ticket closed at `closedAt` may still be reopened at `now`: within `windowDays` calendar
 * days (24-hour periods, not business days, so the customer's promise reads the same on any calendar).
 * A window of 0 or less means closed tickets are never reopened.
 */
export function canReopenClosed(closedAt: number, now: number, windowDays: number): boolean {
  return windowDays > 0 && now - closedAt <= windowDays * DAY_MS;
}
