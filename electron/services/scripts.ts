import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { ScriptDetail, ScriptSummary } from '../../core/contract/views';
import { BUILTIN_SCRIPTS, builtinKey } from '../../core/questionnaire/builtin';
import { parseScriptJson } from '../../core/questionnaire/checks';
import type { ScriptContent } from '../../core/questionnaire/model';
import type { Db } from '../../db/open';
import { countScripts, getScript, getVersion, listScripts, versionsOf, type ScriptRow } from '../../db/repos/scripts';
import { getScriptMapping } from '../../db/repos/settings';
import { inTransaction, stmt } from '../../db/repos/stmt';
import { listUsers } from '../../db/repos/users';
import { currentSupervisor, currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';

/** Responses per version, for all scripts at once (one grouped scan, not one query per script). */
function responseCountsByVersion(db: Db): Map<string, number> {
  const rows = stmt(db, `SELECT script_version_id AS id, count(*) AS n FROM survey_responses GROUP BY script_version_id`).all() as {
    id: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

function summary(db: Db, script: ScriptRow, mapping = getScriptMapping(db), counts = responseCountsByVersion(db)): ScriptSummary {
  const versions = versionsOf(db, script.id);
  const published = versions.find((v) => v.status === 'published');
  return {
    id: script.id,
    purpose: script.purpose,
    locale: script.locale,
    title: script.title,
    builtinKey: script.builtinKey,
    retiredAt: script.retiredAt,
    latestVersion: versions[0]?.version ?? 0,
    publishedVersion: published?.version ?? null,
    hasDraft: versions[0]?.status === 'draft',
    mappedFor: Object.entries(mapping)
      .filter(([, id]) => id === script.id)
      .map(([purpose]) => purpose as ScriptSummary['purpose']),
    responses: versions.reduce((n, v) => n + (counts.get(v.id) ?? 0), 0),
  };
}

export function scriptDetail(db: Db, id: string): ScriptDetail {
  const script = getScript(db, id);
  if (!script) throw new AppError('NOT_FOUND', 'That script does not exist.');
  const names = new Map(listUsers(db).map((u) => [u.id, u.name]));
  const responseCounts = responseCountsByVersion(db);
  return {
    script: summary(db, script, getScriptMapping(db), responseCounts),
    versions: versionsOf(db, id).map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      content: v.content,
      createdAt: v.createdAt,
      publishedAt: v.publishedAt,
      publishedByName: v.publishedBy ? (names.get(v.publishedBy) ?? null) : null,
      responses: responseCounts.get(v.id) ?? 0,
    })),
  };
}

/** Scripts are team material: only a supervisor writes, publishes, retires or maps them. */
const supervisor = (ctx: ServiceContext) => currentSupervisor(ctx, 'change questionnaire scripts');

/**
 * The built-in scripts (every purpose, Chinese and English), published, with each purpose mapped to
 * the script in the console's language. Run once per console: at first run, or on the first start
 * after an upgrade that brought questionnaires.
 */
export function installBuiltinScripts(ctx: ServiceContext, locale: 'zh-CN' | 'en', by: string | null): void {
  inTransaction(ctx.db, () => {
    if (countScripts(ctx.db) > 0) return;
    const now = ctx.now();
    const mapping: Record<string, string> = {};
    for (const content of BUILTIN_SCRIPTS) {
      const scriptId = ctx.newId();
      runMutation(
        ctx.db,
        'scripts.create',
        // Published by no one in particular: the UI shows "built in".
        { scriptId, versionId: ctx.newId(), content, builtinKey: builtinKey(content.purpose, content.locale), published: true, at: now, by: null },
        now,
      );
      if (content.locale === locale) mapping[content.purpose] = scriptId;
    }
    if (by) runMutation(ctx.db, 'scripts.setMapping', { mapping, at: now, by: null }, now);
  });
}

export function listAllScripts(ctx: ServiceContext): ScriptSummary[] {
  currentUser(ctx);
  const mapping = getScriptMapping(ctx.db);
  const counts = responseCountsByVersion(ctx.db);
  return listScripts(ctx.db).map((s) => summary(ctx.db, s, mapping, counts));
}

export function getScriptDetail(ctx: ServiceContext, input: ParsedInputOf<'scripts.get'>): ScriptDetail {
  currentUser(ctx);
  return scriptDetail(ctx.db, input.id);
}

function createFrom(ctx: ServiceContext, content: ScriptContent): ScriptDetail {
  const user = supervisor(ctx);
  const now = ctx.now();
  const scriptId = ctx.newId();
  runMutation(ctx.db, 'scripts.create', { scriptId, versionId: ctx.newId(), content, builtinKey: null, published: false, at: now, by: user.id }, now);
  return scriptDetail(ctx.db, scriptId);
}

export function createScript(ctx: ServiceContext, input: ParsedInputOf<'scripts.create'>): ScriptDetail {
  if ('copyFrom' in input) {
    const source = versionsOf(ctx.db, input.copyFrom);
    const version = input.versionId ? source.find((v) => v.id === input.versionId) : (source.find((v) => v.status === 'published') ?? source[0]);
    if (!version) throw new AppError('NOT_FOUND', 'That script or version does not exist.');
    const copyOf = version.content.locale === 'en' ? ' (copy)' : '（副本）';
    return createFrom(ctx, { ...version.content, title: `${version.content.title}${copyOf}`.slice(0, 120) });
  }
  return createFrom(ctx, { purpose: input.purpose, locale: input.locale, title: input.title, opening: '', closing: '', questions: [] });
}

export function saveDraft(ctx: ServiceContext, input: ParsedInputOf<'scripts.saveDraft'>): ScriptDetail {
  const user = supervisor(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'scripts.saveDraft', { scriptId: input.id, newVersionId: ctx.newId(), content: input.content, at: now, by: user.id }, now);
  return scriptDetail(ctx.db, input.id);
}

export function publishScript(ctx: ServiceContext, input: ParsedInputOf<'scripts.publish'>): ScriptDetail {
  const user = supervisor(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'scripts.publish', { scriptId: input.id, at: now, by: user.id }, now);
  return scriptDetail(ctx.db, input.id);
}

export function retire(ctx: ServiceContext, input: ParsedInputOf<'scripts.retire'>): ScriptDetail {
  const user = supervisor(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'scripts.retire', { scriptId: input.id, at: now, by: user.id }, now);
  return scriptDetail(ctx.db, input.id);
}

export function exportScript(ctx: ServiceContext, input: ParsedInputOf<'scripts.export'>): { fileName: string; json: string } {
  currentUser(ctx);
  const versions = versionsOf(ctx.db, input.id);
  const version = input.versionId ? getVersion(ctx.db, input.versionId) : (versions.find((v) => v.status === 'published') ?? versions[0]);
  if (!version || version.scriptId !== input.id) throw new AppError('NOT_FOUND', 'That script or version does not exist.');
  const safeTitle = version.content.title.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60);
  return { fileName: `${safeTitle}-v${version.version}.json`, json: `${JSON.stringify(version.content, null, 2)}\n` };
}

export function importScript(ctx: ServiceContext, input: ParsedInputOf<'scripts.import'>): ScriptDetail {
  supervisor(ctx);
  const parsed = parseScriptJson(input.json);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError('BAD_INPUT', `The file is not a valid script: ${first ? `${first.path}: ${first.message}` : 'unknown error'}`, {
      errors: parsed.errors,
    });
  }
  return createFrom(ctx, parsed.content);
}

export function setMapping(ctx: ServiceContext, input: ParsedInputOf<'scripts.setMapping'>): ScriptSummary[] {
  const user = supervisor(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'scripts.setMapping', { mapping: input.mapping, at: now, by: user.id }, now);
  return listAllScripts(ctx);
}
