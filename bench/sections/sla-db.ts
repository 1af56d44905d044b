import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CALENDAR } from '../../core/sla';
import { deriveTicket, type TicketEvent } from '../../core/tickets';
import { CALENDAR_2026 } from '../../core/tickets/testing';
import { openDatabase } from '../../db/open';
import { inTransaction } from '../../db/repos/stmt';
import { reserveTicketRow, writeTicketProjection } from '../../db/repos/tickets';
import { buildTickets } from './sla';

/*
 * The same 100,000 tickets × 10 events as sla.ts, but stored in a console database: the recompute reads
 * every event back in one ordered scan of ticket_events (its (ticket_id, at, id) index), derives each
 * ticket and rewrites its projection row, in one transaction — what a calendar fix or a sync catch-up
 * costs on a real console.
 */

const NOW = Date.parse('2026-11-23T10:00:00+08:00');

export interface SlaDbBench {
  tickets: number;
  events: number;
  loadMs: number;
  readDeriveMs: number;
  readDeriveWriteMs: number;
}

export function measureSlaFromDb(workDir: string): SlaDbBench {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const db = openDatabase(join(workDir, 'sla.sqlite'));
  const sqlite = db.$client;
  // The generated histories name customers and agents that this database does not hold.
  sqlite.pragma('foreign_keys = OFF');
  const tickets = buildTickets();
  const t0 = performance.now();
  const insEvent = sqlite.prepare('INSERT INTO ticket_events (id, ticket_id, at, actor_id, type, data) VALUES (?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const events of tickets) {
      reserveTicketRow(db, events[0]!.ticketId);
      for (const e of events) insEvent.run(e.id, e.ticketId, e.at, e.actorId, e.type, JSON.stringify(e.data));
    }
  })();
  const loadMs = performance.now() - t0;
  // The built-in calendar id in the projection; the events name the test calendar id.
  const calendar = DEFAULT_CALENDAR;
  const calendars = (v: string) => (v === CALENDAR_2026 ? calendar : undefined);
  const scan = sqlite.prepare('SELECT id, ticket_id, at, actor_id, type, data FROM ticket_events ORDER BY ticket_id, at, id').raw(true);

  const pass = (write: boolean): number => {
    const t = performance.now();
    inTransaction(db, () => {
      let current: TicketEvent[] = [];
      let currentId = '';
      // better-sqlite3 cannot write while a statement is iterating: the states are written after the scan.
      const states: ReturnType<typeof deriveTicket>[] = [];
      const flush = () => {
        if (!current.length) return;
        const state = deriveTicket(current, calendars, NOW);
        if (write) states.push(state);
        current = [];
      };
      for (const r of scan.iterate() as Iterable<[string, string, number, string | null, string, string]>) {
        if (r[1] !== currentId) {
          flush();
          currentId = r[1];
        }
        current.push({ id: r[0], ticketId: r[1], at: r[2], actorId: r[3], type: r[4], data: JSON.parse(r[5]) } as TicketEvent);
      }
      flush();
      for (const state of states) writeTicketProjection(db, state);
    });
    return performance.now() - t;
  };
  const readDeriveMs = pass(false);
  const readDeriveWriteMs = pass(true);
  const events = tickets.reduce((n, e) => n + e.length, 0);
  sqlite.close();
  rmSync(workDir, { recursive: true, force: true });
  return { tickets: tickets.length, events, loadMs, readDeriveMs, readDeriveWriteMs };
}
