import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportDropZone } from './admin/ImportDropZone';
import { ImportFormat } from './admin/ImportFormat';
import { ImportHistory } from './admin/ImportHistory';
import { ImportProgress } from './admin/ImportProgress';
import { ImportReview } from './admin/ImportReview';
import { ImportWarningSummary } from './admin/ImportWarnings';
import { fileErrorAdvice } from './admin/importFile';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatNumber, useLocale } from './admin/shared';
import { isRunning, useImportJob } from './admin/useImportJob';
import './admin.css';

export default function ImportPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const { view, busy, actionError, historyVersion, fileInput, pick, commit, cancel, reset } = useImportJob();
  const [dragDepth, setDragDepth] = useState(0);

  const dropEnabled = view.kind === 'idle' || view.kind === 'local-error' || view.kind === 'failed';
  const onDrag = {
    onDragEnter: (e: DragEvent) => {
      e.preventDefault();
      setDragDepth((d) => d + 1);
    },
    onDragLeave: (e: DragEvent) => {
      e.preventDefault();
      setDragDepth((d) => Math.max(0, d - 1));
    },
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = dropEnabled ? 'copy' : 'none';
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragDepth(0);
      if (dropEnabled) pick(e.dataTransfer.files);
    },
  };

  const n = (v: number) => formatNumber(v);

  return (
    <div className="adm-page" {...onDrag}>
      <header className="adm-page-head">
        <h2 className="adm-page-title">{t('import.title')}</h2>
        <p className="adm-muted">{t('import.intro')}</p>
      </header>

      {view.kind === 'idle' && view.notice === 'cancelled' && (
        <div className="adm-alert adm-alert-info" role="status">
          {t('import.cancelled')}
        </div>
      )}

      {view.kind === 'local-error' && (
        <div className="adm-alert adm-alert-error" role="alert" data-testid="import-failed">
          <strong>{t('import.failedTitle')}</strong>
          <div>{view.text}</div>
        </div>
      )}

      {view.kind === 'failed' && (
        <ErrorNotice error={view.error} title={t('import.failedTitle')} testId="import-failed">
          {view.fileName && <div className="adm-small">{view.fileName}</div>}
          <p className="adm-alert-advice">{fileErrorAdvice(t, view.error, locale)}</p>
        </ErrorNotice>
      )}

      {dropEnabled && (
        <>
          <ImportDropZone dragging={dragDepth > 0} inputRef={fileInput} onPick={pick} />
          <ImportFormat />
        </>
      )}

      {view.kind === 'reading' && (
        <div className="adm-card">
          <ImportProgress label={t('import.reading', { name: view.fileName })} processed={0} total={0} />
        </div>
      )}

      {view.kind === 'job' && isRunning(view.job) && (
        <div className="adm-card">
          <ImportProgress
            label={
              view.job.phase === 'parsing' || view.job.total === 0
                ? t('import.parsing', { name: view.job.fileName })
                : t('import.validating', { name: view.job.fileName, processed: n(view.job.processed), total: n(view.job.total) })
            }
            processed={view.job.processed}
            total={view.job.total}
          />
          <div className="adm-actions">
            <button type="button" className="adm-btn" disabled={busy !== null} onClick={() => void cancel(view.job)}>
              {t('import.cancelImport')}
            </button>
          </div>
        </div>
      )}

      {view.kind === 'job' && (view.job.phase === 'ready' || view.job.phase === 'committing') && (
        <ImportReview
          job={view.job}
          busy={busy}
          actionError={actionError}
          onCommit={() => void commit(view.job)}
          onCancel={() => void cancel(view.job)}
        />
      )}

      {view.kind === 'job' && view.job.phase === 'done' && (
        <section className="adm-card adm-done" data-testid="import-result" aria-live="polite">
          <h3 className="adm-card-title">{t('import.doneTitle')}</h3>
          <ul className="adm-done-list">
            <li className="adm-ok-text">
              <strong>{t('import.doneImported', { n: n(view.job.imported) })}</strong>
            </li>
            {view.job.duplicates > 0 && <li>{t('import.doneDuplicates', { n: n(view.job.duplicates) })}</li>}
            {view.job.report.invalid > 0 && <li>{t('import.doneInvalid', { n: n(view.job.report.invalid) })}</li>}
            <ImportWarningSummary report={view.job.report} />
          </ul>
          <p className="adm-muted">{t('import.doneHint')}</p>
          <button type="button" className="adm-btn adm-btn-primary" data-testid="import-another" onClick={() => reset()}>
            {t('import.importAnother')}
          </button>
        </section>
      )}

      <ImportHistory version={historyVersion} />
    </div>
  );
}
