import { BEIJING_OFFSET_MS, DAY_MS } from '../../core/reports/time';

/*
 * SQL pieces the report queries share: Beijing day and week numbers of an epoch-ms column, computed
 * with the same integer arithmetic as core/reports/time.ts (UTC+8 all year, no daylight saving), and
 * optional filters.
 */

const OFF = BEIJING_OFFSET_MS;
/** The Beijing day (number) of an epoch-ms column, as core/reports/time.ts dayNumber. */
export const day = (col: string) => `((${col} + ${OFF}) / ${DAY_MS})`;
/** The Monday-based week of an epoch-ms column, as core/reports/time.ts weekOfDay. */
export const week = (col: string) => `((${day(col)} + 3) / 7)`;
/** The instant a day (number expression) starts. */
export const dayStart = (d: string) => `(${d} * ${DAY_MS} - ${OFF})`;

export interface RangeQuery {
  from: number;
  to: number;
  /** Day (or week) numbers of the first and last bucket the range touches. */
  first: number;
  last: number;
}

export type Params = Record<string, unknown>;

/** ` AND …` for every filter given, and its parameters. */
export function filters(parts: [string, string, unknown][]): { sql: string; params: Params } {
  const params: Params = {};
  let sql = '';
  for (const [clause, key, value] of parts) {
    if (value === undefined) continue;
    sql += ` AND ${clause}`;
    params[key] = value;
  }
  return { sql, params };
}
