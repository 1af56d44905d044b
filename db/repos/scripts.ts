import type { ScriptContent, ScriptPurpose } from '../../core/questionnaire/model';
import type { Db } from '../open';
import { stmt } from './stmt';

export interface ScriptRow {
  id: string;
  purpose: ScriptPurpose;
  locale: 'zh-CN' | 'en';
  title: string;
  builtinKey: string | null;
  createdAt: number;
  createdBy: string | null;
  retiredAt: number | null;
}

export interface VersionRow {
  id: string;
  scriptId: string;
  version: number;
  status: 'draft' | 'published';
  content: ScriptContent;
  createdAt: number;
  createdBy: string | null;
  publishedAt: number | null;
  publishedBy: string | null;
}

const SCRIPT_COLUMNS = `id, purpose, locale, title, builtin_key AS builtinKey, created_at AS createdAt, created_by AS createdBy, retired_at AS retiredAt`;
const VERSION_COLUMNS = `id, script_id AS scriptId, version, status, content, created_at AS createdAt, created_by AS createdBy,
  published_at AS publishedAt, published_by AS publishedBy`;
const toVersion = (row: Omit<VersionRow, 'content'> & { content: string }): VersionRow => ({
  ...row,
  content: JSON.parse(row.content) as ScriptContent,
});

export function insertScript(db: Db, s: ScriptRow): void {
  stmt(
    db,
    `INSERT INTO scripts (id, purpose, locale, title, builtin_key, created_at, created_by, retired_at)
     VALUES (@id, @purpose, @locale, @title, @builtinKey, @createdAt, @createdBy, @retiredAt)`,
  ).run(s);
}

export function getScript(db: Db, id: string): ScriptRow | undefined {
  return stmt(db, `SELECT ${SCRIPT_COLUMNS} FROM scripts WHERE id = ?`).get(id) as ScriptRow | undefined;
}

export function listScripts(db: Db): ScriptRow[] {
  return stmt(db, `SELECT ${SCRIPT_COLUMNS} FROM scripts ORDER BY retired_at IS NOT NULL, purpose, locale, created_at`).all() as ScriptRow[];
}

export function countScripts(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM scripts').get() as { n: number }).n;
}

export function setScriptTitle(db: Db, id: string, title: string): void {
  stmt(db, 'UPDATE scripts SET title = ? WHERE id = ?').run(title, id);
}

export function retireScript(db: Db, id: string, at: number): void {
  stmt(db, 'UPDATE scripts SET retired_at = ? WHERE id = ? AND retired_at IS NULL').run(at, id);
}

export function insertVersion(db: Db, v: VersionRow): void {
  stmt(
    db,
    `INSERT INTO script_versions (id, script_id, version, status, content, created_at, created_by, published_at, published_by)
     VALUES (@id, @scriptId, @version, @status, @content, @createdAt, @createdBy, @publishedAt, @publishedBy)`,
  ).run({ ...v, content: JSON.stringify(v.content) });
}

/** Only a draft's content may change; a published version is fixed for good. */
export function updateDraftContent(db: Db, versionId: string, content: ScriptContent): void {
  stmt(db, `UPDATE script_versions SET content = ? WHERE id = ? AND status = 'draft'`).run(JSON.stringify(content), versionId);
}

export function markPublished(db: Db, versionId: string, at: number, by: string | null): void {
  stmt(db, `UPDATE script_versions SET status = 'published', published_at = ?, published_by = ? WHERE id = ? AND status = 'draft'`).run(
    at,
    by,
    versionId,
  );
}

export function versionsOf(db: Db, scriptId: string): VersionRow[] {
  return (stmt(db, `SELECT ${VERSION_COLUMNS} FROM script_versions WHERE script_id = ? ORDER BY version DESC`).all(scriptId) as (Omit<
    VersionRow,
    'content'
  > & { content: string })[]).map(toVersion);
}

export function getVersion(db: Db, id: string): VersionRow | undefined {
  const row = stmt(db, `SELECT ${VERSION_COLUMNS} FROM script_versions WHERE id = ?`).get(id) as
    | (Omit<VersionRow, 'content'> & { content: string })
    | undefined;
  return row && toVersion(row);
}

export function latestPublished(db: Db, scriptId: string): VersionRow | undefined {
  const row = stmt(
    db,
    `SELECT ${VERSION_COLUMNS} FROM script_versions WHERE script_id = ? AND status = 'published' ORDER BY version DESC LIMIT 1`,
  ).get(scriptId) as (Omit<VersionRow, 'content'> & { content: string }) | undefined;
  return row && toVersion(row);
}
