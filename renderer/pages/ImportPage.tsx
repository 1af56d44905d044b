import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../core/contract/result';
import type { ImportJob, ImportReport } from '../../core/contract/views';
import { call } from '../api/client';
import { useStore } from '../store';
import { ImportErrors } from './admin/ImportErrors';
import { ImportFormat } from './admin/ImportFormat';
import { ImportHistory } from './admin/ImportHistory';
import { ErrorNotice, formatNumber, useErrorLine, useLocale } from './admin/shared';
import './admin.css';

const POLL_MS = 250;
const MAX_MB = 50;
const MAX_BYTES = MAX_MB * 1024 * 1024;
/** Spreadsheet files people drop by mistake; refused before uploading anything. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|et|ods|numbers)$/i;

type View =
  | { kind: 'idle'; notice: 'cancelled' | null }
  | { kind: 'reading'; fileName: string }
  | { kind: 'job'; job: ImportJob }
  /** A problem found before the back end saw the file (wrong type, too large, unreadable). */
  | { kind: 'local-error'; text: string }
  /** A call failed, or the job's file could not be processed. */
  | { kind: 'failed'; fileName: string | null; error: ApiError };

/**
 * The job this page last started. Kept outside the component so a supervisor who looks at the queue
 * and comes back still finds the report waiting instead of having to upload again.
 */
let openJobId: string | null = null;

const isRunning = (job: ImportJob) => job.phase === 'parsing' || job.phase === 'validating';

/** ArrayBuffer → base64 in chunks: no giant argument lists, and the UI gets a breath every few MB. */
async function toBase64(bytes: Uint8Array): Promise<string> {
  const OUTER = 3 * 0x8000 * 16; // a multiple of 3, so chunk encodings concatenate cleanly
  const INNER = 0x2000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += OUTER) {
    const outer = bytes.subarray(i, Math.min(i + OUTER, bytes.length));
    let binary = '';
    for (let j = 0; j < outer.length; j += INNER) {
      binary += String.fromCharCode.apply(null, outer.subarray(j, j + INNER) as unknown as number[]);
    }
    parts.push(btoa(binary));
    if (parts.length % 4 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return parts.join('');
}

/**
 * A failed job carries the CSV layer's code (details.csvCode) and the missing columns; the kinds of
 * undecodable file are told apart by the message. Anything else gets generic advice plus the message.
 */
function fileErrorAdvice(t: TFunction<'admin'>, error: ApiError, locale: string): string {
  const m = error.message;
  const csvCode = error.details?.csvCode;
  if (error.code === 'NOT_FOUND') return t('import.fileErrors.expired');
  if (csvCode === 'missing_columns') {
    const keys = Array.isArray(error.details?.missing) ? (error.details.missing as string[]) : [];
    const columns = keys
      .map((k) => {
        const zh = t(`import.columns.${k}`, { lng: 'zh-CN' });
        return locale === 'en' ? `${k} (${zh})` : `${zh}（${k}）`;
      })
      .join(locale === 'en' ? ', ' : '、');
    return t('import.fileErrors.missingColumns', { columns: columns || m });
  }
  if (csvCode === 'empty_file') return t('import.fileErrors.empty');
  if (/Excel workbook/i.test(m)) return t('import.fileErrors.excel');
  if (/UTF-16/i.test(m)) return t('import.fileErrors.utf16');
  if (/neither UTF-8 nor GBK/i.test(m)) return t('import.fileErrors.encoding');
  if (/binary data/i.test(m)) return t('import.fileErrors.binary');
  return t('import.fileErrors.other');
}

export default function ImportPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const notify = useStore((s) => s.notify);
  const errorLine = useErrorLine();
  const [view, setView] = useState<View>({ kind: 'idle', notice: null });
  const [busy, setBusy] = useState<'commit' | 'cancel' | null>(null);
  /** An error from commit/cancel, shown over the report without losing it. */
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [dragDepth, setDragDepth] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  /** Bumped whenever the page moves on; late answers for an older job are dropped. */
  const generation = useRef(0);

  const reset = useCallback((notice: 'cancelled' | null = null) => {
    generation.current++;
    openJobId = null;
    setActionError(null);
    setBusy(null);
    setView({ kind: 'idle', notice });
    if (fileInput.current) fileInput.current.value = '';
  }, []);

  const fail = useCallback((fileName: string | null, error: ApiError) => {
    openJobId = null;
    setView({ kind: 'failed', fileName, error });
  }, []);

  /** Shows a job's state; a failed job becomes an error view. */
  const showJob = useCallback(
    (job: ImportJob) => {
      if (job.phase === 'failed') fail(job.fileName, job.error);
      else {
        if (job.phase === 'done') openJobId = null;
        setView({ kind: 'job', job });
      }
    },
    [fail],
  );

  // Coming back to the page: pick up the job still open on the back end, if any.
  useEffect(() => {
    const jobId = openJobId;
    if (!jobId) return;
    const gen = generation.current;
    void call('imports.status', { jobId }).then((r) => {
      if (gen !== generation.current) return;
      if (r.ok && r.value.phase !== 'done' && r.value.phase !== 'failed') showJob(r.value);
      else openJobId = null;
    });
  }, [showJob]);

  // Poll while the back end parses and validates. Every answer is a fresh object, so each one
  // re-runs this effect and schedules the next poll until the phase moves on.
  useEffect(() => {
    if (view.kind !== 'job' || !isRunning(view.job)) return;
    const { jobId, fileName } = view.job;
    const gen = generation.current;
    const timer = setTimeout(() => {
      void call('imports.status', { jobId }).then((r) => {
        if (gen !== generation.current) return;
        if (r.ok) showJob({ ...r.value });
        else fail(fileName, r.error);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view, showJob, fail]);

  async function startFile(file: File) {
    generation.current++;
    const gen = generation.current;
    setActionError(null);
    if (SPREADSHEET.test(file.name)) {
      setView({ kind: 'local-error', text: t('import.fileErrors.excel') });
      return;
    }
    if (!/\.(csv|txt)$/i.test(file.name) && file.type !== 'text/csv' && file.type !== 'text/plain') {
      setView({ kind: 'local-error', text: t('import.notCsv', { name: file.name }) });
      return;
    }
    if (file.size > MAX_BYTES) {
      setView({ kind: 'local-error', text: t('import.tooLarge', { size: (file.size / 1024 / 1024).toFixed(1), mb: MAX_MB }) });
      return;
    }
    setView({ kind: 'reading', fileName: file.name });
    let contentBase64: string;
    try {
      contentBase64 = await toBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      if (gen === generation.current) setView({ kind: 'local-error', text: t('import.readFailed') });
      return;
    }
    if (gen !== generation.current) return;
    const r = await call('imports.start', { fileName: file.name.slice(0, 255), contentBase64 });
    if (gen !== generation.current) {
      // The user moved on while uploading; let the back end drop the job.
      if (r.ok) void call('imports.cancel', { jobId: r.value.jobId });
      return;
    }
    if (!r.ok) {
      fail(file.name, r.error);
      return;
    }
    openJobId = r.value.jobId;
    showJob(r.value);
  }

  function onPick(files: FileList | null) {
    const file = files?.[0];
    // Cleared so that picking the same file again (after fixing it) fires onChange again.
    if (fileInput.current) fileInput.current.value = '';
    if (file) void startFile(file);
  }

  async function commit(job: ImportJob) {
    setBusy('commit');
    setActionError(null);
    const gen = generation.current;
    const r = await call('imports.commit', { jobId: job.jobId });
    if (gen !== generation.current) return;
    setBusy(null);
    if (!r.ok) {
      if (r.error.code === 'NOT_FOUND') fail(job.fileName, r.error);
      else setActionError(r.error);
      return;
    }
    showJob(r.value);
    setHistoryVersion((v) => v + 1);
    if (r.value.phase === 'done') {
      notify('success', t('import.doneImported', { n: formatNumber(r.value.imported) }));
    }
  }

  async function cancel(job: ImportJob) {
    setBusy('cancel');
    const gen = generation.current;
    const r = await call('imports.cancel', { jobId: job.jobId });
    if (gen !== generation.current) return;
    if (!r.ok && r.error.code !== 'NOT_FOUND') {
      setBusy(null);
      notify('error', errorLine(r.error));
      return;
    }
    reset('cancelled');
  }

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
      if (dropEnabled) onPick(e.dataTransfer.files);
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
          <div className={`adm-drop${dragDepth > 0 ? ' adm-drop-active' : ''}`}>
            <div className="adm-drop-title">{t('import.dropTitle')}</div>
            <div className="adm-muted">{t('import.dropOr')}</div>
            <label className="adm-btn adm-btn-primary adm-file-label">
              {t('import.choose')}
              <input
                ref={fileInput}
                className="adm-visually-hidden"
                type="file"
                accept=".csv,text/csv"
                data-testid="import-file"
                onChange={(e) => onPick(e.currentTarget.files)}
              />
            </label>
            <div className="adm-muted adm-small">{t('import.dropHint', { mb: MAX_MB })}</div>
          </div>
          <ImportFormat />
        </>
      )}

      {view.kind === 'reading' && (
        <div className="adm-card">
          <Progress label={t('import.reading', { name: view.fileName })} processed={0} total={0} />
        </div>
      )}

      {view.kind === 'job' && isRunning(view.job) && (
        <div className="adm-card">
          <Progress
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
        <>
          <Report fileName={view.job.fileName} report={view.job.report} />
          <ErrorNotice error={actionError} />
          {view.job.report.valid === 0 ? (
            <div className="adm-alert adm-alert-warn" role="status">
              {t('import.noValid')}
            </div>
          ) : (
            view.job.report.invalid === 0 && <p className="adm-ok-text">{t('import.allGood')}</p>
          )}
          <div className="adm-actions">
            <button
              type="button"
              className="adm-btn adm-btn-primary"
              data-testid="import-commit"
              disabled={busy !== null || view.job.phase !== 'ready' || view.job.report.valid === 0}
              onClick={() => void commit(view.job)}
            >
              {busy === 'commit' || view.job.phase === 'committing'
                ? t('import.committing')
                : t('import.commit', { count: view.job.report.valid, n: n(view.job.report.valid) })}
            </button>
            <button
              type="button"
              className="adm-btn"
              data-testid="import-cancel"
              disabled={busy !== null || view.job.phase !== 'ready'}
              onClick={() => void cancel(view.job)}
            >
              {t('import.cancelImport')}
            </button>
          </div>
          <ImportErrors errors={view.job.report.errors} invalid={view.job.report.invalid} />
        </>
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

function Progress({ label, processed, total }: { label: string; processed: number; total: number }) {
  const pct = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : null;
  return (
    <div className="adm-progress" data-testid="import-progress">
      <div className="adm-progress-label" aria-live="polite">
        {label}
        {pct !== null && <span className="adm-muted"> · {pct}%</span>}
      </div>
      <div
        className={`adm-progress-track${pct === null ? ' adm-progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={pct === null ? undefined : processed}
      >
        <div className="adm-progress-bar" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}

function Report({ fileName, report }: { fileName: string; report: ImportReport }) {
  const { t } = useTranslation('admin');
  const n = (v: number) => formatNumber(v);
  const stats: { key: string; label: string; value: string; tone?: 'ok' | 'warn' | 'bad'; hint?: string }[] = [
    { key: 'encoding', label: t('import.encoding'), value: report.encoding.toUpperCase() },
    { key: 'total', label: t('import.totalRows'), value: n(report.totalRows) },
    { key: 'valid', label: t('import.valid'), value: n(report.valid), tone: 'ok' },
    {
      key: 'duplicates',
      label: t('import.duplicates'),
      value: n(report.duplicates),
      tone: report.duplicates > 0 ? 'warn' : undefined,
      hint: t('import.duplicatesHint'),
    },
    { key: 'invalid', label: t('import.invalid'), value: n(report.invalid), tone: report.invalid > 0 ? 'bad' : undefined },
    { key: 'blank', label: t('import.blankLines'), value: n(report.blankLines) },
  ];
  return (
    <section className="adm-card" data-testid="import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title" className="adm-card-title">
        {t('import.reportTitle', { name: fileName })}
      </h3>
      <dl className="adm-stats">
        {stats.map((s) => (
          <div key={s.key} className={`adm-stat${s.tone ? ` adm-stat-${s.tone}` : ''}`} title={s.hint} data-testid={`import-stat-${s.key}`}>
            <dt>{s.label}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
