import type { TicketState } from './model';

/** The short reference agents read out on the phone: TK- and the last 6 hex digits of the id, upper case. */
export const ticketCode = (id: string): string => `TK-${id.slice(-6).toUpperCase()}`;

/** When the first running clock enters its warning window (null when no clock runs). */
export function nextWarnAt(s: Pick<TicketState, 'firstResponse' | 'resolution'>): number | null {
  let at: number | null = null;
  for (const c of [s.firstResponse, s.resolution]) {
    if (c.status === 'running' && c.warnAt !== null && (at === null || c.warnAt < at)) at = c.warnAt;
  }
  return at;
}
