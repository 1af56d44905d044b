import { beforeEach, describe, expect, it } from 'vitest';
import { applicableScript } from '../core/mutations/responses';
import { scriptContentSchema, type ScriptContent } from '../core/questionnaire/model';
import type { MutationArgs } from '../core/sync/mutations';
import { onSqlite } from '../db/store';
import { AGENT, OTHER_AGENT, openStore, parsed, seedCallback, seedCustomer, SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * Questionnaire scripts and the responses taken during calls. A script is versioned (a published version
 * is never edited; editing starts the next draft), only a publishable draft is published, and a call
 * purpose maps to a live script with a published version. Answers are re-run through the engine when
 * applied, so what they clear is the rule's, and only the agent taking a response answers or ends it.
 */

let n = 0;
const next = () => uid(90_000 + ++n);

/** q1 (required yes/no); q2 only when q1 is no. */
const SCRIPT: ScriptContent = scriptContentSchema.parse({
  purpose: 'satisfaction',
  locale: 'zh-CN',
  title: '满意度回访',
  questions: [
    { key: 'q1', type: 'single', text: '您满意吗？', required: true, choices: [{ value: 'yes', label: '满意' }, { value: 'no', label: '不满意' }] },
    { key: 'q2', type: 'short_text', text: '哪里不满意？', showIf: { q: 'q1', op: 'eq', value: 'no' } },
  ],
});
const EMPTY: ScriptContent = { ...SCRIPT, questions: [] };
/** q1 as in SCRIPT, then two follow-ups shown when q1 is no, in script order `why`, `ask_again` (not alphabetical). */
const TWO_FOLLOW_UPS: ScriptContent = scriptContentSchema.parse({
  ...SCRIPT,
  questions: [
    SCRIPT.questions[0],
    { key: 'why', type: 'short_text', text: '为什么？', showIf: { q: 'q1', op: 'eq', value: 'no' } },
    { key: 'ask_again', type: 'short_text', text: '可以再联系您吗？', showIf: { q: 'q1', op: 'eq', value: 'no' } },
  ],
});

let s: Store;
beforeEach(() => {
  s = withTeam(openStore());
});

const create = (over: Partial<MutationArgs<'scripts.create'>> = {}) => {
  const args = { scriptId: next(), versionId: next(), content: SCRIPT, builtinKey: null, published: true, at: T, by: SUPERVISOR, ...over };
  s.apply('scripts.create', args);
  return args;
};
const versions = (scriptId: string) => s.rows(`SELECT version, status, published_at AS publishedAt, published_by AS publishedBy FROM script_versions WHERE script_id = ? ORDER BY version`, scriptId);
const mapping = (purpose: string, scriptId: string | null, by: string | null = SUPERVISOR) => s.code('scripts.setMapping', { mapping: { [purpose]: scriptId }, at: T, by });
/** The purpose → script mapping as stored. */
const storedMapping = () => parsed(s.row<{ value: string }>(`SELECT value FROM settings WHERE key = 'script_mapping'`)?.value ?? '{}');

describe('scripts', () => {
  it('created published or as a draft; a script that cannot be published is refused with its problems', () => {
    const published = create();
    const draft = create({ published: false, content: EMPTY });
    expect(versions(published.scriptId)).toEqual([{ version: 1, status: 'published', publishedAt: T, publishedBy: SUPERVISOR }]);
    expect(versions(draft.scriptId)).toEqual([{ version: 1, status: 'draft', publishedAt: null, publishedBy: null }]);
    const refusal = s.refusal('scripts.create', { scriptId: next(), versionId: next(), content: EMPTY, builtinKey: null, published: true, at: T, by: SUPERVISOR });
    expect([refusal.code, refusal.message, refusal.details]).toEqual(['BAD_INPUT', 'The script cannot be published: The script has no questions.', { problems: [expect.objectContaining({ code: 'no_questions' })] }]);
  });

  it('the first run installs the shipped scripts in nobody’s name; nobody may install anything else, nor an agent a shipped one', () => {
    expect(s.code('scripts.create', { scriptId: next(), versionId: next(), content: SCRIPT, builtinKey: 'satisfaction.zh-CN', published: true, at: T, by: null })).toBe('applied');
    expect(s.code('scripts.create', { scriptId: next(), versionId: next(), content: SCRIPT, builtinKey: null, published: true, at: T, by: null })).toBe('FORBIDDEN');
    expect(s.code('scripts.create', { scriptId: next(), versionId: next(), content: SCRIPT, builtinKey: 'satisfaction.zh-CN', published: true, at: T, by: AGENT })).toBe('FORBIDDEN');
  });

  it('editing a published script starts the next draft; editing a draft rewrites it; publishing takes the draft and its title', () => {
    const { scriptId } = create();
    const save = (title: string) => s.apply('scripts.saveDraft', { scriptId, newVersionId: next(), content: { ...SCRIPT, title }, at: T + 1, by: SUPERVISOR });
    const first = save('满意度回访 v2');
    expect(save('满意度回访 第二版')).toEqual(first);
    expect(versions(scriptId).map((v) => [v.version, v.status])).toEqual([[1, 'published'], [2, 'draft']]);
    expect(s.apply('scripts.publish', { scriptId, at: T + 2, by: SUPERVISOR })).toEqual({ versionId: first.versionId, version: 2 });
    expect(s.row(`SELECT title FROM scripts WHERE id = ?`, scriptId)).toEqual({ title: '满意度回访 第二版' });
    const none = s.refusal('scripts.publish', { scriptId, at: T + 3, by: SUPERVISOR });
    expect([none.code, none.message]).toEqual(['CONFLICT', 'There is no draft to publish.']);
    expect(save('v3').versionId).not.toBe(first.versionId);
    expect(versions(scriptId).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('a draft that cannot be published stays a draft; a script keeps its purpose', () => {
    const { scriptId } = create({ published: false, content: EMPTY });
    expect(s.refusal('scripts.publish', { scriptId, at: T + 1, by: SUPERVISOR }).message).toMatch(/^The script cannot be published: /);
    const purpose = s.refusal('scripts.saveDraft', { scriptId, newVersionId: next(), content: { ...SCRIPT, purpose: 'winback' }, at: T, by: SUPERVISOR });
    expect([purpose.code, purpose.message]).toEqual(['BAD_INPUT', 'A script keeps its purpose; make a new script for another purpose.']);
    const unknown = s.refusal('scripts.saveDraft', { scriptId: next(), newVersionId: next(), content: SCRIPT, at: T, by: SUPERVISOR });
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'That script does not exist.']);
  });

  it('retiring unmaps the script from its purpose and freezes it', () => {
    const { scriptId } = create();
    const other = create({ content: { ...SCRIPT, purpose: 'care' } }).scriptId;
    expect(mapping('satisfaction', scriptId)).toBe('applied');
    expect(mapping('care', other)).toBe('applied');
    s.apply('scripts.retire', { scriptId, at: T + 1, by: SUPERVISOR });
    expect(s.row(`SELECT retired_at AS at FROM scripts WHERE id = ?`, scriptId)).toEqual({ at: T + 1 });
    expect(s.code('demo.loadResponses', { seed: 1, now: T })).toBe('applied');
    for (const change of [() => s.refusal('scripts.retire', { scriptId, at: T + 2, by: SUPERVISOR }), () => s.refusal('scripts.publish', { scriptId, at: T + 2, by: SUPERVISOR })]) {
      expect([change().code, change().message]).toEqual(['CONFLICT', 'That script is retired; copy it to make changes.']);
    }
    expect(mapping('satisfaction', scriptId)).toBe('BAD_INPUT');
    // The other purpose keeps its script.
    expect(storedMapping()).toEqual({ satisfaction: null, care: other });
  });

  it('mapping one purpose leaves the others as they are', () => {
    const satisfaction = create().scriptId;
    const care = create({ content: { ...SCRIPT, purpose: 'care' } }).scriptId;
    expect(mapping('satisfaction', satisfaction)).toBe('applied');
    expect(mapping('care', care)).toBe('applied');
    expect(storedMapping()).toEqual({ satisfaction, care });
    expect(mapping('satisfaction', null)).toBe('applied');
    expect(storedMapping()).toEqual({ satisfaction: null, care });
  });

  it('a script that cannot be published says every problem, one after another', () => {
    // Two choice questions without choices.
    const twoProblems: ScriptContent = { ...SCRIPT, questions: ['a', 'b'].map((key) => ({ ...SCRIPT.questions[0]!, key, choices: [] })) as ScriptContent['questions'] };
    const refusal = s.refusal('scripts.create', { scriptId: next(), versionId: next(), content: twoProblems, builtinKey: null, published: true, at: T, by: SUPERVISOR });
    expect(refusal.message).toBe('The script cannot be published: "a" is a single-choice question without choices.; "b" is a single-choice question without choices.');
  });

  it('a purpose maps to a live script written for it with a published version; null unmaps it', () => {
    const draftOnly = create({ published: false }).scriptId;
    const care = create({ content: { ...SCRIPT, purpose: 'care' } }).scriptId;
    const refusal = (purpose: string, id: string) => s.refusal('scripts.setMapping', { mapping: { [purpose]: id }, at: T, by: SUPERVISOR }).message;
    expect(refusal('satisfaction', draftOnly)).toBe('Only a script with a published version can be used in calls.');
    expect(refusal('satisfaction', care)).toBe('That script is written for care, not satisfaction.');
    expect(refusal('satisfaction', next())).toBe('The script chosen for satisfaction is missing or retired.');
    expect(mapping('care', care)).toBe('applied');
    expect(mapping('satisfaction', null)).toBe('applied');
    expect(s.code('demo.loadResponses', { seed: 1, now: T })).toBe('applied');
  });

  it('a script being edited (a published version and a newer draft) can still be mapped: calls use its published version', () => {
    const { scriptId } = create();
    s.apply('scripts.saveDraft', { scriptId, newVersionId: next(), content: { ...SCRIPT, title: '满意度回访 v2' }, at: T + 1, by: SUPERVISOR });
    expect(versions(scriptId).map((v) => v.status)).toEqual(['published', 'draft']);
    expect(mapping('satisfaction', scriptId)).toBe('applied');
  });

  it('the first run (nobody) only points unmapped purposes at shipped scripts', () => {
    const shipped = create({ builtinKey: 'satisfaction.zh-CN', by: null }).scriptId;
    const own = create({ content: { ...SCRIPT, purpose: 'care' } }).scriptId;
    const nobody = s.refusal('scripts.setMapping', { mapping: { care: own }, at: T, by: null });
    expect([nobody.code, nobody.message]).toEqual(['FORBIDDEN', 'Only a supervisor can change questionnaire scripts.']);
    expect(mapping('care', next(), null)).toBe('FORBIDDEN');
    expect(mapping('satisfaction', shipped, null)).toBe('applied');
    expect(mapping('satisfaction', shipped, null)).toBe('FORBIDDEN');
  });
});

describe('responses', () => {
  let version: string;
  let scriptId: string;
  let callback: string;
  beforeEach(() => {
    const script = create();
    version = script.versionId;
    scriptId = script.scriptId;
    callback = seedCallback(s, seedCustomer(s).id).id;
  });
  const start = (agentId = AGENT) => {
    const responseId = next();
    s.apply('responses.start', { responseId, callbackId: callback, scriptVersionId: version, agentId, at: T });
    return responseId;
  };
  const answer = (responseId: string, key: string, value: string | null, cleared: string[] = [], acting: Parameters<Store['apply']>[2] = 'local') =>
    s.apply('responses.answer', { responseId, factId: next(), key, answer: value === null ? null : { value }, cleared: cleared.map((k) => ({ key: k, factId: next() })), at: T + 1 }, acting);
  const facts = (responseId: string) => s.rows<{ key: string; value: string | null }>(`SELECT question_key AS key, value FROM survey_answers WHERE response_id = ? ORDER BY rowid`, responseId);

  it('a response starts on a published version, for the callback’s customer', () => {
    const id = start();
    expect(s.row(`SELECT status, agent_id AS agent, script_version_id AS version FROM survey_responses WHERE id = ?`, id)).toEqual({ status: 'in_progress', agent: AGENT, version });
    const draft = create({ published: false }).versionId;
    const refusal = s.refusal('responses.start', { responseId: next(), callbackId: callback, scriptVersionId: draft, agentId: AGENT, at: T });
    expect([refusal.code, refusal.message]).toEqual(['CONFLICT', 'Only a published script version can be used in a call.']);
    const unknown = s.refusal('responses.start', { responseId: next(), callbackId: next(), scriptVersionId: version, agentId: AGENT, at: T });
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'That callback does not exist.']);
  });

  it('the questionnaire a call opens is the newest published version of the live script mapped to the callback’s purpose', () => {
    const opens = (callbackId: string) => onSqlite(s.db, applicableScript(callbackId));
    // Nothing mapped: no questionnaire.
    expect(opens(callback)).toBeUndefined();
    expect(mapping('satisfaction', scriptId)).toBe('applied');
    expect(opens(callback)).toEqual({ script: expect.objectContaining({ id: scriptId, purpose: 'satisfaction' }), version: expect.objectContaining({ id: version, version: 1 }) });
    // A newer draft is not used until it is published.
    const draft = s.apply('scripts.saveDraft', { scriptId, newVersionId: next(), content: { ...SCRIPT, title: '满意度回访 v2' }, at: T + 1, by: SUPERVISOR });
    expect(opens(callback)?.version.id).toBe(version);
    s.apply('scripts.publish', { scriptId, at: T + 2, by: SUPERVISOR });
    expect(opens(callback)?.version).toMatchObject({ id: draft.versionId, version: 2, status: 'published' });
    // Another purpose opens its own mapping (none here); a retired script opens nothing.
    expect(opens(seedCallback(s, seedCustomer(s).id, { reason: 'care' }).id)).toBeUndefined();
    s.apply('scripts.retire', { scriptId, at: T + 3, by: SUPERVISOR });
    expect(opens(callback)).toBeUndefined();
    expect(() => opens(next())).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'That callback does not exist.' }));
  });

  it('an answer that hides another clears it in the same step; the clearing must be the engine’s', () => {
    const id = start();
    answer(id, 'q1', 'no');
    answer(id, 'q2', '  太慢了 ');
    expect(() => answer(id, 'q1', 'yes')).toThrow('The questionnaire changed meanwhile; reload it and answer again.');
    answer(id, 'q1', 'yes', ['q2']);
    // Stored as the engine normalised it (trimmed).
    expect(facts(id).map((f) => [f.key, f.value && JSON.parse(f.value)])).toEqual([
      ['q1', 'no'],
      ['q2', '太慢了'],
      ['q1', 'yes'],
      ['q2', null],
    ]);
    answer(id, 'q1', null);
    expect(facts(id).at(-1)).toEqual({ key: 'q1', value: null });
    const bad = s.refusal('responses.answer', { responseId: id, factId: next(), key: 'q1', answer: { value: 'maybe' }, cleared: [], at: T + 2 });
    expect([bad.code, bad.details]).toMatchObject(['BAD_INPUT', { key: 'q1' }]);
  });

  // What the caller lists as cleared when q1 turns to yes after both follow-ups were answered.
  it.each([
    ['in script order', ['why', 'ask_again'], 'applied'],
    ['in another order', ['ask_again', 'why'], 'applied'],
    ['one of them only', ['why'], 'CONFLICT'],
    ['one more than the engine clears', ['why', 'ask_again', 'q1'], 'CONFLICT'],
    ['none', [], 'CONFLICT'],
  ] as const)('the answers an answer hides are a set: listed %s → %s', (_how, cleared, outcome) => {
    const twoFollowUps = create({ content: TWO_FOLLOW_UPS }).versionId;
    const id = next();
    s.apply('responses.start', { responseId: id, callbackId: callback, scriptVersionId: twoFollowUps, agentId: AGENT, at: T });
    answer(id, 'q1', 'no');
    answer(id, 'why', '太慢');
    answer(id, 'ask_again', '可以');
    expect(s.code('responses.answer', { responseId: id, factId: next(), key: 'q1', answer: { value: 'yes' }, cleared: cleared.map((key) => ({ key, factId: next() })), at: T + 2 })).toBe(outcome);
    expect(facts(id).slice(3)).toEqual(outcome === 'applied' ? [{ key: 'q1', value: '"yes"' }, ...cleared.map((key) => ({ key, value: null }))] : []);
  });

  it('only the agent taking it answers or ends it, and not once it has ended; completing needs the required answers', () => {
    const id = start();
    expect(() => answer(id, 'q1', 'no', [], { actorId: OTHER_AGENT })).toThrow('Only the agent taking this questionnaire can answer or end it.');
    answer(id, 'q1', 'no', [], { actorId: AGENT });
    const done = start();
    const refusal = s.refusal('responses.finish', { responseId: done, status: 'completed', at: T + 2 });
    expect([refusal.code, refusal.message, refusal.details]).toEqual(['BAD_INPUT', 'Required questions are still unanswered; end the survey as partial instead.', { missingRequired: ['q1'] }]);
    s.apply('responses.finish', { responseId: done, status: 'partial', at: T + 2 });
    s.apply('responses.finish', { responseId: id, status: 'completed', at: T + 2 });
    expect(s.rows(`SELECT status, ended_at AS endedAt FROM survey_responses WHERE id IN (?, ?) ORDER BY id`, id, done)).toEqual([
      { status: 'completed', endedAt: T + 2 },
      { status: 'partial', endedAt: T + 2 },
    ]);
    expect(s.refusal('responses.finish', { responseId: id, status: 'declined', at: T + 3 }).message).toBe('This questionnaire has already ended.');
    const unknown = s.refusal('responses.finish', { responseId: next(), status: 'declined', at: T + 3 });
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'That questionnaire response does not exist.']);
  });

  it('a call that reached the customer ends the open response as partial; without a completed one it needs a reason', () => {
    const reached = (callbackId: string, surveySkipReason: string | null) => ({
      attemptId: next(),
      callbackId,
      agentId: AGENT,
      startedAt: T,
      endedAt: T + 60_000,
      disposition: 'reached' as const,
      notes: '',
      callbackAt: null,
      dncEntryId: null,
      dncExpiresAt: null,
      recordedAt: T + 60_000,
      surveySkipReason,
    });
    // Without a script mapped to the purpose nothing is asked.
    const unmapped = seedCallback(s, seedCustomer(s).id).id;
    expect(s.code('attempts.record', reached(unmapped, null))).toBe('applied');
    expect(mapping('satisfaction', scriptId)).toBe('applied');
    const id = start();
    const refusal = s.refusal('attempts.record', reached(callback, null));
    expect([refusal.code, refusal.message, refusal.details]).toEqual(['BAD_INPUT', 'The questionnaire was not completed: say why before saving.', { field: 'surveySkipReason' }]);
    // A call that did not reach the customer asks nothing.
    expect(s.code('attempts.record', { ...reached(seedCallback(s, seedCustomer(s).id).id, null), disposition: 'no_answer' })).toBe('applied');
    expect(s.code('attempts.record', reached(callback, 'customer_busy'))).toBe('applied');
    expect(s.row(`SELECT status, ended_at AS endedAt FROM survey_responses WHERE id = ?`, id)).toEqual({ status: 'partial', endedAt: T + 60_000 });
    // A completed response needs no reason.
    const other = seedCallback(s, seedCustomer(s).id).id;
    const done = next();
    s.apply('responses.start', { responseId: done, callbackId: other, scriptVersionId: version, agentId: AGENT, at: T });
    answer(done, 'q1', 'yes');
    s.apply('responses.finish', { responseId: done, status: 'completed', at: T });
    expect(s.code('attempts.record', reached(other, null))).toBe('applied');
  });
});
