import type { TicketRow } from '../../../core/contract/views-cases';
import type { ClockState, SlaClock } from '../../../core/tickets/model';

/*
 * How the board reads a ticket between two answers from the back end. The answer levels rows at its
 * own `now`; the board re-levels them every second from the due instants it carries, so a ticket whose
 * countdown reaches zero turns red at once instead of up to 30 s later.
 */

export type Tone = 'breached' | 'warning';

export interface BoardItem {
  row: TicketRow;
  /** The clock the row is about: the breached one, else the one that breaches next. */
  clock: SlaClock;
  state: ClockState;
  tone: Tone;
  /** Calendar ms to the breach (negative: over). */
  leftMs: number;
}

function focus(row: TicketRow): { clock: SlaClock; state: ClockState } {
  const clocks = [
    { clock: 'first_response' as const, state: row.firstResponse },
    { clock: 'resolution' as const, state: row.resolution },
  ];
  const breached = clocks.filter((c) => c.state.level === 'breached');
  // A clock still running past its due instant is the live one to show; a missed, stopped one is final.
  const pick = breached.find((c) => c.state.dueAt !== null) ?? breached[0];
  if (pick) return pick;
  const running = clocks.filter((c) => c.state.dueAt !== null).sort((a, b) => a.state.dueAt! - b.state.dueAt!);
  return running[0] ?? clocks[0]!;
}

export function toItem(row: TicketRow, now: number): BoardItem {
  const { clock, state } = focus(row);
  const leftMs = state.dueAt !== null ? state.dueAt - now : -state.breachedByMinutes * 60_000;
  const tone: Tone = row.level === 'breached' || state.level === 'breached' || (state.dueAt !== null && state.dueAt <= now) ? 'breached' : 'warning';
  return { row, clock, state, tone, leftMs };
}

/** Both lists of the board, re-levelled at `now`, each sorted by time left (most overdue first). */
export function levelBoard(atRisk: readonly TicketRow[], breached: readonly TicketRow[], now: number): { breached: BoardItem[]; atRisk: BoardItem[] } {
  const seen = new Set<string>();
  const all: BoardItem[] = [];
  for (const r of [...breached, ...atRisk]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    all.push(toItem(r, now));
  }
  const byLeft = (a: BoardItem, b: BoardItem) => a.leftMs - b.leftMs || a.row.createdAt - b.row.createdAt;
  return {
    breached: all.filter((i) => i.tone === 'breached').sort(byLeft),
    atRisk: all.filter((i) => i.tone === 'warning').sort(byLeft),
  };
}

/** Business minutes over the target: the back end's figure, as of its answer. */
export function overByMinutes(item: BoardItem): number {
  return item.state.breachedByMinutes;
}
