import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { ImportBatchView } from '../../../core/contract/views';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime, formatNumber } from './shared';
import { Button, Card, Table, toneTextClass } from '../../ui';

/** Recent import batches; `version` changes after a commit to reload. */
export function ImportHistory({ version }: { version: number }) {
  const { t } = useTranslation('admin');
  const [batches, setBatches] = useState<ImportBatchView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  // Imports a colleague made, pulled from the team server, show up.
  const pulled = useStore((s) => s.pulledVersion);

  useEffect(() => {
    let live = true;
    void call('imports.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setBatches(r.value);
        setError(null);
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [version, reload, pulled]);

  const n = (v: number) => formatNumber(v);

  return (
    <Card title={t('import.historyTitle')} titleId="import-history-title">
      <ErrorNotice error={error}>
        <Button size="small" onClick={() => setReload((x) => x + 1)}>
          {t('common.retry')}
        </Button>
      </ErrorNotice>
      {batches === null && !error && <p className="muted">{t('common.loading')}</p>}
      {batches !== null && batches.length === 0 && <p className="muted">{t('import.historyEmpty')}</p>}
      {batches !== null && batches.length > 0 && (
        <Table data-testid="import-history">
          <thead>
            <tr>
              <th>{t('import.histTime')}</th>
              <th>{t('import.histFile')}</th>
              <th>{t('import.histBy')}</th>
              <th className="ui-num">{t('import.histRows')}</th>
              <th className="ui-num">{t('import.histImported')}</th>
              <th className="ui-num">{t('import.histDuplicates')}</th>
              <th className="ui-num">{t('import.histInvalid')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} data-testid="import-history-row">
                <td className="nowrap">{formatDateTime(b.createdAt)}</td>
                <td className="ui-clip" title={b.fileName}>
                  {b.fileName}
                </td>
                <td>{b.createdByName ?? <span className="muted">{t('common.unknownUser')}</span>}</td>
                <td className="ui-num">{n(b.totalRows)}</td>
                <td className="ui-num">{n(b.imported)}</td>
                <td className="ui-num">{n(b.duplicates)}</td>
                <td className={`ui-num${b.invalid > 0 ? ` ${toneTextClass('warn')}` : ''}`}>{n(b.invalid)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
