import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { FaqDetail, FaqPrefill, FaqSourceView } from '../../../core/contract/views-faq';
import type { FaqAction } from '../../../core/faq/workflow';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { MaskedPanel, PersonalDataWarning, SimilarPanel, SourcesPanel } from './EditorSide';
import { FaqForm, formOf, sameForm, type Form } from './FaqForm';
import { findingKey, PublishFindings } from './PublishFindings';
import { RevisionHistory } from './RevisionHistory';
import { StatusBadge, useFaqError } from './shared';
import { TicketPicker } from './TicketPicker';
import { useFaqCheck } from './useFaqCheck';
import { WorkflowBar } from './WorkflowBar';
import { Alert, Badge, Card } from '../../ui';

/*
 * One entry: a new draft pre-filled from a ticket (`prefill`), or an existing entry (`detail`). The text
 * on the left, the checks and the record on the right, the workflow along the bottom. Saving before a
 * workflow step is automatic, so "submit" or "publish" never acts on text the user has not saved.
 */

export interface FaqEditorProps {
  prefill?: FaqPrefill;
  detail?: FaqDetail;
  /** A save or a step succeeded: the entry as it is now. */
  onSaved(detail: FaqDetail): void;
  onOpen(id: string): void;
  /** The entry changed under us (a refused step): reload it. */
  onReload(): void;
}

export function FaqEditor({ prefill, detail, onSaved, onOpen, onReload }: FaqEditorProps) {
  const { t } = useTranslation('faq');
  const notify = useStore((s) => s.notify);
  const refreshSession = useStore((s) => s.refreshSession);
  const errorText = useFaqError();
  const latest = detail?.revisions[0];
  const initial: Form = prefill ? formOf(prefill.draft) : formOf(latest!);
  const initialSources = prefill ? [prefill.ticket] : detail!.sources;
  const [form, setForm] = useState<Form>(initial);
  const [sources, setSources] = useState<FaqSourceView[]>(initialSources);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);

  const canEdit = prefill ? true : detail!.canEdit;
  const sourceIds = sources.map((s) => s.id);
  const dirty = !sameForm(form, initial) || sourceIds.join() !== initialSources.map((s) => s.id).join();
  const invalid = form.question.trim() === '' || form.answer.trim() === '' || (form.questionEn.trim() === '') !== (form.answerEn.trim() === '');
  const entry = detail?.entry;
  const savesNewRevision = !!entry && entry.publishedRevision === entry.latestRevision;
  const check = useFaqCheck(
    { question: form.question, answer: form.answer, questionEn: form.questionEn, answerEn: form.answerEn, ticketIds: sourceIds, ...(entry ? { excludeId: entry.id } : {}) },
    prefill ? { similar: prefill.similar, personalData: [], findings: [] } : null,
  );
  // What a publish would publish: the live check of the text as typed (it is saved first), else the stored revision's.
  const findings = check?.findings ?? detail?.findings ?? [];
  const [confirmedKeys, setConfirmedKeys] = useState<ReadonlySet<string>>(new Set());
  const openFindings = findings.filter((f) => !confirmedKeys.has(findingKey(f))).length;

  const fail = (error: ApiError, action: string) => {
    notify('error', errorText(error, action));
    if (error.code === 'FORBIDDEN') void refreshSession();
    if (!prefill && (error.code === 'INVALID_TRANSITION' || error.code === 'CONFLICT')) onReload();
  };

  const payload = () => ({
    category: form.category,
    question: form.question,
    answer: form.answer,
    questionEn: form.questionEn,
    answerEn: form.answerEn,
    keywords: form.keywords,
    sourceTicketIds: sourceIds,
  });

  /** Saves when there is something to save; returns the entry as saved, or null after a failure. */
  async function save(): Promise<FaqDetail | null> {
    if (prefill) {
      const r = await call('faq.create', { ...payload(), redactions: prefill.redactions });
      if (r.ok) return r.value;
      fail(r.error, 'save');
      return null;
    }
    if (!dirty || !canEdit) return detail!;
    const r = await call('faq.save', { id: entry!.id, revision: entry!.latestRevision, ...payload() });
    if (r.ok) return r.value;
    fail(r.error, 'save');
    return null;
  }

  async function run(work: () => Promise<FaqDetail | null>) {
    setBusy(true);
    try {
      const d = await work();
      if (d) onSaved(d);
    } finally {
      setBusy(false);
    }
  }

  const onSave = () =>
    run(async () => {
      const d = await save();
      if (d) notify('success', prefill ? t('done.created') : savesNewRevision ? t('done.savedRevision', { n: d.entry.latestRevision }) : t('done.saved'));
      return d;
    });

  const onAction = (action: FaqAction, note: string) =>
    run(async () => {
      const saved = await save();
      if (!saved) return null;
      const confirmed = action === 'publish' ? findings.filter((f) => confirmedKeys.has(findingKey(f))) : [];
      const r = await call('faq.transition', { id: saved.entry.id, action, note, confirmed });
      if (!r.ok) {
        fail(r.error, action);
        // The save went through even though the step did not: show what is stored now.
        return saved === detail ? null : saved;
      }
      notify('success', t(`done.${action}`, { n: r.value.entry.publishedRevision ?? r.value.entry.latestRevision }));
      return r.value;
    });

  const onMarkReviewed = (note: string) =>
    run(async () => {
      const r = await call('faq.markReviewed', { id: entry!.id, note });
      if (!r.ok) {
        fail(r.error, 'mark_reviewed');
        return null;
      }
      notify('success', t('done.mark_reviewed'));
      return r.value;
    });

  async function addSource(ticketId: string) {
    setPicking(false);
    const r = await call('faq.prefill', { ticketId });
    if (!r.ok) return fail(r.error, 'save');
    setSources((list) => (list.some((s) => s.id === ticketId) ? list : [...list, r.value.ticket]));
  }

  const flag = entry?.needsReview ? entry : null;
  const role = useStore((s) => s.session?.currentUser?.role);

  return (
    <div className="faq-editor" data-testid="faq-editor" data-entry-id={entry?.id ?? ''} data-status={entry?.status ?? 'new'}>
      <header className="faq-editor-head">
        <div>
          <h2 className="faq-editor-title">{prefill ? t('editor.newTitle') : entry!.question}</h2>
          <div className="faq-editor-meta">
            {entry ? <StatusBadge status={entry.status} /> : <Badge>{t('status.draft')}</Badge>}
            {prefill && <span className="faq-muted">{t('editor.fromTicket', { code: prefill.ticket.code })}</span>}
            {entry && (
              <span className="faq-muted" data-testid="faq-revision-info">
                {t('editor.revisionInfo', { latest: entry.latestRevision })} ·{' '}
                {entry.publishedRevision !== null ? t('editor.liveInfo', { n: entry.publishedRevision }) : t('editor.notLive')}
              </span>
            )}
          </div>
        </div>
      </header>

      {flag && (
        <div className="faq-flag" role="alert" data-testid="faq-flag">
          <strong>⚑ {t('flag.title')}</strong>
          <span>{flag.needsReviewTicket ? t('flag.reopened', { code: flag.needsReviewTicket.code }) : t('flag.other')}</span>
          <span className="faq-small">{role === 'supervisor' ? t('flag.supervisorHint') : t('flag.agentHint')}</span>
        </div>
      )}
      {prefill && prefill.linkedEntries.length > 0 && (
        <Alert tone="info">
          <p className="faq-linked">
            {t('editor.linkedAlready')}{' '}
            {prefill.linkedEntries.map((e) => (
              <button key={e.id} type="button" className="faq-link" onClick={() => onOpen(e.id)}>
                {e.question}
              </button>
            ))}
          </p>
        </Alert>
      )}

      <div className="faq-editor-grid">
        <Card className="faq-editor-main">
          {!canEdit && entry && (
            <Alert tone="info" data-testid="faq-readonly">
              {entry.status === 'retired' ? t('editor.readOnlyRetired') : t('editor.readOnlyReview')}
            </Alert>
          )}
          {canEdit && savesNewRevision && dirty && (
            <Alert tone="info">{t('editor.newRevisionHint', { n: entry!.latestRevision + 1, live: entry!.publishedRevision })}</Alert>
          )}
          <FaqForm form={form} onChange={setForm} disabled={!canEdit || busy} />
          {prefill && prefill.context && (
            <details className="faq-context">
              <summary>{t('editor.context')}</summary>
              <p>{prefill.context}</p>
            </details>
          )}
        </Card>
        <aside className="faq-editor-side">
          {detail?.allowedActions.includes('publish') && (
            <PublishFindings
              findings={findings}
              confirmed={confirmedKeys}
              disabled={busy}
              onToggle={(key, on) =>
                setConfirmedKeys((s) => {
                  const next = new Set(s);
                  if (on) next.add(key);
                  else next.delete(key);
                  return next;
                })
              }
            />
          )}
          {check && <PersonalDataWarning notes={check.personalData} />}
          <MaskedPanel notes={prefill ? prefill.redactions : (latest?.redactions ?? [])} contextMore={prefill?.contextRedactions ?? 0} />
          <SimilarPanel similar={check?.similar ?? []} onOpen={onOpen} />
          <SourcesPanel
            sources={sources}
            editable={canEdit && !busy}
            onRemove={(id) => setSources((list) => (list.length > 1 ? list.filter((s) => s.id !== id) : list))}
            onAdd={() => setPicking(true)}
          />
          {detail && <RevisionHistory revisions={detail.revisions} publishedRevision={detail.entry.publishedRevision} history={detail.history} />}
        </aside>
      </div>

      {(canEdit || (detail?.allowedActions.length ?? 0) > 0) && (
        <footer className="faq-editor-foot">
          {invalid && canEdit && (
            <span className="faq-warn-text">{form.question.trim() === '' || form.answer.trim() === '' ? t('editor.required') : t('editor.englishTogether')}</span>
          )}
          <WorkflowBar
            isNew={!!prefill}
            canEdit={canEdit}
            dirty={!!prefill || dirty}
            invalid={invalid}
            busy={busy}
            allowed={detail?.allowedActions ?? []}
            savesNewRevision={savesNewRevision}
            unconfirmedFindings={openFindings}
            onSave={() => void onSave()}
            onAction={(a, note) => void onAction(a, note)}
            onMarkReviewed={(note) => void onMarkReviewed(note)}
          />
        </footer>
      )}

      {picking && <TicketPicker mode="add" exclude={sourceIds} onClose={() => setPicking(false)} onPick={(id) => void addSource(id)} />}
    </div>
  );
}

