import { useTranslation } from 'react-i18next';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CallbacksReport, OutcomesReport } from '../../../core/contract/views-reports';
import { ChartCard, type Column } from './ChartCard';
import { countAxis, COUNT_TICKS, CountRateChart, dateAxis, MARGIN, ROW_MARGIN, type RateSeries, type Series } from './charts';
import { AXIS, DISPOSITION_COLOR, GRID, num, pct, SectionHead, Stat, Stats } from './kit';
import { tooltipFormatter, type SectionProps } from './shared';

/*
 * Callback outcomes: calls and contacts per day, what the calls ended in, by reason and by team member
 * (reports.outcomes); closures and completion, and the backlog (open callbacks, and how many overdue)
 * at each day's end (reports.callbacks).
 */

type Day = OutcomesReport['byDay'][number];
type CbDay = CallbacksReport['byDay'][number];
type ReasonRow = OutcomesReport['byReason'][number];
type CbReasonRow = CallbacksReport['byReason'][number];
type AgentRow = OutcomesReport['byAgent'][number];
type DispositionRow = OutcomesReport['dispositions'][number];

export function OutcomesSection({ report: { calls: r, callbacks: cb }, files, filtered, agentFiltered }: SectionProps<{ calls: OutcomesReport; callbacks: CallbacksReport }>) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const emptyText = filtered ? t('empty.filtered') : t('empty.plain');
  const noCalls = r.totals.attempts === 0;
  const shown = cb.byDay.filter((d) => d.backlog !== null);
  const noBacklog = shown.every((d) => d.backlog === 0);
  const reasonName = (row: { reason: string }) => tc(`reason.${row.reason}`);
  const agentName = (row: AgentRow) => row.name ?? t('unknownUser');

  const rateCols = <R extends { attempts: number; reached: number; contactRate: number | null }>(): Column<R>[] => [
    { key: 'attempts', label: t('col.attempts'), num: true, value: (x) => x.attempts },
    { key: 'reached', label: t('col.reached'), num: true, value: (x) => x.reached },
    { key: 'contactRate', label: t('col.contactRate'), num: true, percent: true, value: (x) => x.contactRate, show: (x) => pct(x.contactRate) },
  ];
  const closeCols = <R extends { closed: number; completed: number; completionRate: number | null }>(): Column<R>[] => [
    { key: 'closed', label: t('col.closed'), num: true, value: (x) => x.closed },
    { key: 'completed', label: t('col.completed'), num: true, value: (x) => x.completed },
    { key: 'completionRate', label: t('col.completionRate'), num: true, percent: true, value: (x) => x.completionRate, show: (x) => pct(x.completionRate) },
  ];
  const dayCols: Column<Day>[] = [{ key: 'date', label: t('col.date'), value: (d) => d.date }, ...rateCols<Day>()];
  const closureCols: Column<CbDay>[] = [{ key: 'date', label: t('col.date'), value: (d) => d.date }, ...closeCols<CbDay>()];
  const backlogCols: Column<CbDay>[] = [
    { key: 'date', label: t('col.date'), value: (d) => d.date },
    { key: 'backlog', label: t('col.backlog'), num: true, value: (d) => d.backlog },
    { key: 'overdue', label: t('col.overdue'), num: true, value: (d) => d.overdue },
  ];
  const dispositionCols: Column<DispositionRow>[] = [
    { key: 'disposition', label: t('col.disposition'), value: (d) => tc(`disposition.${d.disposition}`) },
    { key: 'count', label: t('col.count'), num: true, value: (d) => d.count },
    { key: 'share', label: t('col.share'), num: true, percent: true, value: (d) => d.share, show: (d) => pct(d.share) },
  ];
  const reasonCols: Column<ReasonRow>[] = [{ key: 'reason', label: t('col.reason'), value: reasonName }, ...rateCols<ReasonRow>()];
  const cbReasonCols: Column<CbReasonRow>[] = [{ key: 'reason', label: t('col.reason'), value: reasonName }, ...closeCols<CbReasonRow>()];
  const agentCols: Column<AgentRow>[] = [{ key: 'agent', label: t('col.agent'), value: agentName }, ...rateCols<AgentRow>()];

  const reachBars: Series[] = [
    { key: 'reached', name: t('outcomes.reachedSeries'), color: 'var(--chart-green)' },
    { key: 'notReached', name: t('outcomes.notReachedSeries'), color: 'var(--chart-silver)' },
  ];
  const closeBars: Series[] = [
    { key: 'completed', name: t('col.completed'), color: 'var(--chart-green)' },
    { key: 'other', name: t('outcomes.closedOther'), color: 'var(--chart-sand)' },
  ];
  const contactLine: RateSeries = { key: 'contactRate', name: t('col.contactRate'), color: 'var(--primary)' };
  const completionLine: RateSeries = { key: 'completionRate', name: t('col.completionRate'), color: 'var(--text)' };
  const withMiss = <R extends { attempts: number; reached: number }>(rows: readonly R[]) => rows.map((x) => ({ ...x, notReached: x.attempts - x.reached }));
  const format = tooltipFormatter(['contactRate', 'completionRate', 'share']);

  return (
    <section className="rp-section" data-testid="rp-outcomes" aria-labelledby="rp-outcomes-title">
      <SectionHead id="outcomes" title={t('sections.outcomes')} />
      <Stats testId="rp-outcomes-stats">
        <Stat label={t('stat.attempts')} value={num(r.totals.attempts)} testId="rp-stat-attempts" />
        <Stat label={t('stat.contactRate')} value={pct(r.totals.contactRate)} formula={t('formula.contactRate')} testId="rp-stat-contact" tone="key" />
        <Stat label={t('stat.closed')} value={num(cb.totals.closed)} testId="rp-stat-closed" />
        <Stat label={t('stat.completionRate')} value={pct(cb.totals.completionRate)} formula={t('formula.completionRate')} testId="rp-stat-completion" tone="key" />
        <Stat label={t('stat.backlog')} value={num(cb.totals.backlog)} formula={t('formula.backlog')} testId="rp-stat-backlog" />
        <Stat label={t('stat.overdue')} value={num(cb.totals.overdue)} formula={t('formula.overdue')} testId="rp-stat-overdue" tone={cb.totals.overdue ? 'warn' : undefined} />
      </Stats>
      {agentFiltered && <p className="small muted rp-note">{t('notes.agentNotApplied')}</p>}

      <div className="rp-grid">
        <ChartCard
          id="daily"
          wide
          title={t('outcomes.daily')}
          hint={t('outcomes.dailyHint')}
          rows={r.byDay}
          columns={dayCols}
          empty={noCalls}
          emptyText={emptyText}
          fileName={files('outcomes-daily')}
          chart={() => (
            <CountRateChart
              data={withMiss(r.byDay)}
              x={{ key: 'date', dateGap: 16 }}
              bars={reachBars}
              stacked
              lines={[{ ...contactLine, dot: false, connectNulls: true }]}
              format={format}
              labelFormatter={(d) => String(d)}
            />
          )}
        />

        <ChartCard
          id="dispositions"
          title={t('outcomes.dispositions')}
          rows={r.dispositions}
          columns={dispositionCols}
          empty={noCalls}
          emptyText={emptyText}
          fileName={files('outcomes-dispositions')}
          chart={() => (
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={r.dispositions.map((d) => ({ ...d, name: tc(`disposition.${d.disposition}`) }))} layout="vertical" margin={ROW_MARGIN}>
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis type="number" {...COUNT_TICKS} />
                <YAxis type="category" dataKey="name" tick={AXIS} width={76} />
                <Tooltip formatter={format} />
                <Bar dataKey="count" name={t('col.count')} isAnimationActive={false}>
                  {r.dispositions.map((d) => (
                    <Cell key={d.disposition} fill={DISPOSITION_COLOR[d.disposition]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        />

        <ChartCard
          id="reasons"
          title={t('outcomes.byReason')}
          rows={r.byReason}
          columns={reasonCols}
          empty={noCalls}
          emptyText={emptyText}
          fileName={files('outcomes-by-reason')}
          chart={() => (
            <CountRateChart
              data={withMiss(r.byReason).map((x) => ({ ...x, name: reasonName(x) }))}
              x={{ key: 'name' }}
              bars={reachBars}
              stacked
              lines={[contactLine]}
              format={format}
            />
          )}
        />

        <ChartCard
          id="agents"
          title={t('outcomes.byAgent')}
          rows={r.byAgent}
          columns={agentCols}
          empty={r.byAgent.length === 0}
          emptyText={emptyText}
          fileName={files('outcomes-by-agent')}
          chart={() => (
            <ResponsiveContainer width="100%" height={Math.max(160, 44 + r.byAgent.length * 34)}>
              <BarChart data={withMiss(r.byAgent).map((x) => ({ ...x, name: agentName(x) }))} layout="vertical" margin={ROW_MARGIN}>
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis type="number" {...COUNT_TICKS} />
                <YAxis type="category" dataKey="name" tick={AXIS} width={76} />
                <Tooltip formatter={format} />
                <Legend />
                {reachBars.map((b) => (
                  <Bar key={b.key} dataKey={b.key} stackId="a" name={b.name} fill={b.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          )}
        />

        <ChartCard
          id="completion-reasons"
          title={t('outcomes.completionByReason')}
          rows={cb.byReason}
          columns={cbReasonCols}
          empty={cb.totals.closed === 0}
          emptyText={emptyText}
          fileName={files('callbacks-by-reason')}
          chart={() => (
            <CountRateChart
              data={cb.byReason.map((x) => ({ ...x, name: reasonName(x), other: x.closed - x.completed }))}
              x={{ key: 'name' }}
              bars={closeBars}
              stacked
              lines={[completionLine]}
              format={format}
            />
          )}
        />

        <ChartCard
          id="closures"
          wide
          title={t('outcomes.closures')}
          hint={t('outcomes.closuresHint')}
          rows={cb.byDay}
          columns={closureCols}
          empty={cb.totals.closed === 0}
          emptyText={emptyText}
          fileName={files('callbacks-closed-daily')}
          chart={() => (
            <CountRateChart
              data={cb.byDay.map((d) => ({ ...d, other: d.closed - d.completed }))}
              x={{ key: 'date', dateGap: 16 }}
              bars={closeBars}
              stacked
              lines={[{ ...completionLine, dot: false, connectNulls: true }]}
              format={format}
            />
          )}
        />

        <ChartCard
          id="backlog"
          wide
          title={t('outcomes.backlog')}
          hint={t('outcomes.backlogHint')}
          rows={shown}
          columns={backlogCols}
          empty={noBacklog}
          emptyText={emptyText}
          fileName={files('outcomes-backlog')}
          footnote={t('notes.dueCurrent')}
          chart={() => (
            <ResponsiveContainer width="100%" height={240}>
              <AreaChart data={shown} margin={MARGIN}>
                <CartesianGrid stroke={GRID} vertical={false} />
                {dateAxis('date', 16)}
                {countAxis()}
                <Tooltip formatter={format} />
                <Legend />
                <Area dataKey="backlog" name={t('col.backlog')} stroke="var(--primary)" fill="var(--primary-soft)" strokeWidth={2} isAnimationActive={false} />
                <Area dataKey="overdue" name={t('col.overdue')} stroke="var(--danger)" fill="var(--danger-soft)" strokeWidth={2} isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          )}
        />
      </div>
    </section>
  );
}
