import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComplaintsReport, SlaCounts } from '../../../core/contract/views-reports';
import { topN } from '../../../core/reports/figures';
import { ChartCard, type Column } from './ChartCard';
import { countAxis, COUNT_TICKS, CountRateChart, dateAxis, MARGIN, nameAxis, ROW_MARGIN } from './charts';
import { AXIS, COUNTS, GRID, num, OTHER_COLOR, PALETTE, pct, SectionHead, Stat, Stats, useDuration, yuan, yuanPlain } from './kit';
import { tooltipFormatter, type SectionProps } from './shared';

/*
 * Complaints: which categories users report most and how that moves week by week, how quickly the team
 * answers and resolves them (SLA attainment and medians in business time), and what compensation cost.
 */

const TREND_CATEGORIES = 5;
const REST = '__rest';

export function ComplaintsSection({ report: r, files, filtered }: SectionProps<ComplaintsReport>) {
  const { t, i18n } = useTranslation('reports');
  const duration = useDuration();
  const emptyText = filtered ? t('empty.filtered') : t('empty.plain');
  const labels = new Map(r.categoryLabels.map((c) => [c.key, i18n.language === 'en' ? c.en : c.zh]));
  const categoryName = (key: string) => (key === REST ? t('complaints.otherCategories') : (labels.get(key) ?? key));
  const noTickets = r.totals.tickets === 0;

  // The trend draws the five biggest categories and folds the rest; the table keeps every one.
  const { top } = topN(r.categories.map((c) => ({ key: c.category, count: c.tickets })), TREND_CATEGORIES);
  const topKeys = new Set(top.map((c) => c.key));
  const stacked = r.byWeek.map((w) => {
    const row: Record<string, string | number> = { week: w.week, [REST]: 0 };
    for (const k of topKeys) row[k] = 0;
    for (const x of r.categoryWeeks) {
      if (x.week !== w.week) continue;
      const k = topKeys.has(x.category) ? x.category : REST;
      row[k] = (row[k] as number) + x.tickets;
    }
    return row;
  });
  const hasRest = r.categories.length > TREND_CATEGORIES;
  type PivotRow = { week: string; counts: Map<string, number> };
  const pivot: PivotRow[] = r.byWeek.map((w) => ({ week: w.week, counts: new Map(r.categoryWeeks.filter((x) => x.week === w.week).map((x) => [x.category, x.tickets])) }));
  const pivotCols: Column<PivotRow>[] = [
    { key: 'week', label: t('col.week'), value: (x) => x.week },
    ...r.categories.map((c) => ({ key: c.category, label: categoryName(c.category), num: true, value: (x: PivotRow) => x.counts.get(c.category) ?? 0 })),
  ];

  const slaCols = <R extends SlaCounts>(): Column<R>[] => [
    { key: 'tickets', label: t('col.tickets'), num: true, value: (x) => x.tickets },
    { key: 'frDone', label: t('col.frDone'), num: true, value: (x) => x.firstResponseDone },
    { key: 'frMet', label: t('col.frMet'), num: true, value: (x) => x.firstResponseMet },
    { key: 'frPct', label: t('col.frPct'), num: true, percent: true, value: (x) => x.firstResponsePct, show: (x) => pct(x.firstResponsePct) },
    { key: 'resDone', label: t('col.resDone'), num: true, value: (x) => x.resolutionDone },
    { key: 'resMet', label: t('col.resMet'), num: true, value: (x) => x.resolutionMet },
    { key: 'resPct', label: t('col.resPct'), num: true, percent: true, value: (x) => x.resolutionPct, show: (x) => pct(x.resolutionPct) },
    { key: 'frMedian', label: t('col.frMedian'), num: true, value: (x) => round1(x.medianFirstResponseMinutes), show: (x) => duration(x.medianFirstResponseMinutes) },
    { key: 'resMedian', label: t('col.resMedian'), num: true, value: (x) => round1(x.medianResolutionMinutes), show: (x) => duration(x.medianResolutionMinutes) },
  ];
  type CategoryRow = ComplaintsReport['categories'][number];
  const categoryCols: Column<CategoryRow>[] = [
    { key: 'category', label: t('col.category'), value: (x) => categoryName(x.category) },
    ...slaCols<CategoryRow>().slice(0, 1),
    { key: 'share', label: t('col.share'), num: true, percent: true, value: (x) => x.share, show: (x) => pct(x.share) },
    ...slaCols<CategoryRow>().slice(1),
  ];
  type WeekRow = ComplaintsReport['byWeek'][number];
  const weekCols: Column<WeekRow>[] = [{ key: 'week', label: t('col.week'), value: (x) => x.week }, ...slaCols<WeekRow>()];
  type VoucherRow = ComplaintsReport['vouchers'][number];
  const voucherCols: Column<VoucherRow>[] = [
    { key: 'reason', label: t('col.voucherReason'), value: (x) => t(`voucherReason.${x.reasonCode}`, { defaultValue: x.reasonCode }) },
    { key: 'issued', label: t('col.issued'), num: true, value: (x) => x.issued },
    { key: 'voided', label: t('col.voided'), num: true, value: (x) => x.voided },
    { key: 'spend', label: t('col.spendYuan'), num: true, value: (x) => yuanPlain(x.spendFen), show: (x) => yuan(x.spendFen) },
  ];
  const hours = (m: number | null) => (m === null ? null : Math.round((m / 60) * 10) / 10);
  const medians = r.byWeek.map((w) => ({ week: w.week, fr: hours(w.medianFirstResponseMinutes), res: hours(w.medianResolutionMinutes) }));
  const noClocks = r.totals.firstResponseDone === 0 && r.totals.resolutionDone === 0;

  return (
    <section className="rp-section" data-testid="rp-complaints" aria-labelledby="rp-complaints-title">
      <SectionHead id="complaints" title={t('sections.complaints')} />
      <Stats testId="rp-complaints-stats">
        <Stat label={t('stat.tickets')} value={num(r.totals.tickets)} testId="rp-stat-tickets" />
        <Stat label={t('stat.frPct')} value={pct(r.totals.firstResponsePct)} formula={t('formula.frPct')} testId="rp-stat-fr" tone="key" />
        <Stat label={t('stat.resPct')} value={pct(r.totals.resolutionPct)} formula={t('formula.resPct')} testId="rp-stat-res" tone="key" />
        <Stat label={t('stat.frMedian')} value={duration(r.totals.medianFirstResponseMinutes)} formula={t('formula.median')} testId="rp-stat-fr-median" />
        <Stat label={t('stat.resMedian')} value={duration(r.totals.medianResolutionMinutes)} formula={t('formula.median')} testId="rp-stat-res-median" />
        <Stat label={t('stat.vouchers')} value={num(r.totals.vouchersIssued)} testId="rp-stat-vouchers" />
        <Stat label={t('stat.spend')} value={yuan(r.totals.spendFen)} formula={t('formula.spend')} testId="rp-stat-spend" />
      </Stats>

      <div className="rp-grid">
        <ChartCard
          id="categories"
          title={t('complaints.top')}
          rows={r.categories}
          columns={categoryCols}
          empty={noTickets}
          emptyText={emptyText}
          fileName={files('complaints-categories')}
          chart={() => (
            <ResponsiveContainer width="100%" height={Math.max(180, 40 + Math.min(10, r.categories.length) * 30)}>
              <BarChart data={r.categories.slice(0, 10).map((c) => ({ ...c, name: categoryName(c.category) }))} layout="vertical" margin={ROW_MARGIN}>
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis type="number" {...COUNT_TICKS} />
                <YAxis type="category" dataKey="name" tick={AXIS} width={96} />
                <Tooltip formatter={tooltipFormatter(['share'])} />
                <Bar dataKey="tickets" name={t('col.tickets')} fill="var(--danger)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        />

        <ChartCard
          id="category-trend"
          title={t('complaints.trend')}
          hint={t('complaints.trendHint')}
          rows={pivot}
          columns={pivotCols}
          empty={noTickets}
          emptyText={emptyText}
          fileName={files('complaints-category-weeks')}
          footnote={t('notes.weeksPartial')}
          chart={() => (
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={stacked} margin={MARGIN}>
                <CartesianGrid stroke={GRID} vertical={false} />
                {dateAxis('week', 12)}
                {countAxis()}
                <Tooltip formatter={tooltipFormatter([])} />
                <Legend />
                {top.map((c, i) => (
                  <Bar key={c.key} dataKey={c.key} stackId="c" name={categoryName(c.key)} fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
                ))}
                {hasRest && <Bar dataKey={REST} stackId="c" name={categoryName(REST)} fill={OTHER_COLOR} isAnimationActive={false} />}
              </BarChart>
            </ResponsiveContainer>
          )}
        />

        <ChartCard
          id="sla"
          title={t('complaints.sla')}
          hint={t('complaints.slaHint')}
          rows={r.byWeek}
          columns={weekCols}
          empty={noClocks}
          emptyText={emptyText}
          fileName={files('complaints-sla-weekly')}
          chart={() => (
            <CountRateChart
              data={r.byWeek}
              x={{ key: 'week', dateGap: 12 }}
              bars={[{ key: 'tickets', name: t('col.tickets'), color: 'var(--chart-mist)' }]}
              lines={[
                { key: 'firstResponsePct', name: t('col.frPct'), color: 'var(--primary)', connectNulls: true },
                { key: 'resolutionPct', name: t('col.resPct'), color: 'var(--chart-green)', connectNulls: true },
              ]}
              format={tooltipFormatter(['firstResponsePct', 'resolutionPct'])}
              height={240}
            />
          )}
        />

        <ChartCard
          id="medians"
          title={t('complaints.medians')}
          hint={t('formula.median')}
          rows={r.byWeek}
          columns={[{ key: 'week', label: t('col.week'), value: (x: WeekRow) => x.week }, ...slaCols<WeekRow>().slice(7)]}
          empty={noClocks}
          emptyText={emptyText}
          fileName={files('complaints-medians-weekly')}
          chart={() => (
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={medians} margin={MARGIN}>
                <CartesianGrid stroke={GRID} vertical={false} />
                {dateAxis('week', 12)}
                <YAxis tick={AXIS} width={44} domain={COUNTS} niceTicks="snap125" tickFormatter={(v: number) => `${v}h`} />
                <Tooltip formatter={(v) => (v === null || v === undefined ? '—' : `${String(v)} h`)} />
                <Legend />
                <Line dataKey="fr" name={t('stat.frMedian')} stroke="var(--primary)" strokeWidth={2} connectNulls isAnimationActive={false} />
                <Line dataKey="res" name={t('stat.resMedian')} stroke="var(--chart-violet)" strokeWidth={2} connectNulls isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          )}
        />

        <ChartCard
          id="vouchers"
          wide
          title={t('complaints.vouchers')}
          hint={t('complaints.vouchersHint')}
          rows={r.vouchers}
          columns={voucherCols}
          empty={r.vouchers.length === 0}
          emptyText={emptyText}
          fileName={files('complaints-vouchers')}
          footnote={t('formula.spend')}
          chart={() => (
            <ResponsiveContainer width="100%" height={220}>
              <ComposedChart data={r.vouchers.map((v) => ({ ...v, name: t(`voucherReason.${v.reasonCode}`, { defaultValue: v.reasonCode }), spend: v.spendFen / 100 }))} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                <CartesianGrid stroke={GRID} vertical={false} />
                {nameAxis()}
                <YAxis yAxisId="y" tick={AXIS} width={64} domain={COUNTS} niceTicks="snap125" tickFormatter={(v: number) => `¥${v}`} />
                <YAxis yAxisId="n" orientation="right" {...COUNT_TICKS} width={36} />
                <Tooltip formatter={(v, _n, item) => (item.dataKey === 'spend' ? yuan(Math.round(Number(v) * 100)) : num(Number(v)))} />
                <Legend />
                <Bar yAxisId="y" dataKey="spend" name={t('col.spend')} fill="var(--chart-amber)" isAnimationActive={false} />
                <Line yAxisId="n" dataKey="issued" name={t('col.issued')} stroke="var(--text)" strokeWidth={0} dot={{ r: 4, fill: 'var(--text)', strokeWidth: 0 }} legendType="circle" isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          )}
        />
      </div>
    </section>
  );
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
