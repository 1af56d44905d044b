import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportReport } from '../../../core/contract/views';
import { LASTING_BLOCKS, STALE_DUE_DAYS, type ImportWarning, type ImportWarningCounts } from '../../../core/csv/warnings';
import { formatNumber } from './shared';
import { Button, Card, Table, ToneText } from '../../ui';

const FIRST_SHOWN = 100;

/** "未同意此类回访 12 行、勿扰名单 1 行": the reasons rows cannot be called, with counts. */
export function notCallableList(t: TFunction<'admin'>, counts: ImportWarningCounts): string {
  return LASTING_BLOCKS.filter((b) => counts.notCallableBy[b] > 0)
    .map((b) => t('import.warn.byBlock', { what: t(`import.warn.block.${b}`), n: formatNumber(counts.notCallableBy[b]) }))
    .join(t('import.warn.listJoin'));
}

export function warningText(t: TFunction<'admin'>, tr: TFunction, w: ImportWarning): string {
  if (w.code === 'due_long_past') return t('import.warn.dueLongPast', { days: formatNumber(w.days) });
  return t('import.warn.notCallable', {
    reason: tr(`reason.${w.reason}`),
    blocks: w.blocks.map((b) => t(`import.warn.block.${b}`)).join(t('import.warn.listJoin')),
  });
}

/** The summary lines after a commit (and under the preview's figures): what was imported but needs a look. */
export function ImportWarningSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation('admin');
  const c = report.warningCounts;
  return (
    <>
      {c.dueLongPast > 0 && (
        <ToneText as="li" tone="warn" data-testid="import-summary-stale">
          {t('import.warn.summaryStale', { count: c.dueLongPast, n: formatNumber(c.dueLongPast), days: STALE_DUE_DAYS })}
        </ToneText>
      )}
      {c.notCallable > 0 && (
        <ToneText as="li" tone="warn" data-testid="import-summary-not-callable">
          {t('import.warn.summaryNotCallable', { count: c.notCallable, n: formatNumber(c.notCallable), list: notCallableList(t, c) })}
        </ToneText>
      )}
    </>
  );
}

/** The rows that import but need a second look, by line, before the supervisor commits. */
export function ImportWarnings({ report }: { report: ImportReport }) {
  const { t } = useTranslation('admin');
  const { t: tr } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const { warnings, warningCounts: c } = report;
  if (warnings.length === 0) return null;
  const shown = showAll ? warnings : warnings.slice(0, FIRST_SHOWN);
  return (
    <Card title={t('import.warn.title')} titleId="import-warnings-title" data-testid="import-warnings">
      <ul className="imp-done-list">
        <ImportWarningSummary report={report} />
      </ul>
      {c.dueLongPast + c.notCallable > warnings.length && (
        <p className="muted">{t('import.warn.truncated', { shown: formatNumber(warnings.length) })}</p>
      )}
      <Table scroll>
        <thead>
          <tr>
            <th className="ui-num">{t('import.colLine')}</th>
            <th>{t('import.warn.colWhat')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w, i) => (
            <tr key={`${w.line}-${w.code}-${i}`} data-testid="import-warning-row" data-code={w.code} data-line={w.line}>
              <td className="ui-num">{w.line}</td>
              <td>{warningText(t, tr, w)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {!showAll && warnings.length > FIRST_SHOWN && (
        <Button variant="link" onClick={() => setShowAll(true)}>
          {t('import.errorsShowAll', { count: warnings.length })}
        </Button>
      )}
    </Card>
  );
}
