import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { ImportJob, ImportReport } from '../../../core/contract/views';
import { STALE_DUE_DAYS } from '../../../core/csv/warnings';
import { ImportErrors } from './ImportErrors';
import { ImportWarnings } from './ImportWarnings';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber } from './shared';
import type { ImportAction } from './useImportJob';
import { Alert, Button, ButtonRow, Card, Stat, Stats, ToneText } from '../../ui';

type ReviewedJob = Extract<ImportJob, { phase: 'ready' | 'committing' }>;

/** A checked file waiting for the supervisor: what is in it, what is wrong, and commit or cancel. */
export function ImportReview({
  job,
  busy,
  actionError,
  onCommit,
  onCancel,
}: {
  job: ReviewedJob;
  busy: ImportAction | null;
  actionError: ApiError | null;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const n = (v: number) => formatNumber(v);
  return (
    <>
      <Report fileName={job.fileName} report={job.report} />
      <ErrorNotice error={actionError} />
      {job.report.valid === 0 ? (
        <Alert tone="warn" role="status">
          {t('import.noValid')}
        </Alert>
      ) : (
        job.report.invalid === 0 && job.report.warnings.length === 0 && (
          <ToneText as="p" tone="ok">
            {t('import.allGood')}
          </ToneText>
        )
      )}
      <ButtonRow actions>
        <Button
          variant="primary"
          data-testid="import-commit"
          disabled={busy !== null || job.phase !== 'ready' || job.report.valid === 0}
          onClick={onCommit}
        >
          {busy === 'commit' || job.phase === 'committing'
            ? t('import.committing')
            : t('import.commit', { count: job.report.valid, n: n(job.report.valid) })}
        </Button>
        <Button
          data-testid="import-cancel"
          disabled={busy !== null || job.phase !== 'ready'}
          onClick={onCancel}
        >
          {t('import.cancelImport')}
        </Button>
      </ButtonRow>
      <ImportWarnings report={job.report} />
      <ImportErrors errors={job.report.errors} invalid={job.report.invalid} />
    </>
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
    {
      key: 'stale',
      label: t('import.warn.statStale'),
      value: n(report.warningCounts.dueLongPast),
      tone: report.warningCounts.dueLongPast > 0 ? 'warn' : undefined,
      hint: t('import.warn.statStaleHint', { days: STALE_DUE_DAYS }),
    },
    {
      key: 'not-callable',
      label: t('import.warn.statNotCallable'),
      value: n(report.warningCounts.notCallable),
      tone: report.warningCounts.notCallable > 0 ? 'warn' : undefined,
      hint: t('import.warn.statNotCallableHint'),
    },
  ];
  return (
    <Card title={t('import.reportTitle', { name: fileName })} titleId="import-report-title" data-testid="import-report">
      <Stats>
        {stats.map((s) => (
          <Stat key={s.key} label={s.label} value={s.value} tone={s.tone} title={s.hint} data-testid={`import-stat-${s.key}`} />
        ))}
      </Stats>
    </Card>
  );
}
