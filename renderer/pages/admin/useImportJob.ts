import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { ImportJob } from '../../../core/contract/views';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { localFileProblem, toBase64 } from './importFile';
import { formatNumber, useErrorLine } from './shared';

const POLL_MS = 250;

type ImportView =
  | { kind: 'idle'; notice: 'cancelled' | null }
  | { kind: 'reading'; fileName: string }
  | { kind: 'job'; job: ImportJob }
  /** A problem found before the back end saw the file (wrong type, too large, unreadable). */
  | { kind: 'local-error'; text: string }
  /** A call failed, or the job's file could not be processed. */
  | { kind: 'failed'; fileName: string | null; error: ApiError };

export type ImportAction = 'commit' | 'cancel';

/**
 * The job this page last started. Kept outside the component so a supervisor who looks at the queue
 * and comes back still finds the report waiting instead of having to upload again.
 */
let openJobId: string | null = null;

export const isRunning = (job: ImportJob) => job.phase === 'parsing' || job.phase === 'validating';

/** An import from picking the file to committing or cancelling it, as the import page shows it. */
export function useImportJob() {
  const { t } = useTranslation('admin');
  const notify = useStore((s) => s.notify);
  const errorLine = useErrorLine();
  const [view, setView] = useState<ImportView>({ kind: 'idle', notice: null });
  const [busy, setBusy] = useState<ImportAction | null>(null);
  /** An error from commit/cancel, shown over the report without losing it. */
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
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
    const problem = localFileProblem(t, file);
    if (problem) {
      setView({ kind: 'local-error', text: problem });
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

  function pick(files: FileList | null) {
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

  return { view, busy, actionError, historyVersion, fileInput, pick, commit, cancel, reset };
}
