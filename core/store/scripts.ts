import type { ScriptContent, ScriptPurpose } from '../questionnaire/model';
import { all, get, type Q, write } from './sql';

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

export const SCRIPT_COLUMNS = `id, purpose, locale, title, builtin_key AS "builtinKey", created_at AS "createdAt", created_by AS "createdBy", retired_at AS "retiredAt"`;
const VERSION_COLUMNS = `id, script_id AS "scriptId", version, status, content, created_at AS "createdAt", created_by AS "createdBy",
  published_at AS "publishedAt", published_by AS "publishedBy"`;
type RawVersion = Omit<VersionRow, 'content'> & { content: string };
const toVersion = (row: RawVersion): VersionRow => ({ ...row, content: JSON.parse(row.content) as ScriptContent });

export function* insertScript(s: ScriptRow): Q<void> {
  yield* write(
    `INSERT INTO scripts (id, purpose, locale, title, builtin_key, created_at, created_by, retired_at)
     VALUES (@id, @purpose, @locale, @title, @builtinKey, @createdAt, @createdBy, @retiredAt)`,
    s,
    'scripts',
  );
}

export function getScript(id: string): Q<ScriptRow | undefined> {
  return get<ScriptRow>(`SELECT ${SCRIPT_COLUMNS} FROM scripts WHERE id = ?`, [id], 'scripts');
}

export function* setScriptTitle(id: string, title: string): Q<void> {
  yield* write('UPDATE scripts SET title = ? WHERE id = ?', [title, id], 'scripts');
}

export function* retireScript(id: string, at: number): Q<void> {
  yield* write('UPDATE scripts SET retired_at = ? WHERE id = ? AND retired_at IS NULL', [at, id], 'scripts');
}

export function* insertVersion(v: VersionRow): Q<void> {
  yield* write(
    `INSERT INTO script_versions (id, script_id, version, status, content, created_at, created_by, published_at, published_by)
     VALUES (@id, @scriptId, @version, @status, @content, @createdAt, @createdBy, @publishedAt, @publishedBy)`,
    { ...v, content: JSON.stringify(v.content) },
    'scripts',
  );
}

/** Only a draft's content may change; a published version is fixed for good. */
export function* updateDraftContent(versionId: string, content: ScriptContent): Q<void> {
  yield* write(`UPDATE script_versions SET content = ? WHERE id = ? AND status = 'draft'`, [JSON.stringify(content), versionId], 'scripts');
}

export function* markPublished(versionId: string, at: number, by: string | null): Q<void> {
  yield* write(`UPDATE script_versions SET status = 'published', published_at = ?, published_by = ? WHERE id = ? AND status = 'draft'`, [
    at,
    by,
    versionId,
  ], 'scripts');
}

/** Newest first. */
export function* versionsOf(scriptId: string): Q<VersionRow[]> {
  const rows = yield* all<RawVersion>(`SELECT ${VERSION_COLUMNS} FROM script_versions WHERE script_id = ? ORDER BY version DESC`, [scriptId], 'scripts');
  return rows.map(toVersion);
}

export function* getVersion(id: string): Q<VersionRow | undefined> {
  const row = yield* get<RawVersion>(`SELECT ${VERSION_COLUMNS} FROM script_versions WHERE id = ?`, [id], 'scripts');
  return row && toVersion(row);
}

export function* latestPublished(scriptId: string): Q<VersionRow | undefined> {
  const row = yield* get<RawVersion>(
    `SELECT ${VERSION_COLUMNS} FROM script_versions WHERE script_id = ? AND status = 'published' ORDER BY version DESC LIMIT 1`,
    [scriptId],
    'scripts',
  );
  return row && toVersion(row);
}
