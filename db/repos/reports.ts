import type { Db } from '../open';
import { day, dayStart, filters, type RangeQuery } from './report-sql';
import { stmt } from './stmt';

/*
 * The callback reports' SQL (calls and callbacks): every count is made here, grouped by Beijing day;
 * what comes back is a few thousand grouped rows at most, which the services only name and order.
 *
 * Speed over 1M attempts (bench/sections/reports.ts): SQLite aggregates by sorting, and one sort of a
 * million index entries by (day, reason, agent, disposition) costs more than a second. The attempts
 * are therefore grouped one day at a time — a correlated subquery per day seeks that day's slice of
 * the covering index attempts_report(started_at, reason, agent_id, disposition) and sorts only it —
 * and the day groups travel as JSON to the roll-ups. The callbacks closed in a range are read the same
 * way, a day at a time through callbacks_closed_at.
 */

export type { RangeQuery };

export interface AttemptGroup {
  dim: 'day' | 'reason' | 'agent' | 'disposition' | 'total';
  key: number | string | null;
  attempts: number;
  reached: number;
}

/** Attempts and reached calls by day, reason, agent and disposition over [from, to). */
export function attemptGroups(db: Db, q: RangeQuery & { agentId?: string; reason?: string }): AttemptGroup[] {
  const f = filters([
    ['agent_id = @agentId', 'agentId', q.agentId],
    ['reason = @reason', 'reason', q.reason],
  ]);
  const reached = `coalesce(sum(n) FILTER (WHERE disposition = 'reached'), 0)`;
  return stmt(
    db,
    `WITH RECURSIVE days(d) AS (SELECT @first UNION ALL SELECT d + 1 FROM days WHERE d < @last),
     per AS MATERIALIZED (
       SELECT d, (SELECT json_group_array(json_array(reason, agent_id, disposition, n)) FROM (
                   SELECT reason, agent_id, disposition, count(*) AS n FROM call_attempts
                    WHERE started_at >= max(@from, ${dayStart('d')}) AND started_at < min(@to, ${dayStart('(d + 1)')})${f.sql}
                    GROUP BY reason, agent_id, disposition)) AS j
         FROM days),
     g AS MATERIALIZED (
       SELECT per.d AS day, e.value ->> 0 AS reason, e.value ->> 1 AS agent, e.value ->> 2 AS disposition, e.value ->> 3 AS n
         FROM per, json_each(per.j) AS e)
     SELECT 'day' AS dim, day AS key, sum(n) AS attempts, ${reached} AS reached FROM g GROUP BY day
     UNION ALL SELECT 'reason', reason, sum(n), ${reached} FROM g GROUP BY reason
     UNION ALL SELECT 'agent', agent, sum(n), ${reached} FROM g GROUP BY agent
     UNION ALL SELECT 'disposition', disposition, sum(n), ${reached} FROM g GROUP BY disposition
     UNION ALL SELECT 'total', NULL, coalesce(sum(n), 0), ${reached} FROM g`,
  ).all({ ...f.params, from: q.from, to: q.to, first: q.first, last: q.last }) as AttemptGroup[];
}

export interface CallbackGroup {
  dim: 'day' | 'reason' | 'total';
  key: number | string | null;
  closed: number;
  completed: number;
  /** 'day' rows: open and overdue callbacks at the end of the day. */
  backlog: number | null;
  overdue: number | null;
}

/**
 * Closures and completion per day and reason over [from, to), and the backlog and overdue callbacks
 * at the end of every day from `first` to `today`.
 *
 * Only callbacks open now or closed since `from` can have been open in the range; each is an interval,
 * open from creation to closing and overdue from max(created, due) to closing. An interval adds +1 on
 * its first day (clamped to `first`) and −1 on its closing day, and a running sum per day gives the
 * counts. The closed ones are read a day at a time through callbacks_closed_at (up to today: a
 * callback closed after the range was still open in it), the open ones from the queue's partial
 * indexes. Without a reason the backlog needs no row at all: callbacks created minus callbacks closed,
 * counted on callbacks_created_at and callbacks_closed_at. With one, each closed group also carries its
 * creation day. Due times are each callback's current one: a rescheduled callback counts from its
 * latest due time.
 */
export function callbackGroups(db: Db, q: RangeQuery & { now: number; today: number; reason?: string }): CallbackGroup[] {
  const f = filters([['reason = @reason', 'reason', q.reason]]);
  const byReason = q.reason !== undefined;
  const overdueFrom = 'max(created_at, due_at)';
  const openedOn = (col: string) => `max(${day(col)}, @first)`;
  const backlogEvents = byReason
    ? `SELECT cd, n, 0 FROM g UNION ALL SELECT cd, n, 0 FROM op UNION ALL SELECT xd, -n, 0 FROM g`
    : `SELECT @first, (SELECT count(*) FROM callbacks WHERE created_at < ${dayStart('@first')})
                       - (SELECT count(*) FROM callbacks WHERE state = 'closed' AND closed_at < ${dayStart('@first')}), 0
       UNION ALL
       SELECT d, (SELECT count(*) FROM callbacks WHERE created_at >= ${dayStart('d')} AND created_at < ${dayStart('(d + 1)')})
                 - (SELECT count(*) FROM callbacks WHERE state = 'closed' AND closed_at >= ${dayStart('d')} AND closed_at < ${dayStart('(d + 1)')}), 0
         FROM days`;
  return stmt(
    db,
    `WITH RECURSIVE days(d) AS (SELECT @first UNION ALL SELECT d + 1 FROM days WHERE d < @today),
     per AS MATERIALIZED (
       SELECT d, (SELECT json_group_array(json_array(reason, done, inRange, cd, os, n)) FROM (
                   SELECT reason, outcome = 'completed' AS done, closed_at < @to AS inRange, ${byReason ? openedOn('created_at') : 'NULL'} AS cd,
                          CASE WHEN due_at IS NOT NULL AND closed_at > ${overdueFrom} THEN ${openedOn(overdueFrom)} END AS os, count(*) AS n
                     FROM callbacks
                    WHERE state = 'closed' AND closed_at >= max(@from, ${dayStart('d')}) AND closed_at < ${dayStart('(d + 1)')}${f.sql}
                    GROUP BY 1, 2, 3, 4, 5)) AS j
         FROM days),
     g AS MATERIALIZED (
       SELECT per.d AS xd, e.value ->> 0 AS reason, e.value ->> 1 AS done, e.value ->> 2 AS inRange, e.value ->> 3 AS cd,
              e.value ->> 4 AS os, e.value ->> 5 AS n
         FROM per, json_each(per.j) AS e),
     -- Named indexes: left to itself the planner walks callbacks_created_at over every callback instead.
     open(c, u) AS (
       SELECT created_at, due_at FROM callbacks INDEXED BY callbacks_queue_due WHERE state = 'open' AND due_at IS NOT NULL${f.sql}
       UNION ALL SELECT created_at, NULL FROM callbacks INDEXED BY callbacks_queue_asap WHERE state = 'open' AND due_at IS NULL${f.sql}),
     op AS MATERIALIZED (
       SELECT max(${day('c')}, @first) AS cd, CASE WHEN u IS NOT NULL AND max(c, u) <= @now THEN max(${day('max(c, u)')}, @first) END AS os,
              count(*) AS n
         FROM open GROUP BY 1, 2),
     ev(d, b, o) AS (
       ${backlogEvents}
       UNION ALL SELECT os, 0, n FROM g WHERE os IS NOT NULL
       UNION ALL SELECT xd, 0, -n FROM g WHERE os IS NOT NULL
       UNION ALL SELECT os, 0, n FROM op WHERE os IS NOT NULL),
     delta AS (SELECT d, sum(b) AS b, sum(o) AS o FROM ev GROUP BY d),
     closures AS (SELECT xd, sum(n) AS closed, sum(n * done) AS completed FROM g WHERE inRange GROUP BY xd)
     SELECT 'day' AS dim, days.d AS key, coalesce(c.closed, 0) AS closed, coalesce(c.completed, 0) AS completed,
            sum(coalesce(delta.b, 0)) OVER w AS backlog, sum(coalesce(delta.o, 0)) OVER w AS overdue
       FROM days LEFT JOIN delta ON delta.d = days.d LEFT JOIN closures c ON c.xd = days.d
     WINDOW w AS (ORDER BY days.d)
     UNION ALL SELECT 'reason', reason, sum(n), sum(n * done), NULL, NULL FROM g WHERE inRange GROUP BY reason
     UNION ALL SELECT 'total', NULL, coalesce(sum(n), 0), coalesce(sum(n * done), 0), NULL, NULL FROM g WHERE inRange`,
  ).all({ ...f.params, from: q.from, to: q.to, first: q.first, today: q.today, now: q.now }) as CallbackGroup[];
}
