import type { Db } from '../open';
import { stmt } from './stmt';

export interface SurveyFilter {
  purpose?: string;
  scriptId?: string;
  version?: number;
  agentId?: string;
  from?: number;
  to?: number;
}

function responseWhere(f: SurveyFilter): { clause: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, key: string, value: unknown) => {
    if (value === undefined) return;
    where.push(sql);
    params[key] = value;
  };
  add('s.purpose = @purpose', 'purpose', f.purpose);
  add('s.id = @scriptId', 'scriptId', f.scriptId);
  add('v.version = @version', 'version', f.version);
  add('r.agent_id = @agentId', 'agentId', f.agentId);
  add('r.started_at >= @from', 'from', f.from);
  add('r.started_at < @to', 'to', f.to);
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const RESPONSES = `survey_responses r JOIN script_versions v ON v.id = r.script_version_id JOIN scripts s ON s.id = v.script_id`;

export interface VersionCounts {
  versionId: string;
  scriptId: string;
  scriptTitle: string;
  purpose: string;
  version: number;
  content: string;
  started: number;
  completed: number;
  partial: number;
  declined: number;
}

export function responseCountsByVersion(db: Db, f: SurveyFilter): VersionCounts[] {
  const { clause, params } = responseWhere(f);
  return stmt(
    db,
    `SELECT v.id AS versionId, s.id AS scriptId, s.title AS scriptTitle, s.purpose, v.version, v.content,
            count(*) AS started,
            sum(r.status = 'completed') AS completed, sum(r.status = 'partial') AS partial, sum(r.status = 'declined') AS declined
       FROM ${RESPONSES} ${clause}
      GROUP BY v.id ORDER BY s.purpose, s.title, v.version`,
  ).all(params) as VersionCounts[];
}

/** Current answers (latest fact per response and key, not cleared), counted per version, key and value. */
export function answerCounts(db: Db, f: SurveyFilter): { versionId: string; key: string; value: string; count: number }[] {
  const { clause, params } = responseWhere(f);
  return stmt(
    db,
    `WITH chosen AS (SELECT r.id, r.script_version_id FROM ${RESPONSES} ${clause}),
          latest AS (
            SELECT c.script_version_id AS versionId, a.question_key AS key, a.value,
                   row_number() OVER (PARTITION BY a.response_id, a.question_key ORDER BY a.answered_at DESC, a.id DESC) AS rn
              FROM survey_answers a JOIN chosen c ON c.id = a.response_id)
     SELECT versionId, key, value, count(*) AS count FROM latest WHERE rn = 1 AND value IS NOT NULL
      GROUP BY versionId, key, value`,
  ).all(params) as { versionId: string; key: string; value: string; count: number }[];
}

/** Calls that reached the customer, the base of the response rate, under the same filters. */
export function reachedCalls(db: Db, f: SurveyFilter): number {
  const where: string[] = [`a.disposition = 'reached'`];
  const params: Record<string, unknown> = {};
  const add = (sql: string, key: string, value: unknown) => {
    if (value === undefined) return;
    where.push(sql);
    params[key] = value;
  };
  add('cb.reason = @purpose', 'purpose', f.purpose);
  // A script applies only to calls of its own purpose: other purposes' calls are no part of its base.
  add('cb.reason = (SELECT purpose FROM scripts WHERE id = @scriptId)', 'scriptId', f.scriptId);
  add('a.agent_id = @agentId', 'agentId', f.agentId);
  add('a.started_at >= @from', 'from', f.from);
  add('a.started_at < @to', 'to', f.to);
  return (
    stmt(db, `SELECT count(*) AS n FROM call_attempts a JOIN callbacks cb ON cb.id = a.callback_id WHERE ${where.join(' AND ')}`).get(
      params,
    ) as { n: number }
  ).n;
}
