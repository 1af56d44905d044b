import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { ApiError } from '../../../core/contract/result';
import type { AttainmentRow } from '../../../core/contract/views-cases';
import type { CaseSettings } from '../../../core/cases/settings';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatDate, formatNumber } from '../../format';
import { csvTimestamp, downloadCsv, toCsv } from '../../csv';
import { ZONE, now } from '../admin/shared';
import type { BoardQuery } from './BoardFilters';
import { SlaErrorNotice, categoryName, percent } from './common';
import { Button, ButtonRow, Card, EmptyState, Table } from '../../ui';

export type GroupBy = 'agent' | 'category' | 'week';
const GROUPS: GroupBy[] = ['agent', 'category', 'week'];

type Data = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; rows: AttainmentRow[] };

/** The group's name in the UI language (the back end labels categories in Chinese only). */
function groupLabel(t: TFunction<'sla'>, groupBy: GroupBy, row: AttainmentRow, settings: CaseSettings | null, language: string): string {
  if (groupBy === 'agent') return row.key ? row.label || row.key : t('board.unassigned');
  if (groupBy === 'category') return categoryName(settings, row.key, language);
  const monday = DateTime.fromISO(row.key, { zone: ZONE });
  return monday.isValid ? t('attainment.weekOf', { date: formatDate(monday.toMillis()) }) : row.key;
}

/** A met/done pair with its share as a bar; the share is of the clocks that finished, not of all tickets. */
function Share({ met, done, pct }: { met: number; done: number; pct: number | null }) {
  const { t } = useTranslation('sla');
  const tone = pct === null ? '' : pct >= 0.9 ? 'sla-share-ok' : pct >= 0.7 ? 'sla-share-warn' : 'sla-share-bad';
  return (
    <div className={`sla-share ${tone}`}>
      <span className="sla-share-pct">{percent(pct)}</span>
      <span className="sla-share-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((pct ?? 0) * 100)}%` }} />
      </span>
      <span className="muted small">{t('attainment.metOf', { met: formatNumber(met), done: formatNumber(done) })}</span>
    </div>
  );
}

/** SLA attainment for the board's filters, grouped by agent, category or week, with a CSV export. */
export function Attainment({ query, reloadKey, settings }: { query: BoardQuery | null; reloadKey: number; settings: CaseSettings | null }) {
  const { t, i18n } = useTranslation('sla');
  const notify = useStore((s) => s.notify);
  const userId = useStore((s) => s.session?.currentUser?.id);
  const [groupBy, setGroupBy] = useState<GroupBy>('agent');
  const [data, setData] = useState<Data>({ state: 'loading' });
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const q = JSON.parse(queryKey) as BoardQuery | null;
    if (q === null) return;
    let live = true;
    void call('tickets.attainment', { ...q, groupBy }).then((r) => {
      if (live) setData(r.ok ? { state: 'ready', rows: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [queryKey, groupBy, reloadKey, userId]);

  function exportCsv() {
    if (data.state !== 'ready' || data.rows.length === 0) return;
    const header = [
      t(`attainment.group.${groupBy}`),
      t('attainment.csvTickets'),
      t('attainment.csvFrDone'),
      t('attainment.csvFrMet'),
      t('attainment.csvFrPct'),
      t('attainment.csvResDone'),
      t('attainment.csvResMet'),
      t('attainment.csvResPct'),
      t('attainment.csvKey'),
    ];
    const pctCell = (v: number | null) => (v === null ? '' : (Math.round(v * 1000) / 10).toFixed(1));
    const body = data.rows.map((r) => [
      groupLabel(t, groupBy, r, settings, i18n.language),
      r.tickets,
      r.firstResponseDone,
      r.firstResponseMet,
      pctCell(r.firstResponsePct),
      r.resolutionDone,
      r.resolutionMet,
      pctCell(r.resolutionPct),
      r.key,
    ]);
    const stamp = csvTimestamp(now()).replace(/[-: ]/g, '').slice(0, 12);
    downloadCsv(`${t('attainment.exportFile', { group: t(`attainment.group.${groupBy}`) })}-${stamp}.csv`, toCsv([header, ...body]));
    notify('success', t('attainment.exported', { n: formatNumber(data.rows.length) }));
  }

  const rows = data.state === 'ready' ? data.rows : [];
  return (
    <Card
      title={t('attainment.title')}
      titleId="sla-attainment-title"
      intro={t('attainment.intro')}
      actions={
        <ButtonRow actions>
          <div className="sla-segmented" role="radiogroup" aria-label={t('attainment.groupBy')}>
            {GROUPS.map((g) => (
              <button
                key={g}
                type="button"
                role="radio"
                aria-checked={g === groupBy}
                className={g === groupBy ? 'sla-seg sla-seg-on' : 'sla-seg'}
                data-testid={`attainment-by-${g}`}
                onClick={() => setGroupBy(g)}
              >
                {t(`attainment.by.${g}`)}
              </button>
            ))}
          </div>
          <Button
            data-testid="attainment-export"
            disabled={rows.length === 0}
            onClick={exportCsv}
          >
            {t('attainment.export')}
          </Button>
        </ButtonRow>
      }
      data-testid="attainment"
    >
      {data.state === 'error' && <SlaErrorNotice error={data.error} />}
      {data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {data.state === 'ready' &&
        (rows.length === 0 ? (
          <EmptyState data-testid="attainment-empty">
            {t('attainment.empty')}
          </EmptyState>
        ) : (
          <Table className="sla-attainment-table" data-testid="attainment-table">
            <thead>
              <tr>
                <th>{t(`attainment.group.${groupBy}`)}</th>
                <th className="ui-num">{t('attainment.colTickets')}</th>
                <th>{t('attainment.colFirstResponse')}</th>
                <th>{t('attainment.colResolution')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key || '-'} data-testid="attainment-row">
                  <td>{groupLabel(t, groupBy, r, settings, i18n.language)}</td>
                  <td className="ui-num">{formatNumber(r.tickets)}</td>
                  <td>
                    <Share met={r.firstResponseMet} done={r.firstResponseDone} pct={r.firstResponsePct} />
                  </td>
                  <td>
                    <Share met={r.resolutionMet} done={r.resolutionDone} pct={r.resolutionPct} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ))}
    </Card>
  );
}
