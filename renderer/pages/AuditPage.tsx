import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InputOf } from '../../core/contract/api';
import type { ApiError } from '../../core/contract/result';
import type { AuditView } from '../../core/contract/views';
import { AUDIT_ACTIONS } from '../../core/domain/audit-actions';
import { call } from '../api/client';
import { useStore } from '../store';
import { ErrorNotice } from '../components/ErrorNotice';
import { csvTimestamp, downloadCsv, toCsv } from '../csv';
import { beijingDayStart, now, formatDateTime, formatNumber, useErrorLine } from './admin/shared';
import { DatePicker } from '../ui/DatePicker';
import { describeAudit } from './audit/describe';
import { Badge, Button, ButtonRow, Card, Field, FieldMessage, FieldRow, Page, PageHeader, Pager, Select, Table } from '../ui';

const PAGE = 100;
const EXPORT_PAGE = 500;
const EXPORT_MAX = 10_000;
const DAY_MS = 86_400_000;

interface Filter {
  action: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { action: '', from: '', to: '' };

/** The query for a filter; null when the dates are the wrong way round. Dates are whole Beijing days. */
function toQuery(f: Filter): Omit<InputOf<'audit.list'>, 'offset' | 'limit'> | null {
  const from = f.from ? beijingDayStart(f.from) : null;
  const toStart = f.to ? beijingDayStart(f.to) : null;
  // `to` is inclusive for people and exclusive for the back end: up to the next Beijing midnight.
  const to = toStart === null ? null : toStart + DAY_MS;
  if (from !== null && to !== null && from >= to) return null;
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(from !== null ? { from } : {}),
    ...(to !== null ? { to } : {}),
  };
}

export function actionText(t: TFunction<'admin'>, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}


type Data = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; rows: AuditView[]; total: number };

export default function AuditPage() {
  const { t } = useTranslation('admin');
  const notify = useStore((s) => s.notify);
  const errorLine = useErrorLine();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<Data>({ state: 'loading' });
  const [reload, setReload] = useState(0);
  // Pulled changes from the team server (the store's one invalidation signal) bring audit entries too.
  const pulled = useStore((s) => s.pulledVersion);
  const [exporting, setExporting] = useState<number | null>(null);
  // Every kind the console writes, plus any other found in the entries loaded (e.g. written by a newer version).
  const [seenActions, setSeenActions] = useState<ReadonlySet<string>>(() => new Set(AUDIT_ACTIONS));

  const query = toQuery(filter);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const q = JSON.parse(queryKey) as ReturnType<typeof toQuery>;
    if (q === null) return;
    let live = true;
    setData((d) => (d.state === 'ready' ? d : { state: 'loading' }));
    void call('audit.list', { ...q, offset, limit: PAGE }).then((r) => {
      if (!live) return;
      setData(r.ok ? { state: 'ready', rows: r.value.rows, total: r.value.total } : { state: 'error', error: r.error });
      if (r.ok) setSeenActions((s) => (r.value.rows.some((a) => !s.has(a.action)) ? new Set([...s, ...r.value.rows.map((a) => a.action)]) : s));
    });
    return () => {
      live = false;
    };
  }, [queryKey, offset, reload, pulled]);

  const change = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
  };

  async function exportCsv() {
    if (query === null) return;
    setExporting(0);
    const rows: AuditView[] = [];
    // Entries written during the export shift later pages; seen ids keep a row from appearing twice.
    const seen = new Set<string>();
    let offsetAt = 0;
    let total = 0;
    while (rows.length < EXPORT_MAX) {
      const r = await call('audit.list', { ...query, offset: offsetAt, limit: EXPORT_PAGE });
      if (!r.ok) {
        setExporting(null);
        notify('error', errorLine(r.error));
        return;
      }
      total = r.value.total;
      offsetAt += r.value.rows.length;
      for (const row of r.value.rows) {
        if (seen.has(row.id) || rows.length >= EXPORT_MAX) continue;
        seen.add(row.id);
        rows.push(row);
      }
      setExporting(rows.length);
      if (r.value.rows.length === 0 || offsetAt >= total) break;
    }
    setExporting(null);
    if (rows.length === 0) {
      notify('info', t('audit.exportNothing'));
      return;
    }
    const header = [
      t('audit.csvTime'),
      t('audit.csvActor'),
      t('audit.csvAction'),
      t('audit.csvSubjectType'),
      t('audit.csvSubject'),
      t('audit.csvDetails'),
      t('audit.csvActionCode'),
      t('audit.csvActorId'),
      t('audit.csvSubjectId'),
    ];
    const body = rows.map((a) => [
      csvTimestamp(a.at),
      a.actorName ?? '',
      actionText(t, a.action),
      t(`audit.subjectTypes.${a.subjectType}`, { defaultValue: a.subjectType }),
      a.subjectName ?? a.refs[a.subjectId] ?? '',
      describeAudit(t, a),
      a.action,
      a.actorId,
      a.subjectId,
    ]);
    const stamp = csvTimestamp(now()).replace(/[-: ]/g, '').slice(0, 12);
    const range = [filter.from, filter.to].filter(Boolean).join('_');
    downloadCsv(`${t('audit.exportFile')}${range ? `-${range}` : ''}-${stamp}.csv`, toCsv([header, ...body]));
    if (rows.length >= EXPORT_MAX && total > EXPORT_MAX) notify('info', t('audit.exportCapped', { max: formatNumber(EXPORT_MAX) }));
    else notify('success', t('audit.exported', { n: formatNumber(rows.length) }));
  }

  const filtered = filter.action !== '' || filter.from !== '' || filter.to !== '';
  const n = (v: number) => formatNumber(v);

  return (
    <Page>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />

      <Card>
        <FieldRow>
          <Field label={t('audit.filterAction')}>
            <Select value={filter.action} data-testid="audit-action" onChange={(e) => change({ action: e.target.value })}>
              <option value="">{t('audit.allActions')}</option>
              {[...seenActions].map((a) => (
                <option key={a} value={a}>
                  {actionText(t, a)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('audit.filterFrom')}>
            <DatePicker value={filter.from} max={filter.to || undefined} testId="audit-from" onChange={(v) => change({ from: v })} />
          </Field>
          <Field label={t('audit.filterTo')}>
            <DatePicker value={filter.to} min={filter.from || undefined} testId="audit-to" onChange={(v) => change({ to: v })} />
          </Field>
          <ButtonRow end>
            {filtered && (
              <Button variant="link" onClick={() => change(NO_FILTER)}>
                {t('audit.clearFilters')}
              </Button>
            )}
            <Button onClick={() => setReload((x) => x + 1)}>
              {t('audit.refresh')}
            </Button>
            <Button
              variant="primary"
              data-testid="audit-export"
              disabled={exporting !== null || query === null || (data.state === 'ready' && data.total === 0)}
              onClick={() => void exportCsv()}
            >
              {exporting !== null ? t('audit.exporting', { n: n(exporting) }) : t('audit.export')}
            </Button>
          </ButtonRow>
        </FieldRow>
        {query === null && (
          <FieldMessage tone="error" role="alert">
            {t('audit.dateOrder')}
          </FieldMessage>
        )}
      </Card>

      {data.state === 'error' && (
        <ErrorNotice error={data.error}>
          <Button size="small" onClick={() => setReload((x) => x + 1)}>
            {t('common.retry')}
          </Button>
        </ErrorNotice>
      )}
      {data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {data.state === 'ready' && query !== null && (
        <Card>
          {data.rows.length === 0 ? (
            <p className="muted" data-testid="audit-empty">
              {t('audit.noRows')}
            </p>
          ) : (
            <Table data-testid="audit-table">
              <thead>
                <tr>
                  <th>{t('audit.colTime')}</th>
                  <th>{t('audit.colActor')}</th>
                  <th>{t('audit.colAction')}</th>
                  <th>{t('audit.colSubject')}</th>
                  <th>{t('audit.colDetails')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((a) => (
                  <tr key={a.id} data-testid="audit-row">
                    <td className="nowrap">{formatDateTime(a.at, true)}</td>
                    <td className="nowrap">{a.actorName ?? <span className="muted">{t('common.unknownUser')}</span>}</td>
                    <td>
                      <Badge title={a.action}>
                        {actionText(t, a.action)}
                      </Badge>
                    </td>
                    <td>
                      {a.subjectName ?? a.refs[a.subjectId] ?? (
                        <span className="muted" title={a.subjectId}>
                          {t(`audit.subjectTypes.${a.subjectType}`, { defaultValue: a.subjectType })} {a.subjectId.slice(0, 8)}
                        </span>
                      )}
                    </td>
                    <td className="small" data-testid="audit-details">
                      {describeAudit(t, a) || <span className="muted">{t('common.none')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {data.total > 0 && (
            <Pager
              rangeTestId="audit-range"
              range={t('common.range', {
                from: n(Math.min(offset + 1, data.total)),
                to: n(Math.min(offset + data.rows.length, data.total)),
                total: n(data.total),
              })}
            >
              <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('common.prev')}
              </Button>
              <Button
                size="small"
                disabled={offset + PAGE >= data.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('common.next')}
              </Button>
            </Pager>
          )}
        </Card>
      )}
    </Page>
  );
}
