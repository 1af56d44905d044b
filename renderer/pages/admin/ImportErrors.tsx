import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RowError } from '../../../core/csv/types';
import { downloadCsv, toCsv } from '../../csv';
import { formatNumber } from './shared';
import { Button, Card, Table } from '../../ui';

const FIRST_SHOWN = 100;
/** What the back end keeps per job (import-jobs.ts); at this many the list may be cut short. */
const REPORTED_CAP = 1_000;

export function rowErrorText(t: TFunction<'admin'>, e: RowError): string {
  return t(`import.rowErrors.${e.code}`, { value: e.value, defaultValue: e.message });
}

export function columnText(t: TFunction<'admin'>, column: string | null): string {
  return column === null ? t('import.wholeRow') : t(`import.columns.${column}`, { defaultValue: column });
}

/** The rows that will not be imported and why, so the supervisor can fix the sheet in one pass. */
export function ImportErrors({ errors, invalid }: { errors: RowError[]; invalid: number }) {
  const { t } = useTranslation('admin');
  const [showAll, setShowAll] = useState(false);
  if (errors.length === 0) return null;
  const shown = showAll ? errors : errors.slice(0, FIRST_SHOWN);

  const download = () => {
    const header = [t('import.colLine'), t('import.colColumn'), t('import.colValue'), t('import.colReason'), 'message'];
    const rows = errors.map((e) => [e.line, columnText(t, e.column), e.value, rowErrorText(t, e), e.message]);
    downloadCsv(t('import.errorsFile'), toCsv([header, ...rows]));
  };

  return (
    <Card
      title={t('import.errorsTitle', { count: errors.length, rows: invalid })}
      titleId="import-errors-title"
      actions={
        <Button size="small" onClick={download}>
          {t('import.errorsDownload')}
        </Button>
      }
    >
      {errors.length >= REPORTED_CAP && (
        <p className="muted">
          {t('import.errorsTruncated', { shown: formatNumber(errors.length), invalid: formatNumber(invalid) })}
        </p>
      )}
      <Table scroll data-testid="import-errors">
        <thead>
          <tr>
            <th className="ui-num">{t('import.colLine')}</th>
            <th>{t('import.colColumn')}</th>
            <th>{t('import.colValue')}</th>
            <th>{t('import.colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={`${e.line}-${e.column ?? ''}-${i}`} data-testid="import-error-row">
              <td className="ui-num">{e.line}</td>
              <td className="nowrap">{columnText(t, e.column)}</td>
              <td className="ui-clip" title={e.value}>
                {e.value === '' ? <span className="muted">{t('import.emptyValue')}</span> : e.value}
              </td>
              <td title={e.message}>{rowErrorText(t, e)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {!showAll && errors.length > FIRST_SHOWN && (
        <Button variant="link" onClick={() => setShowAll(true)}>
          {t('import.errorsShowAll', { count: errors.length })}
        </Button>
      )}
    </Card>
  );
}
