import type { Db } from '../open';
import { dayStart, filters, week, type Params, type RangeQuery } from './report-sql';
import { stmt } from './stmt';

/*
 * The satisfaction report's SQL: questionnaires, their current answers (the latest fact per response
 * and question key) and the reached calls they are measured against, counted by week and purpose.
 */

export interface SurveyQuery extends RangeQuery {
  agentId?: string;
  purpose?: string;
}

/** Reached calls per week (the base of the response rate), from the covering attempts index. */
export function reachedByWeek(db: Db, q: SurveyQuery): { week: number; reached: number }[] {
  const f = filters([
    ['reason = @purpose', 'purpose', q.purpose],
    ['agent_id = @agentId', 'agentId', q.agentId],
  ]);
  return stmt(
    db,
    `WITH RECURSIVE weeks(w) AS (SELECT @first UNION ALL SELECT w + 1 FROM weeks WHERE w < @last)
     SELECT w AS week, (SELECT count(*) FROM call_attempts
                         WHERE started_at >= max(@from, ${dayStart('(w * 7 - 3)')}) AND started_at < min(@to, ${dayStart('(w * 7 + 4)')})
                           AND disposition = 'reached'${f.sql}) AS reached
       FROM weeks`,
  ).all({ ...f.params, from: q.from, to: q.to, first: q.first, last: q.last }) as { week: number; reached: number }[];
}

/** The questionnaires of the range under the filters, with their week and purpose. */
function chosenResponses(q: SurveyQuery): { sql: string; params: Params } {
  const f = filters([
    ['r.agent_id = @agentId', 'agentId', q.agentId],
    ['s.purpose = @purpose', 'purpose', q.purpose],
  ]);
  return {
    sql: `r AS MATERIALIZED (
       SELECT r.id, r.script_version_id AS versionId, s.purpose, ${week('r.started_at')} AS week, r.status
         FROM survey_responses r JOIN script_versions v ON v.id = r.script_version_id JOIN scripts s ON s.id = v.script_id
        WHERE r.started_at >= @from AND r.started_at < @to${f.sql})`,
    params: { ...f.params, from: q.from, to: q.to },
  };
}

/**
 * A response's current answer to a key: its latest fact (a cleared answer is a null value). Ties on
 * the millisecond go to the later row, which the index answers_response(response_id, question_key,
 * answered_at) already orders: one seek to its last entry, no sort.
 */
const latestAnswer = (response: string, key: string) =>
  `(SELECT a.value FROM survey_answers a WHERE a.response_id = ${response} AND a.question_key = ${key} ORDER BY a.answered_at DESC, a.rowid DESC LIMIT 1)`;

export interface SurveyRow {
  dim: 'weekPurpose' | 'week' | 'purpose' | 'total' | 'question' | 'chosen' | 'value';
  week: number | null;
  purpose: string | null;
  started: number;
  completed: number;
  csatAnswers: number;
  csatPositive: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
  /** 'question' and 'chosen' rows: the question (newest wording); 'chosen' also its distinct values. */
  key: string | null;
  text: string | null;
  type: string | null;
  /** The newest answered version's choices, as JSON. */
  choices: string | null;
  /** 'value' rows: one answer value and how often it was given; 'chosen': the questionnaires answering it. */
  value: string | null;
  count: number | null;
  /** 'chosen': how many distinct values its answers have. */
  distinctValues: number | null;
  /** 'question': where it stands in its script (the order the picker lists them in). */
  position: number | null;
}

const SCORES = `coalesce(sum(c) FILTER (WHERE type = 'rating' AND value IN ('1','2','3','4','5')), 0) AS csatAnswers,
       coalesce(sum(c) FILTER (WHERE type = 'rating' AND value IN ('4','5')), 0) AS csatPositive,
       coalesce(sum(c) FILTER (WHERE type = 'nps' AND value IN ('0','1','2','3','4','5','6','7','8','9','10')), 0) AS npsAnswers,
       coalesce(sum(c) FILTER (WHERE type = 'nps' AND value IN ('9','10')), 0) AS promoters,
       coalesce(sum(c) FILTER (WHERE type = 'nps' AND value IN ('0','1','2','3','4','5','6')), 0) AS detractors`;

const ROLL_UP = `coalesce(sum(started), 0), coalesce(sum(completed), 0), coalesce(sum(csatAnswers), 0), coalesce(sum(csatPositive), 0),
       coalesce(sum(npsAnswers), 0), coalesce(sum(promoters), 0), coalesce(sum(detractors), 0)`;
const NO_SCORES = '0, 0, 0, 0, 0, 0, 0';
const NO_QUESTION = 'NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL';

/**
 * One pass over the questionnaires of the range:
 * - started and completed, CSAT (rating) and NPS answers of every version's rating and NPS questions,
 *   by week × purpose, week, purpose and overall. A score is the JSON text of a whole number, so '4'
 *   counts and '4.5' or '"4"' do not — as core/questionnaire/metrics.ts reads them;
 * - every question key of the versions answered, worded as the newest of them;
 * - the chosen question (`key`, else the first rating question, else the first) with how often each
 *   value is its current answer across every version that has it (each element of a multiple choice
 *   counts once), the commonest `limit` values (none for text questions: free text is not listed).
 * Each current answer is looked up once: the scored questions' answers serve the distribution too.
 */
export function surveyRows(db: Db, q: SurveyQuery & { key: string | null; limit: number }): SurveyRow[] {
  const chosen = chosenResponses(q);
  const questionFields = `q.value ->> '$.key' AS key, q.value ->> '$.type' AS type`;
  return stmt(
    db,
    `WITH ${chosen.sql},
     vs AS MATERIALIZED (SELECT DISTINCT versionId FROM r),
     vq AS MATERIALIZED (
       SELECT v.id AS versionId, ${questionFields}, q.value ->> '$.text' AS text, coalesce(q.value -> '$.choices', '[]') AS choices,
              s.purpose, q.key AS position, v.created_at AS createdAt, v.version
         FROM vs JOIN script_versions v ON v.id = vs.versionId JOIN scripts s ON s.id = v.script_id, json_each(v.content, '$.questions') AS q),
     qs AS MATERIALIZED (
       SELECT key, text, type, choices, purpose, position FROM (
         SELECT *, row_number() OVER (PARTITION BY key ORDER BY createdAt DESC, version DESC, versionId DESC) AS rn FROM vq)
        WHERE rn = 1),
     pick(k, type) AS (
       SELECT key, type FROM qs
        ORDER BY key = @key DESC, type = 'rating' DESC, purpose, position, key LIMIT 1),
     sc AS MATERIALIZED (
       SELECT r.week, r.purpose, vq.key, vq.type, ${latestAnswer('r.id', 'vq.key')} AS value
         FROM r JOIN vq ON vq.versionId = r.versionId AND vq.type IN ('rating', 'nps')),
     scv AS MATERIALIZED (SELECT week, purpose, type, value, count(*) AS c FROM sc GROUP BY 1, 2, 3, 4),
     s AS (SELECT week, purpose, ${SCORES} FROM scv GROUP BY week, purpose),
     n AS (SELECT week, purpose, count(*) AS started, sum(status = 'completed') AS completed FROM r GROUP BY week, purpose),
     wp AS MATERIALIZED (
       SELECT n.week, n.purpose, n.started, n.completed, coalesce(s.csatAnswers, 0) AS csatAnswers, coalesce(s.csatPositive, 0) AS csatPositive,
              coalesce(s.npsAnswers, 0) AS npsAnswers, coalesce(s.promoters, 0) AS promoters, coalesce(s.detractors, 0) AS detractors
         FROM n LEFT JOIN s ON s.week = n.week AND s.purpose = n.purpose),
     d AS MATERIALIZED (
       SELECT value FROM sc WHERE key = (SELECT k FROM pick)
       UNION ALL
       SELECT ${latestAnswer('r.id', 'vq.key')} FROM r JOIN vq ON vq.versionId = r.versionId
        WHERE vq.key = (SELECT k FROM pick) AND vq.type NOT IN ('rating', 'nps')),
     vals AS MATERIALIZED (
       SELECT CASE e.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(e.value AS TEXT) END AS value, count(*) AS count
         FROM d, json_each(d.value) AS e WHERE d.value IS NOT NULL AND e.type NOT IN ('object', 'array') GROUP BY 1)
     SELECT 'weekPurpose' AS dim, *, NULL AS key, NULL AS text, NULL AS type, NULL AS choices, NULL AS value, NULL AS count,
            NULL AS distinctValues, NULL AS position FROM wp
     UNION ALL SELECT 'week', week, NULL, ${ROLL_UP}, ${NO_QUESTION} FROM wp GROUP BY week
     UNION ALL SELECT 'purpose', NULL, purpose, ${ROLL_UP}, ${NO_QUESTION} FROM wp GROUP BY purpose
     UNION ALL SELECT 'total', NULL, NULL, ${ROLL_UP}, ${NO_QUESTION} FROM wp
     UNION ALL SELECT 'question', NULL, purpose, ${NO_SCORES}, key, text, type, choices, NULL, NULL, NULL, position FROM qs
     UNION ALL SELECT 'chosen', NULL, NULL, ${NO_SCORES}, qs.key, qs.text, qs.type, qs.choices, NULL,
            (SELECT count(*) FROM d WHERE value IS NOT NULL), (SELECT count(*) FROM vals), NULL
       FROM qs WHERE qs.key = (SELECT k FROM pick)
     UNION ALL SELECT * FROM (
       SELECT 'value', NULL, NULL, ${NO_SCORES}, NULL, NULL, NULL, NULL, value, count, NULL, NULL FROM vals
        WHERE (SELECT type FROM pick) NOT IN ('short_text', 'long_text') ORDER BY count DESC, value LIMIT @limit)`,
  ).all({ ...chosen.params, key: q.key, limit: q.limit }) as SurveyRow[];
}
