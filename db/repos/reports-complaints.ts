import type { Db } from '../open';
import { filters, week } from './report-sql';
import { stmt } from './stmt';

/*
 * The complaints report's SQL: tickets (the projection) by week and category with SLA attainment and
 * medians in business minutes, and the vouchers issued, by reason.
 */

export interface TicketGroup {
  dim: 'week' | 'category' | 'weekCategory' | 'total';
  week: number | null;
  category: string | null;
  tickets: number;
  frDone: number;
  frMet: number;
  resDone: number;
  resMet: number;
  frMedian: number | null;
  resMedian: number | null;
}

/**
 * The median of `v` per partition `k` over a frequency table `f(k, v, c)` of values rounded to the
 * minute: the first value whose running count reaches the middle rank, averaged with the one reaching
 * the other middle rank when the count is even. Exact to the minute, and far cheaper in SQLite than
 * ranking every row with a window function (a week of tickets has a few hundred distinct minutes).
 */
const median = (f: string) =>
  `SELECT w.k, (min(CASE WHEN (t.n + 1) / 2 <= w.cum THEN w.v END) + min(CASE WHEN (t.n + 2) / 2 <= w.cum THEN w.v END)) / 2.0 AS m
     FROM (SELECT k, v, sum(c) OVER (PARTITION BY k ORDER BY v) AS cum FROM ${f}) AS w
     JOIN (SELECT k, sum(c) AS n FROM ${f} GROUP BY k) AS t ON t.k = w.k
    GROUP BY w.k`;
/**
 * Per clock: its frequency table by week, category and minute (one sort of the tickets), rolled up to
 * week, category and all (sorts of that much smaller table), and the median of each, named e.g. frw.
 */
const MEDIANS = (['fr', 'rs'] as const)
  .map((clock) =>
    [
      `${clock}f AS MATERIALIZED (
         SELECT week, category, round(${clock}m) AS v, count(*) AS c FROM t WHERE ${clock} IN ('met', 'missed') AND ${clock}m IS NOT NULL GROUP BY 1, 2, 3)`,
      `${clock}fw AS MATERIALIZED (SELECT week AS k, v, sum(c) AS c FROM ${clock}f GROUP BY 1, 2)`,
      `${clock}fc AS MATERIALIZED (SELECT category AS k, v, sum(c) AS c FROM ${clock}f GROUP BY 1, 2)`,
      `${clock}ft AS MATERIALIZED (SELECT '' AS k, v, sum(c) AS c FROM ${clock}f GROUP BY 2)`,
      `${clock}w AS MATERIALIZED (${median(`${clock}fw`)})`,
      `${clock}c AS MATERIALIZED (${median(`${clock}fc`)})`,
      `${clock}t AS MATERIALIZED (${median(`${clock}ft`)})`,
    ].join(',\n     '),
  )
  .join(',\n     ');

/**
 * Tickets created in [from, to): counts and SLA attainment by week, category and overall, with the
 * median business minutes (to the minute) to first response and to resolution over the clocks that
 * stopped; and tickets per week × category.
 */
export function ticketGroups(db: Db, q: { from: number; to: number; agentId?: string; category?: string }): TicketGroup[] {
  const f = filters([
    ['category = @category', 'category', q.category],
    ['assignee_id = @agentId', 'agentId', q.agentId],
  ]);
  const rollUp = `sum(tickets) AS tickets, sum(frDone) AS frDone, sum(frMet) AS frMet, sum(resDone) AS resDone, sum(resMet) AS resMet`;
  return stmt(
    db,
    `WITH t AS MATERIALIZED (
       SELECT ${week('created_at')} AS week, category, first_response_status AS fr, resolution_status AS rs,
              first_response_minutes AS frm, resolution_minutes AS rsm
         FROM tickets WHERE created_at >= @from AND created_at < @to${f.sql}),
     -- Counted once per week and category; the other groupings add those few hundred rows up.
     wc AS MATERIALIZED (
       SELECT week, category, count(*) AS tickets, sum(fr IN ('met', 'missed')) AS frDone, sum(fr = 'met') AS frMet,
              sum(rs IN ('met', 'missed')) AS resDone, sum(rs = 'met') AS resMet
         FROM t GROUP BY week, category),
     ${MEDIANS}
     SELECT 'week' AS dim, g.week, NULL AS category, g.tickets, g.frDone, g.frMet, g.resDone, g.resMet, frw.m AS frMedian, rsw.m AS resMedian
       FROM (SELECT week, ${rollUp} FROM wc GROUP BY week) g LEFT JOIN frw ON frw.k = g.week LEFT JOIN rsw ON rsw.k = g.week
     UNION ALL SELECT 'category', NULL, g.category, g.tickets, g.frDone, g.frMet, g.resDone, g.resMet, frc.m, rsc.m
       FROM (SELECT category, ${rollUp} FROM wc GROUP BY category) g LEFT JOIN frc ON frc.k = g.category LEFT JOIN rsc ON rsc.k = g.category
     UNION ALL SELECT 'total', NULL, NULL, coalesce(g.tickets, 0), coalesce(g.frDone, 0), coalesce(g.frMet, 0), coalesce(g.resDone, 0),
            coalesce(g.resMet, 0), (SELECT m FROM frt), (SELECT m FROM rst)
       FROM (SELECT ${rollUp} FROM wc) g
     UNION ALL SELECT 'weekCategory', week, category, tickets, 0, 0, 0, 0, NULL, NULL FROM wc`,
  ).all({ ...f.params, from: q.from, to: q.to }) as TicketGroup[];
}

/** Vouchers issued in [from, to) by reason; a category keeps the vouchers of its tickets. */
export function voucherGroups(
  db: Db,
  q: { from: number; to: number; agentId?: string; category?: string },
): { reasonCode: string; issued: number; voided: number; spendFen: number }[] {
  const f = filters([
    ['requested_by = @agentId', 'agentId', q.agentId],
    ['EXISTS (SELECT 1 FROM tickets t WHERE t.id = vouchers.ticket_id AND t.category = @category)', 'category', q.category],
  ]);
  return stmt(
    db,
    `SELECT reason_code AS reasonCode, count(*) AS issued, sum(state = 'voided') AS voided,
            sum(CASE WHEN state IN ('issued', 'redeemed') THEN value_fen ELSE 0 END) AS spendFen
       FROM vouchers WHERE issued_at >= @from AND issued_at < @to${f.sql}
      GROUP BY reason_code ORDER BY spendFen DESC, reason_code`,
  ).all({ ...f.params, from: q.from, to: q.to }) as { reasonCode: string; issued: number; voided: number; spendFen: number }[];
}
