import { AppError } from '../contract/result';
import { publishProblems } from '../questionnaire/checks';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { supervisorOnly } from './permissions';
import {
  getScript,
  insertScript,
  insertVersion,
  markPublished,
  retireScript,
  setScriptTitle,
  updateDraftContent,
  versionsOf,
} from '../store/scripts';
import { getScriptMapping, putScriptMapping } from '../store/settings';

const SCRIPTS = 'change questionnaire scripts';

function refusePublishable(content: MutationArgs<'scripts.create'>['content']): void {
  const problems = publishProblems(content);
  if (problems.length > 0) {
    throw new AppError('BAD_INPUT', `The script cannot be published: ${problems.map((problem: { message: string }) => problem.message).join('; ')}`, { problems });
  }
}

export function* applyCreateScript(a: MutationArgs<'scripts.create'>): Q<void> {
  // Installing the shipped scripts (a built-in key, by no one) is the console's first run; anything else is a supervisor's.
  if (a.builtinKey === null || a.by !== null) yield* supervisorOnly(a.by, SCRIPTS);
  if (a.published) refusePublishable(a.content);
  yield* insertScript({
    id: a.scriptId,
    purpose: a.content.purpose,
    locale: a.content.locale,
    title: a.content.title,
    builtinKey: a.builtinKey,
    createdAt: a.at,
    createdBy: a.by,
    retiredAt: null,
  });
  yield* insertVersion({
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

function* liveScript(scriptId: string) {
  const script = yield* getScript(scriptId);
  if (!script) throw new AppError('NOT_FOUND', 'That script does not exist.');
  if (script.retiredAt !== null) throw new AppError('CONFLICT', 'That script is retired; copy it to make changes.');
  return script;
}

/** Edits the draft; when the newest version is published, editing starts a new draft after it. */
export function* applySaveDraft(a: MutationArgs<'scripts.saveDraft'>): Q<{ versionId: string }> {
  yield* supervisorOnly(a.by, SCRIPTS);
  const script = yield* liveScript(a.scriptId);
  if (a.content.purpose !== script.purpose) throw new AppError('BAD_INPUT', 'A script keeps its purpose; make a new script for another purpose.');
  const [latest] = yield* versionsOf(a.scriptId);
  if (latest?.status === 'draft') {
    yield* updateDraftContent(latest.id, a.content);
    return { versionId: latest.id };
  }
  yield* insertVersion({
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

export function* applyPublish(a: MutationArgs<'scripts.publish'>): Q<{ versionId: string; version: number }> {
  yield* supervisorOnly(a.by, SCRIPTS);
  yield* liveScript(a.scriptId);
  const [latest] = yield* versionsOf(a.scriptId);
  if (!latest || latest.status !== 'draft') throw new AppError('CONFLICT', 'There is no draft to publish.');
  refusePublishable(latest.content);
  yield* markPublished(latest.id, a.at, a.by);
  yield* setScriptTitle(a.scriptId, latest.content.title);
  return { versionId: latest.id, version: latest.version };
}

/** Retiring stops new use; responses already begun finish on the version they pinned. */
export function* applyRetire(a: MutationArgs<'scripts.retire'>): Q<void> {
  yield* supervisorOnly(a.by, SCRIPTS);
  yield* liveScript(a.scriptId);
  yield* retireScript(a.scriptId, a.at);
  const mapping = yield* getScriptMapping();
  const unmapped = Object.fromEntries(Object.entries(mapping).map(([purpose, id]) => [purpose, id === a.scriptId ? null : id]));
  yield* putScriptMapping(unmapped, a.at, a.by);
}

export function* applySetMapping(a: MutationArgs<'scripts.setMapping'>): Q<void> {
  if (a.by === null) {
    // The first run's install may only point unmapped purposes at the shipped scripts.
    const current = yield* getScriptMapping();
    for (const [purpose, scriptId] of Object.entries(a.mapping)) {
      const script = scriptId ? yield* getScript(scriptId) : undefined;
      if (current[purpose] || !script || script.builtinKey === null) throw new AppError('FORBIDDEN', `Only a supervisor can ${SCRIPTS}.`);
    }
  } else {
    yield* supervisorOnly(a.by, SCRIPTS);
  }
  for (const [purpose, scriptId] of Object.entries(a.mapping)) {
    // Stryker disable next-line ConditionalExpression: a redundant guard: the arguments' schema (and the service input's) refuses an undefined script id, and JSON (the outbox, the server) cannot carry one
    if (scriptId === null || scriptId === undefined) continue;
    const script = yield* getScript(scriptId);
    if (!script || script.retiredAt !== null) throw new AppError('BAD_INPUT', `The script chosen for ${purpose} is missing or retired.`);
    if (script.purpose !== purpose) throw new AppError('BAD_INPUT', `That script is written for ${script.purpose}, not ${purpose}.`);
    if (!(yield* versionsOf(scriptId)).some((v) => v.status === 'published')) {
      throw new AppError('BAD_INPUT', 'Only a script with a published version can be used in calls.');
    }
  }
  yield* putScriptMapping({ ...(yield* getScriptMapping()), ...a.mapping }, a.at, a.by);
}
