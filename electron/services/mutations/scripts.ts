import { AppError } from '../../../core/contract/result';
import { publishProblems } from '../../../core/questionnaire/checks';
import type { MutationArgs } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import {
  getScript,
  insertScript,
  insertVersion,
  markPublished,
  retireScript,
  setScriptTitle,
  updateDraftContent,
  versionsOf,
} from '../../../db/repos/scripts';
import { getScriptMapping, putScriptMapping } from '../../../db/repos/settings';

function refusePublishable(content: MutationArgs<'scripts.create'>['content']): void {
  const problems = publishProblems(content);
  if (problems.length > 0) {
    throw new AppError('BAD_INPUT', `The script cannot be published: ${problems.map((problem: { message: string }) => problem.message).join('; ')}`, { problems });
  }
}

export function applyCreateScript(db: Db, a: MutationArgs<'scripts.create'>): void {
  if (a.published) refusePublishable(a.content);
  insertScript(db, {
    id: a.scriptId,
    purpose: a.content.purpose,
    locale: a.content.locale,
    title: a.content.title,
    builtinKey: a.builtinKey,
    createdAt: a.at,
    createdBy: a.by,
    retiredAt: null,
  });
  insertVersion(db, {
    id: a.versionId,
    scriptId: a.scriptId,
    version: 1,
    status: a.published ? 'published' : 'draft',
    content: a.content,
    createdAt: a.at,
    createdBy: a.by,
    publishedAt: a.published ? a.at : null,
    publishedBy: a.published ? a.by : null,
  });
}

function liveScript(db: Db, scriptId: string) {
  const script = getScript(db, scriptId);
  if (!script) throw new AppError('NOT_FOUND', 'That script does not exist.');
  if (script.retiredAt !== null) throw new AppError('CONFLICT', 'That script is retired; copy it to make changes.');
  return script;
}

/** Edits the draft; when the newest version is published, editing starts a new draft after it. */
export function applySaveDraft(db: Db, a: MutationArgs<'scripts.saveDraft'>): { versionId: string } {
  const script = liveScript(db, a.scriptId);
  if (a.content.purpose !== script.purpose) throw new AppError('BAD_INPUT', 'A script keeps its purpose; make a new script for another purpose.');
  const [latest] = versionsOf(db, a.scriptId);
  if (latest?.status === 'draft') {
    updateDraftContent(db, latest.id, a.content);
    return { versionId: latest.id };
  }
  insertVersion(db, {
    id: a.newVersionId,
    scriptId: a.scriptId,
    version: (latest?.version ?? 0) + 1,
    status: 'draft',
    content: a.content,
    createdAt: a.at,
    createdBy: a.by,
    publishedAt: null,
    publishedBy: null,
  });
  return { versionId: a.newVersionId };
}

export function applyPublish(db: Db, a: MutationArgs<'scripts.publish'>): { versionId: string; version: number } {
  liveScript(db, a.scriptId);
  const [latest] = versionsOf(db, a.scriptId);
  if (!latest || latest.status !== 'draft') throw new AppError('CONFLICT', 'There is no draft to publish.');
  refusePublishable(latest.content);
  markPublished(db, latest.id, a.at, a.by);
  setScriptTitle(db, a.scriptId, latest.content.title);
  return { versionId: latest.id, version: latest.version };
}

/** Retiring stops new use; responses already begun finish on the version they pinned. */
export function applyRetire(db: Db, a: MutationArgs<'scripts.retire'>): void {
  liveScript(db, a.scriptId);
  retireScript(db, a.scriptId, a.at);
  const mapping = getScriptMapping(db);
  const unmapped = Object.fromEntries(Object.entries(mapping).map(([purpose, id]) => [purpose, id === a.scriptId ? null : id]));
  putScriptMapping(db, unmapped, a.at, a.by);
}

export function applySetMapping(db: Db, a: MutationArgs<'scripts.setMapping'>): void {
  for (const [purpose, scriptId] of Object.entries(a.mapping)) {
    if (scriptId === null || scriptId === undefined) continue;
    const script = getScript(db, scriptId);
    if (!script || script.retiredAt !== null) throw new AppError('BAD_INPUT', `The script chosen for ${purpose} is missing or retired.`);
    if (script.purpose !== purpose) throw new AppError('BAD_INPUT', `That script is written for ${script.purpose}, not ${purpose}.`);
    if (!versionsOf(db, scriptId).some((v) => v.status === 'published')) {
      throw new AppError('BAD_INPUT', 'Only a script with a published version can be used in calls.');
    }
  }
  putScriptMapping(db, { ...getScriptMapping(db), ...a.mapping }, a.at, a.by);
}
