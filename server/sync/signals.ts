import type { ServerDb } from '../database/open';

/*
 * Wakes long-polling consoles when their team's version moves. A push answered by this process wakes
 * its waiters at once; a change committed by another process on the same database is noticed by a
 * cheap poll of the team's version row, so any number of processes behave as one (just slower).
 */

export interface TeamSignals {
  changed(teamId: string): void;
  /** Answers every waiting poke now and every later one at once (the process is shutting down). */
  close(): void;
  waitForChange(db: ServerDb, teamId: string, since: number, waitMs: number, abort?: AbortSignal): Promise<number>;
}

export function createTeamSignals(pollMs = 250): TeamSignals {
  const waiters = new Map<string, Set<() => void>>();
  let closed = false;
  const version = async (db: ServerDb, teamId: string) =>
    Number((await db.query<{ version: number }>('SELECT version FROM sync_teams WHERE team_id = $1', [teamId])).rows[0]?.version ?? 0);
  return {
    changed(teamId) {
      for (const wake of waiters.get(teamId) ?? []) wake();
    },
    close() {
      closed = true;
      for (const set of waiters.values()) for (const wake of set) wake();
    },
    async waitForChange(db, teamId, since, waitMs, abort) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const now = await version(db, teamId);
        if (now > since || closed || Date.now() >= deadline || abort?.aborted) return now;
        await new Promise<void>((resolve) => {
          const set = waiters.get(teamId) ?? new Set();
          waiters.set(teamId, set);
          const done = () => {
            clearTimeout(timer);
            set.delete(done);
            abort?.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, Math.min(pollMs, Math.max(0, deadline - Date.now())));
          set.add(done);
          abort?.addEventListener('abort', done);
        });
      }
    },
  };
}
