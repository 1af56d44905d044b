import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useStore } from '../../store';
import { downloadCsv, toCsv } from '../../csv';
import { DASH } from './kit';
import { Button, Card, Table } from '../../ui';

/*
 * One chart with the table behind it. The table and the CSV come from the same column list, so what a
 * supervisor exports is exactly what the chart was drawn from; the CSV keeps raw numbers (no thousands
 * separators, percentages without the sign) so a spreadsheet can compute with them.
 */

export interface Column<R> {
  key: string;
  label: string;
  num?: boolean;
  /** A 0–100 percentage: the CSV header says so, its cells stay plain numbers. */
  percent?: boolean;
  /** The raw value: in the CSV, and (formatted) in the table. */
  value: (row: R) => string | number | null;
  /** How the table shows it, when not the raw value formatted. */
  show?: (row: R) => ReactNode;
}

export interface ChartCardProps<R> {
  id: string;
  title: string;
  hint?: string;
  rows: readonly R[];
  columns: readonly Column<R>[];
  /** Nothing to draw: an explanation replaces chart and table, and there is nothing to export. */
  empty: boolean;
  emptyText?: string;
  /** File name without the extension. */
  fileName: string;
  chart: () => ReactNode;
  /** Controls beside the title (a measure switch, a question picker). */
  controls?: ReactNode;
  footnote?: ReactNode;
  wide?: boolean;
}

export function ChartCard<R>(p: ChartCardProps<R>) {
  const { t } = useTranslation('reports');
  const notify = useStore((s) => s.notify);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const exportCsv = () => {
    const file = `${p.fileName}.csv`;
    downloadCsv(file, toCsv([p.columns.map((c) => (c.percent ? `${c.label} (%)` : c.label)), ...p.rows.map((r) => p.columns.map((c) => c.value(r)))]));
    notify('success', t('view.exported', { file }));
  };
  return (
    <Card className={`rp-card${p.wide ? ' rp-wide' : ''}`} data-testid={`rp-card-${p.id}`} data-empty={p.empty ? 'true' : 'false'} aria-labelledby={`rp-title-${p.id}`}>
      <div className="rp-card-head">
        <div className="rp-card-heading">
          <h4 className="rp-card-title" id={`rp-title-${p.id}`}>
            {p.title}
          </h4>
          {p.hint && <p className="muted small">{p.hint}</p>}
        </div>
        <div className="rp-card-tools">
          {p.controls}
          <div className="rp-toggle" role="group" aria-label={t('view.switch')}>
            {(['chart', 'table'] as const).map((v) => (
              <button key={v} type="button" className={view === v ? 'on' : ''} aria-pressed={view === v} disabled={p.empty} data-testid={`rp-view-${v}`} onClick={() => setView(v)}>
                {t(`view.${v}`)}
              </button>
            ))}
          </div>
          <Button size="small" disabled={p.empty} data-testid="rp-export" onClick={exportCsv}>
            {t('view.exportCsv')}
          </Button>
        </div>
      </div>
      {p.empty ? (
        <div className="rp-empty" data-testid="rp-empty">
          <svg viewBox="0 0 48 32" width="48" height="32" aria-hidden="true">
            <path d="M2 30h44M8 30V20M18 30V12M28 30V22M38 30V16" stroke="currentColor" strokeWidth="3" strokeLinecap="round" fill="none" />
          </svg>
          <strong>{t('empty.title')}</strong>
          <span className="muted">{p.emptyText ?? t('empty.plain')}</span>
        </div>
      ) : view === 'chart' ? (
        <div className="rp-chart" data-testid="rp-chart">
          {p.chart()}
        </div>
      ) : (
        <DataTable rows={p.rows} columns={p.columns} />
      )}
      {p.footnote && !p.empty && <p className="muted small rp-footnote">{p.footnote}</p>}
    </Card>
  );
}

function DataTable<R>({ rows, columns }: { rows: readonly R[]; columns: readonly Column<R>[] }) {
  const cell = (c: Column<R>, r: R): ReactNode => {
    if (c.show) return c.show(r);
    const v = c.value(r);
    if (v === null) return DASH;
    return typeof v === 'number' ? formatNumber(v) : v;
  };
  return (
    <Table scroll wrapClassName="rp-table" wrapTestId="rp-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.num ? 'ui-num' : undefined} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.key} className={c.num ? 'ui-num' : undefined}>
                {cell(c, r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
