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
import './admin/import.css';
import { Alert, AlertAdvice, Button, ButtonRow, Card, Page, PageHeader, ToneText } from '../ui';

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
    <Page {...onDrag}>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />

      {view.kind === 'idle' && view.notice === 'cancelled' && (
        <Alert tone="info" role="status">
          {t('import.cancelled')}
        </Alert>
      )}

      {view.kind === 'local-error' && (
        <Alert tone="danger" role="alert" data-testid="import-failed">
          <strong>{t('import.failedTitle')}</strong>
          <div>{view.text}</div>
        </Alert>
      )}

      {view.kind === 'failed' && (
        <ErrorNotice error={view.error} title={t('import.failedTitle')} testId="import-failed">
          {view.fileName && <div className="small">{view.fileName}</div>}
          <AlertAdvice>{fileErrorAdvice(t, view.error, locale)}</AlertAdvice>
        </ErrorNotice>
      )}

      {dropEnabled && (
        <>
          <ImportDropZone dragging={dragDepth > 0} inputRef={fileInput} onPick={pick} />
          <ImportFormat />
        </>
      )}

      {view.kind === 'reading' && (
        <Card>
          <ImportProgress label={t('import.reading', { name: view.fileName })} processed={0} total={0} />
        </Card>
      )}

      {view.kind === 'job' && isRunning(view.job) && (
        <Card>
          <ImportProgress
            label={
              view.job.phase === 'parsing' || view.job.total === 0
                ? t('import.parsing', { name: view.job.fileName })
                : t('import.validating', { name: view.job.fileName, processed: n(view.job.processed), total: n(view.job.total) })
            }
            processed={view.job.processed}
            total={view.job.total}
          />
          <ButtonRow actions>
            <Button disabled={busy !== null} onClick={() => void cancel(view.job)}>
              {t('import.cancelImport')}
            </Button>
          </ButtonRow>
        </Card>
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
        <Card title={t('import.doneTitle')} className="imp-done" data-testid="import-result" aria-live="polite">
          <ul className="imp-done-list">
            <ToneText as="li" tone="ok">
              <strong>{t('import.doneImported', { n: n(view.job.imported) })}</strong>
            </ToneText>
            {view.job.duplicates > 0 && <li>{t('import.doneDuplicates', { n: n(view.job.duplicates) })}</li>}
            {view.job.report.invalid > 0 && <li>{t('import.doneInvalid', { n: n(view.job.report.invalid) })}</li>}
            <ImportWarningSummary report={view.job.report} />
          </ul>
          <p className="muted">{t('import.doneHint')}</p>
          <Button variant="primary" data-testid="import-another" onClick={() => reset()}>
            {t('import.importAnother')}
          </Button>
        </Card>
      )}

      <ImportHistory version={historyVersion} />
    </Page>
  );
}
