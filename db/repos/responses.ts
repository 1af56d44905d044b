import type { Answer, Answers, ResponseStatus } from '../../core/questionnaire/model';
import type { Db } from '../open';
import { stmt } from './stmt';

export interface ResponseRow {
  id: string;
  callbackId: string;
  customerId: string;
  agentId: string;
  scriptVersionId: string;
  status: ResponseStatus;
  startedAt: number;
  endedAt: number | null;
}

const COLUMNS = `id, callback_id AS callbackId, customer_id AS customerId, agent_id AS agentId,
  script_version_id AS scriptVersionId, status, started_at AS startedAt, ended_at AS endedAt`;

export function insertResponse(db: Db, r: ResponseRow): void {
  stmt(
    db,
    `INSERT INTO survey_responses (id, callback_id, customer_id, agent_id, script_version_id, status, started_at, ended_at)
     VALUES (@id, @callbackId, @customerId, @agentId, @scriptVersionId, @status, @startedAt, @endedAt)`,
  ).run(r);
}

export function getResponse(db: Db, id: string): ResponseRow | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM survey_responses WHERE id = ?`).get(id) as ResponseRow | undefined;
}

/** The newest response taken on this callback (in progress or ended). */
export function latestResponseFor(db: Db, callbackId: string): ResponseRow | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM survey_responses WHERE callback_id = ? ORDER BY started_at DESC, id DESC LIMIT 1`).get(
    callbackId,
  ) as ResponseRow | undefined;
}

export function finishResponse(db: Db, id: string, status: ResponseStatus, at: number): void {
  stmt(db, `UPDATE survey_responses SET status = ?, ended_at = ? WHERE id = ? AND status = 'in_progress'`).run(status, at, id);
}

export interface AnswerFact {
  id: string;
  responseId: string;
  questionKey: string;
  /** null records that an answer was cleared. */
  answer: Answer | null;
  answeredAt: number;
}

export function insertAnswerFact(db: Db, f: AnswerFact): void {
  stmt(
    db,
    `INSERT INTO survey_answers (id, response_id, question_key, value, other_text, answered_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    f.id,
    f.responseId,
    f.questionKey,
    f.answer === null ? null : JSON.stringify(f.answer.value),
    f.answer?.otherText ?? null,
    f.answeredAt,
  );
}

/** Current answers of a response: the latest fact per question, cleared ones dropped. */
export function currentAnswers(db: Db, responseId: string): Answers {
  const rows = stmt(
    db,
    `SELECT question_key AS key, value, other_text AS otherText FROM survey_answers
      WHERE response_id = ? ORDER BY answered_at, id`,
  ).all(responseId) as { key: string; value: string | null; otherText: string | null }[];
  const answers: Answers = {};
  for (const row of rows) {
    if (row.value === null) delete answers[row.key];
    else answers[row.key] = row.otherText === null ? { value: JSON.parse(row.value) } : { value: JSON.parse(row.value), otherText: row.otherText };
  }
  return answers;
}
