import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from './model';
import type { TicketStatus } from './model';
import { canReopenClosed, canTransition, isReopen } from './transitions';

const ALLOWED: [TicketStatus, TicketStatus][] = [
  ['new', 'open'],
  ['new', 'pending_customer'],
  ['new', 'resolved'],
  ['open', 'pending_customer'],
  ['open', 'resolved'],
  ['pending_customer', 'open'],
  ['pending_customer', 'resolved'],
  ['resolved', 'closed'],
  ['resolved', 'open'],
  ['closed', 'open'],
];

describe('canTransition', () => {
  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.some(([f, t]) => f === from && t === to));
  });

  it('reopen is resolved/closed → open only', () => {
    expect(isReopen('resolved', 'open')).toBe(true);
    expect(isReopen('closed', 'open')).toBe(true);
    expect(isReopen('pending_customer', 'open')).toBe(false);
  });
});

describe('canReopenClosed', () => {
  const day = 86_400_000;
  const closedAt = Date.parse('2026-03-02T10:00:00+08:00');
  it.each([
    ['the same day', closedAt + 3_600_000, 7, true],
    ['exactly at the end of the window', closedAt + 7 * day, 7, true],
    ['a millisecond later', closedAt + 7 * day + 1, 7, false],
    ['with no window', closedAt + 1, 0, false],
  ])('%s', (_what, now, windowDays, expected) => expect(canReopenClosed(closedAt, now, windowDays)).toBe(expected));
});
