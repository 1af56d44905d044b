import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDetail, ScriptVersionView } from '../../../core/contract/views';
import { publishProblems, type Problem } from '../../../core/questionnaire/checks';
import { questionKeySchema } from '../../../core/questionnaire/model';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { renameInCondition } from './conditions';
import {
  blankQuestion,
  canonical,
  draftVersion,
  duplicateQuestion,
  latestVersion,
  problemIssue,
  publishedKeys as keysOfPublished,
  saveIssues,
  toContent,
  toEditor,
  type EditorQuestion,
  type EditorScript,
  type Issue,
} from './model';
import { ProblemsPanel } from './ProblemsPanel';
import { QuestionEditor } from './QuestionEditor';
import { ScriptPreview } from './ScriptPreview';
import { InlineConfirm, PlaceholderTextArea, useFailure } from './shared';
import { Alert, Button, Card, EmptyState, Field, FieldRow, TextInput } from '../../ui';

/*
 * The draft editor. Edits stay in the page until saved (button or Ctrl+S); they also survive leaving the
 * page (tab switch, back to the list) in `unsaved`, per script, for as long as this window is open.
 * When the newest version is published, the first save creates the next version's draft.
 */

interface Unsaved {
  editor: EditorScript;
  baseVersionId: string;
  baseCanon: string;
}
const unsaved = new Map<string, Unsaved>();

export const hasUnsaved = (scriptId: string): boolean => unsaved.has(scriptId);
export const unsavedBase = (scriptId: string): string | null => unsaved.get(scriptId)?.baseVersionId ?? null;

interface Props {
  detail: ScriptDetail;
  /** What the editor starts from: the draft, or the published version a new draft will be based on. */
  base: ScriptVersionView;
  onDetail(detail: ScriptDetail): void;
  onPublished(detail: ScriptDetail): void;
}

export function DraftEditor({ detail, base, onDetail, onPublished }: Props) {
  const { t } = useTranslation('scripts');
  const notify = useStore((s) => s.notify);
  const fail = useFailure();
  const scriptId = detail.script.id;

  const [initial] = useState(() => {
    const cached = unsaved.get(scriptId);
    if (cached && cached.baseVersionId === base.id) return { ...cached, restored: true };
    return { editor: toEditor(base.content), baseVersionId: base.id, baseCanon: canonical(base.content), restored: false };
  });
  const [editor, setEditor] = useState<EditorScript>(initial.editor);
  const [baseCanon, setBaseCanon] = useState(initial.baseCanon);
  const [baseVersionId, setBaseVersionId] = useState(initial.baseVersionId);
  const [restored, setRestored] = useState(initial.restored);
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [flash, setFlash] = useState<string | null>(null);
  const [showPreview, setShowPreview] = useState(true);
  const titleRef = useRef<HTMLInputElement>(null);

  const content = useMemo(() => toContent(editor), [editor]);
  const canon = useMemo(() => canonical(content), [content]);
  const dirty = canon !== baseCanon;
  const draft = draftVersion(detail);
  const latest = latestVersion(detail);
  const nextVersion = draft ? draft.version : (latest?.version ?? 0) + 1;
  const pubKeys = useMemo(() => keysOfPublished(detail.versions), [detail.versions]);

  const issues = useMemo<Issue[]>(() => {
    const schema = saveIssues(content, t);
    let problems: Issue[] = [];
    try {
      problems = publishProblems(content)
        // Two empty labels are "the same label"; the empty labels themselves are already reported.
        .filter((p) => !(p.code === 'duplicate_choice' && p.detail.field === 'label' && p.detail.label === ''))
        .map((p) => problemIssue(p, t));
    } catch {
      // A half-typed draft the checks cannot read yet: the schema issues already say what to fix.
    }
    const order = (i: Issue) => (i.index === null ? -1 : i.index);
    return [...schema, ...problems].sort((a, b) => order(a) - order(b));
  }, [content, t]);
  const saveBlocked = issues.filter((i) => i.level === 'save');
  const droppedKeys = useMemo(() => {
    const now = new Set(content.questions.map((q) => q.key));
    const latestPub = detail.versions.find((v) => v.status === 'published');
    return latestPub ? latestPub.content.questions.map((q) => q.key).filter((k) => !now.has(k)) : [];
  }, [content, detail.versions]);

  // Keep unsaved work across unmounts (tab switch, back to the list); forget it once saved.
  useEffect(() => {
    if (dirty) unsaved.set(scriptId, { editor, baseVersionId, baseCanon });
    else unsaved.delete(scriptId);
  }, [dirty, editor, baseVersionId, baseCanon, scriptId]);

  const saveRef = useRef<() => Promise<unknown>>(async () => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function jump(index: number | null) {
    if (index === null) {
      titleRef.current?.focus();
      titleRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    const q = editor.questions[index];
    if (!q) return;
    if (collapsed.has(q.uid)) {
      const next = new Set(collapsed);
      next.delete(q.uid);
      setCollapsed(next);
    }
    setFlash(q.uid);
    requestAnimationFrame(() => document.getElementById(`question-${q.uid}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
    setTimeout(() => setFlash((f) => (f === q.uid ? null : f)), 1600);
  }

  async function save(): Promise<ScriptDetail | null> {
    if (saving || publishing) return null;
    if (!dirty) return detail;
    if (saveBlocked.length > 0) {
      notify('error', t('editor.cannotSave', { count: saveBlocked.length }));
      jump(saveBlocked[0]!.index);
      return null;
    }
    setSaving(true);
    const sent = canon;
    const r = await call('scripts.saveDraft', { id: scriptId, content });
    setSaving(false);
    if (!r.ok) {
      fail(r.error);
      return null;
    }
    const saved = draftVersion(r.value);
    setBaseCanon(saved ? canonical(saved.content) : sent);
    if (saved) setBaseVersionId(saved.id);
    setRestored(false);
    setServerProblems(null);
    onDetail(r.value);
    notify('success', t('editor.saved', { version: saved?.version ?? nextVersion }));
    return r.value;
  }
  saveRef.current = save;

  async function publish() {
    if (dirty) {
      const saved = await save();
      if (!saved) return;
    }
    setPublishing(true);
    const r = await call('scripts.publish', { id: scriptId });
    setPublishing(false);
    setConfirmPublish(false);
    if (!r.ok) {
      const problems = r.error.details?.problems;
      if (r.error.code === 'BAD_INPUT' && Array.isArray(problems)) setServerProblems(problems as Problem[]);
      fail(r.error);
      return;
    }
    unsaved.delete(scriptId);
    const published = r.value.versions.find((v) => v.status === 'published');
    notify('success', t('editor.published', { version: published?.version ?? nextVersion }));
    onPublished(r.value);
  }

  function discard() {
    const to = draft ?? base;
    setEditor(toEditor(to.content));
    setBaseCanon(canonical(to.content));
    setBaseVersionId(to.id);
    setConfirmDiscard(false);
    setRestored(false);
    unsaved.delete(scriptId);
  }

  const patch = (p: Partial<EditorScript>) => setEditor((e) => ({ ...e, ...p }));
  const patchQuestion = (uid: string, p: Partial<EditorQuestion>) =>
    setEditor((e) => ({ ...e, questions: e.questions.map((q) => (q.uid === uid ? { ...q, ...p } : q)) }));

  function renameKey(uid: string, next: string) {
    setEditor((e) => {
      const from = e.questions.find((q) => q.uid === uid)?.key;
      if (from === undefined || from === next) return e;
      const valid = questionKeySchema.safeParse(next).success;
      const clash = e.questions.some((q) => q.uid !== uid && (q.key === next || q.key === from));
      return {
        ...e,
        questions: e.questions.map((q) => {
          const renamed = q.uid === uid ? { ...q, key: next } : q;
          // Conditions follow the rename, unless the old or new key is ambiguous (used twice).
          if (!valid || clash) return renamed;
          return { ...renamed, showIf: renameInCondition(renamed.showIf, from, next), endIf: renameInCondition(renamed.endIf, from, next) };
        }),
      };
    });
  }

  function move(index: number, delta: -1 | 1) {
    setEditor((e) => {
      const j = index + delta;
      if (j < 0 || j >= e.questions.length) return e;
      const qs = [...e.questions];
      [qs[index], qs[j]] = [qs[j]!, qs[index]!];
      return { ...e, questions: qs };
    });
  }

  function add() {
    const q = blankQuestion(editor.questions);
    setEditor((e) => ({ ...e, questions: [...e.questions, q] }));
    requestAnimationFrame(() => {
      const el = document.getElementById(`question-${q.uid}`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el?.querySelector<HTMLTextAreaElement>('[data-testid="editor-question-text"]')?.focus();
    });
  }

  function duplicate(index: number) {
    setEditor((e) => {
      const src = e.questions[index];
      if (!src) return e;
      const qs = [...e.questions];
      qs.splice(index + 1, 0, duplicateQuestion(src, e.questions));
      return { ...e, questions: qs };
    });
  }

  const issuesByIndex = new Map<number, Issue[]>();
  for (const i of issues) if (i.index !== null) issuesByIndex.set(i.index, [...(issuesByIndex.get(i.index) ?? []), i]);
  const allCollapsed = editor.questions.length > 0 && editor.questions.every((q) => collapsed.has(q.uid));
  const canPublish = issues.length === 0 && (draft !== undefined || dirty) && !saving && !publishing;
  const serverIssues = serverProblems?.map((p) => problemIssue(p, t)) ?? [];

  return (
    <div className={`editor-layout${showPreview ? ' editor-layout-preview' : ''}`}>
      <div className="editor-main">
        <div className="editor-bar" data-testid="editor-bar">
          <div className="editor-bar-status" data-testid="editor-status" data-dirty={dirty}>
            <strong>{draft ? t('editor.editingDraft', { version: draft.version }) : t('editor.editingNew', { version: nextVersion, base: base.version })}</strong>
            {dirty ? (
              <span className="editor-unsaved" data-testid="editor-unsaved">
                ● {t('editor.unsaved')}
              </span>
            ) : (
              <span className="muted small">{draft ? t('editor.allSaved') : t('editor.noChanges')}</span>
            )}
          </div>
          <div className="editor-bar-actions">
            {dirty && (
              <Button variant="ghost" onClick={() => setConfirmDiscard(true)} disabled={saving || publishing} data-testid="editor-discard">
                {t('editor.discard')}
              </Button>
            )}
            <Button onClick={() => void save()} disabled={!dirty || saving || publishing} data-testid="editor-save" title={t('editor.saveHint')}>
              {saving ? t('editor.saving') : t('editor.save')} <kbd>Ctrl S</kbd>
            </Button>
            <Button className="preview-toggle" onClick={() => setShowPreview(!showPreview)} aria-pressed={showPreview} data-testid="editor-preview">
              {t('editor.preview')}
            </Button>
            <Button
              variant="primary"
              onClick={() => setConfirmPublish(true)}
              disabled={!canPublish}
              title={issues.length > 0 ? t('editor.publishBlocked', { count: issues.length }) : undefined}
              data-testid="editor-publish"
            >
              {t('editor.publish', { version: nextVersion })}
            </Button>
          </div>
        </div>

        {confirmPublish && (
          <InlineConfirm testId="publish-confirm" confirmLabel={publishing || saving ? t('editor.publishing') : t('editor.publishConfirm', { version: nextVersion })} busy={publishing || saving} onConfirm={() => void publish()} onCancel={() => setConfirmPublish(false)}>
            <p>
              <strong>{t('editor.publishQuestion', { version: nextVersion })}</strong>
            </p>
            <p>{t('editor.publishExplain')}</p>
            {dirty && <p>{t('editor.publishSavesFirst')}</p>}
            {detail.script.mappedFor.length > 0 && <p>{t('editor.publishMapped')}</p>}
          </InlineConfirm>
        )}
        {confirmDiscard && (
          <InlineConfirm danger testId="discard-confirm" confirmLabel={t('editor.discardConfirm')} onConfirm={discard} onCancel={() => setConfirmDiscard(false)}>
            <p>{draft ? t('editor.discardQuestionDraft', { version: draft.version }) : t('editor.discardQuestionNew', { version: base.version })}</p>
          </InlineConfirm>
        )}
        {restored && (
          <Alert tone="info" role="status">
            {t('editor.restored')}
            <Button variant="link" size="small" onClick={() => setConfirmDiscard(true)}>
              {t('editor.discard')}
            </Button>
          </Alert>
        )}
        {serverIssues.length > 0 && (
          <Alert tone="danger" role="alert">
            <strong>{t('editor.serverRefused')}</strong>
            <ul>
              {serverIssues.map((i, n) => (
                <li key={n}>{i.text}</li>
              ))}
            </ul>
          </Alert>
        )}

        <Card>
          <FieldRow>
            <Field label={t('fields.title')} className="field-grow">
              <TextInput ref={titleRef} value={editor.title} maxLength={120} onChange={(e) => patch({ title: e.target.value })} data-testid="editor-title" aria-invalid={editor.title.trim() === ''} />
            </Field>
          </FieldRow>
          <Field label={<>{t('fields.opening')} <span className="muted small">{t('editor.openingHint')}</span></>}>
            <PlaceholderTextArea value={editor.opening} rows={3} maxLength={2000} onChange={(opening) => patch({ opening })} testId="editor-opening" />
          </Field>
          <Field label={<>{t('fields.closing')} <span className="muted small">{t('editor.closingHint')}</span></>}>
            <PlaceholderTextArea value={editor.closing} rows={2} maxLength={2000} onChange={(closing) => patch({ closing })} testId="editor-closing" />
          </Field>
        </Card>

        <div className="questions-head">
          <h3 className="questions-title">{t('editor.questions', { count: editor.questions.length })}</h3>
          {editor.questions.length > 0 && (
            <Button variant="link" size="small" onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(editor.questions.map((q) => q.uid)))}>
              {allCollapsed ? t('editor.expandAll') : t('editor.collapseAll')}
            </Button>
          )}
        </div>
        {editor.questions.length === 0 && <EmptyState>{t('editor.noQuestions')}</EmptyState>}
        {editor.questions.map((q, i) => (
          <QuestionEditor
            key={q.uid}
            q={q}
            index={i}
            questions={editor.questions}
            issues={issuesByIndex.get(i) ?? []}
            publishedKeys={pubKeys}
            collapsed={collapsed.has(q.uid)}
            highlighted={flash === q.uid}
            onToggle={() => {
              const next = new Set(collapsed);
              if (next.has(q.uid)) next.delete(q.uid);
              else next.add(q.uid);
              setCollapsed(next);
            }}
            onChange={(p) => patchQuestion(q.uid, p)}
            onRenameKey={(k) => renameKey(q.uid, k)}
            onMove={(d) => move(i, d)}
            onDuplicate={() => duplicate(i)}
            onDelete={() => setEditor((e) => ({ ...e, questions: e.questions.filter((x) => x.uid !== q.uid) }))}
          />
        ))}
        <button type="button" className="add-question" onClick={add} disabled={editor.questions.length >= 200} data-testid="editor-add-question">
          + {t('editor.addQuestion')}
        </button>
      </div>

      <aside className="editor-side">
        <ProblemsPanel issues={issues} onJump={jump} droppedKeys={droppedKeys} />
        {showPreview && <ScriptPreview content={content} onClose={() => setShowPreview(false)} />}
      </aside>
    </div>
  );
}
