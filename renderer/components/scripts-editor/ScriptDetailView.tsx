import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { ScriptDetail, ScriptVersionView } from '../../../core/contract/views';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { DraftEditor, unsavedBase } from './DraftEditor';
import { draftVersion, latestPublished, latestVersion } from './model';
import { ReadOnlyScript } from './ReadOnlyScript';
import { ScriptPreview } from './ScriptPreview';
import { Badge, downloadJson, InlineConfirm, PurposeTag, useCanEdit, useErrorLine, useFailure } from './shared';
import { VersionHistory } from './VersionHistory';
import { Alert, Button, ButtonRow, Page, PageHeader } from '../../ui';

type Mode = { kind: 'edit'; baseId: string | null } | { kind: 'view'; versionId: string };

function initialMode(detail: ScriptDetail, canEdit: boolean): Mode {
  const live = canEdit && detail.script.retiredAt === null;
  const cachedBase = unsavedBase(detail.script.id);
  if (live && (draftVersion(detail) || cachedBase)) return { kind: 'edit', baseId: cachedBase };
  const shown = latestPublished(detail) ?? latestVersion(detail);
  return shown ? { kind: 'view', versionId: shown.id } : { kind: 'edit', baseId: null };
}

/** One script: its versions, the read-only view of any of them, and the draft editor. */
export function ScriptDetailView({ scriptId, onBack, onOpen }: { scriptId: string; onBack(): void; onOpen(id: string): void }) {
  const { t } = useTranslation('scripts');
  const canEdit = useCanEdit();
  const notify = useStore((s) => s.notify);
  const fail = useFailure();
  const errorLine = useErrorLine();
  const [detail, setDetail] = useState<ScriptDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [showPreview, setShowPreview] = useState(false);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    const r = await call('scripts.get', { id: scriptId });
    if (!r.ok) return setLoadError(r.error);
    setDetail(r.value);
    setMode((m) => m ?? initialMode(r.value, useStore.getState().session?.currentUser?.role === 'supervisor'));
  }, [scriptId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Switching to an agent (user menu) while the editor is open: fall back to reading.
  useEffect(() => {
    if (!canEdit && detail && mode?.kind === 'edit') setMode(initialMode(detail, false));
  }, [canEdit, detail, mode]);

  if (loadError) {
    return (
      <Page>
        <BackLink onBack={onBack} />
        <Alert tone="danger" role="alert">
          <strong>{t('detail.loadFailed')}</strong>
          <span className="small">{errorLine(loadError)}</span>
          <Button size="small" onClick={() => void load()}>
            {t('common.retry')}
          </Button>
        </Alert>
      </Page>
    );
  }
  if (!detail || !mode) {
    return (
      <Page>
        <BackLink onBack={onBack} />
        <p className="muted">{t('common.loading')}</p>
      </Page>
    );
  }

  const s = detail.script;
  const retired = s.retiredAt !== null;
  const live = canEdit && !retired;
  const draft = draftVersion(detail);
  const latest = latestVersion(detail);
  const viewing = mode.kind === 'view' ? detail.versions.find((v) => v.id === mode.versionId) : undefined;
  const editBase = mode.kind === 'edit' ? (draft ?? detail.versions.find((v) => v.id === mode.baseId) ?? latestPublished(detail) ?? latest) : undefined;

  async function exportVersion(versionId?: string) {
    const r = await call('scripts.export', versionId ? { id: scriptId, versionId } : { id: scriptId });
    if (!r.ok) return fail(r.error);
    downloadJson(r.value.fileName, r.value.json);
    notify('success', t('list.exported', { file: r.value.fileName }));
  }
  async function copy(versionId?: string) {
    setBusy(true);
    const r = await call('scripts.create', versionId ? { copyFrom: scriptId, versionId } : { copyFrom: scriptId });
    setBusy(false);
    if (!r.ok) return fail(r.error);
    notify('success', t('list.copied', { title: r.value.script.title }));
    onOpen(r.value.script.id);
  }
  async function retire() {
    setBusy(true);
    const r = await call('scripts.retire', { id: scriptId });
    setBusy(false);
    setConfirmRetire(false);
    if (!r.ok) return fail(r.error);
    setDetail(r.value);
    setMode(initialMode(r.value, false));
    notify('success', t('list.retired', { title: r.value.script.title }));
  }

  function view(v: ScriptVersionView) {
    if (v.status === 'draft' && live) setMode({ kind: 'edit', baseId: null });
    else setMode({ kind: 'view', versionId: v.id });
  }

  return (
    <Page data-testid="script-detail" data-script-id={s.id}>
      <BackLink onBack={onBack} />
      <PageHeader
        title={s.title}
        intro={
          <span className="script-badges">
            <PurposeTag purpose={s.purpose} />
            <Badge tone="muted">{t(`locales.${s.locale}`)}</Badge>
            {s.publishedVersion !== null && <Badge tone="ok">{t('list.publishedV', { version: s.publishedVersion })}</Badge>}
            {s.hasDraft && <Badge tone="draft">{t('list.draftBadge', { version: s.latestVersion })}</Badge>}
            {retired && <Badge tone="retired">{t('list.retiredBadge')}</Badge>}
            {s.mappedFor.length > 0 && <Badge tone="live">{t('list.usedFor')}</Badge>}
            {s.builtinKey && <Badge tone="muted">{t('list.builtin')}</Badge>}
          </span>
        }
        actions={
          <ButtonRow className="script-detail-actions">
          {canEdit && (
            <Button onClick={() => void copy()} disabled={busy} data-testid="script-copy">
              {t('list.copy')}
            </Button>
          )}
          <Button onClick={() => void exportVersion()} data-testid="script-export">
            {t('list.export')}
          </Button>
          {live && (
            <Button className="script-retire" onClick={() => setConfirmRetire(true)} disabled={busy} data-testid="script-retire">
              {t('list.retire')}
            </Button>
          )}
          </ButtonRow>
        }
      />

      {confirmRetire && (
        <InlineConfirm danger testId="retire-confirm" busy={busy} confirmLabel={t('list.retireConfirm')} onConfirm={() => void retire()} onCancel={() => setConfirmRetire(false)}>
          <p>
            <strong>{t('list.retireQuestion', { title: s.title })}</strong>
          </p>
          <p>{t('list.retireExplain')}</p>
          {s.mappedFor.length > 0 && <p>{t('list.retireMapped', { purposes: s.mappedFor.map((p) => t(`reason.${p}`, { ns: 'translation' })).join('、') })}</p>}
        </InlineConfirm>
      )}
      {retired && (
        <Alert tone="warn" role="note">
          {t('detail.retiredNote', { when: formatDateTime(s.retiredAt!) })}
        </Alert>
      )}
      {!canEdit && (
        <Alert tone="info" role="note" data-testid="scripts-readonly">
          {t('detail.readOnlyRole')}
        </Alert>
      )}
      {s.mappedFor.length > 0 && (
        <p className="muted small">{t('detail.mappedFor', { purposes: s.mappedFor.map((p) => t(`reason.${p}`, { ns: 'translation' })).join('、') })}</p>
      )}

      <VersionHistory
        versions={detail.versions}
        selected={mode.kind === 'view' ? mode.versionId : null}
        editing={mode.kind === 'edit'}
        onView={view}
        onExport={(v) => void exportVersion(v.id)}
        onCopy={(v) => void copy(v.id)}
        canCopy={canEdit}
      />

      {mode.kind === 'edit' && editBase && (
        <DraftEditor
          key={s.id}
          detail={detail}
          base={editBase}
          onDetail={setDetail}
          onPublished={(d) => {
            setDetail(d);
            const pub = latestPublished(d);
            if (pub) setMode({ kind: 'view', versionId: pub.id });
            document.querySelector('.admin-page')?.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      )}

      {mode.kind === 'view' && viewing && (
        <>
          <div className="editor-bar">
            <div className="editor-bar-status">
              <strong>
                {viewing.status === 'published' ? t('detail.viewingPublished', { version: viewing.version }) : t('detail.viewingDraft', { version: viewing.version })}
              </strong>
              <span className="muted small">{viewing.status === 'published' ? t('detail.readOnlyPublished') : t('detail.readOnlyDraft')}</span>
            </div>
            <div className="editor-bar-actions">
              <Button className="preview-toggle" onClick={() => setShowPreview(!showPreview)} aria-pressed={showPreview} data-testid="editor-preview">
                {t('editor.preview')}
              </Button>
              {live && (
                <Button
                  variant="primary"
                  data-testid="script-edit"
                  onClick={() => setMode({ kind: 'edit', baseId: draft ? null : viewing.id })}
                >
                  {draft
                    ? t('detail.openDraft', { version: draft.version })
                    : viewing.id === latestPublished(detail)?.id
                      ? t('detail.editNew', { version: (latest?.version ?? 0) + 1 })
                      : t('detail.editFrom', { from: viewing.version, version: (latest?.version ?? 0) + 1 })}
                </Button>
              )}
            </div>
          </div>
          <div className={`editor-layout${showPreview ? ' editor-layout-preview' : ''}`}>
            <div className="editor-main">
              <ReadOnlyScript content={viewing.content} />
            </div>
            {showPreview && (
              <aside className="editor-side">
                <ScriptPreview key={viewing.id} content={viewing.content} onClose={() => setShowPreview(false)} />
              </aside>
            )}
          </div>
        </>
      )}
    </Page>
  );
}

function BackLink({ onBack }: { onBack(): void }) {
  const { t } = useTranslation('scripts');
  return (
    <Button variant="link" className="script-back" onClick={onBack} data-testid="scripts-back">
      ← {t('detail.back')}
    </Button>
  );
}
