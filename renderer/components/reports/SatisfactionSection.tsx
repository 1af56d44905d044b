import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SatisfactionReport, ScoreCounts } from '../../../core/contract/views-reports';
import type { Reason } from '../../../core/domain/model';
import { OTHER } from '../../../core/questionnaire/model';
import { ChartCard, type Column } from './ChartCard';
import { countAxis, COUNT_TICKS, CountRateChart, dateAxis, MARGIN, nameAxis } from './charts';
import { AXIS, GRID, num, pct, REASON_COLOR, SectionHead, signed, Stat, Stats } from './kit';
import { tooltipFormatter, type SectionProps } from './shared';
import { Select } from '../../ui';

/*
 * Satisfaction: CSAT and NPS by week (one line per questionnaire purpose), the response rate by week,
 * the scores per purpose, and the answers to one chosen question across every version of it.
 */

type Metric = 'csat' | 'nps';
type Question = NonNullable<SatisfactionReport['question']>;
type TrendRow = ScoreCounts & { week: string; purpose: Reason | null };

const OVERALL = '__all';

export function SatisfactionSection({
  report: r,
  files,
  filtered,
  onQuestion,
}: SectionProps<SatisfactionReport> & { onQuestion: (key: string) => void }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const [metric, setMetric] = useState<Metric>('csat');
  const emptyText = filtered ? t('empty.filtered') : t('empty.plain');
  const purposeName = (p: Reason | null) => (p ? tc(`reason.${p}`) : t('satisfaction.overall'));
  const noScores = r.totals.csatAnswers === 0 && r.totals.npsAnswers === 0;

  // One row per week, one column per purpose (and the overall), for the lines.
  const answered = (x: ScoreCounts) => (metric === 'csat' ? x.csatAnswers : x.npsAnswers) > 0;
  const purposes = [...new Set(r.byWeekPurpose.filter(answered).map((x) => x.purpose))];
  const lines = r.byWeek.map((w) => {
    const row: Record<string, string | number | null> = { week: w.week, [OVERALL]: w[metric] };
    for (const x of r.byWeekPurpose) if (x.week === w.week) row[x.purpose] = x[metric];
    return row;
  });
  const trendRows: TrendRow[] = r.byWeek.flatMap((w) => [
    { ...w, purpose: null },
    ...r.byWeekPurpose.filter((x) => x.week === w.week),
  ]);
  const scoreCols = <R extends ScoreCounts>(): Column<R>[] => [
    { key: 'csat', label: t('col.csat'), num: true, percent: true, value: (x) => x.csat, show: (x) => pct(x.csat) },
    { key: 'csatAnswers', label: t('col.csatN'), num: true, value: (x) => x.csatAnswers },
    { key: 'nps', label: t('col.nps'), num: true, value: (x) => x.nps, show: (x) => signed(x.nps) },
    { key: 'npsAnswers', label: t('col.npsN'), num: true, value: (x) => x.npsAnswers },
    { key: 'promoters', label: t('col.promoters'), num: true, value: (x) => x.promoters },
    { key: 'detractors', label: t('col.detractors'), num: true, value: (x) => x.detractors },
  ];
  const trendCols: Column<TrendRow>[] = [
    { key: 'week', label: t('col.week'), value: (x) => x.week },
    { key: 'purpose', label: t('col.purpose'), value: (x) => purposeName(x.purpose) },
    ...scoreCols<TrendRow>(),
  ];
  type Week = SatisfactionReport['byWeek'][number];
  const responseCols: Column<Week>[] = [
    { key: 'week', label: t('col.week'), value: (x) => x.week },
    { key: 'reached', label: t('col.reached'), num: true, value: (x) => x.reached },
    { key: 'started', label: t('col.started'), num: true, value: (x) => x.started },
    { key: 'completed', label: t('col.completedSurveys'), num: true, value: (x) => x.completed },
    { key: 'responseRate', label: t('col.responseRate'), num: true, percent: true, value: (x) => x.responseRate, show: (x) => pct(x.responseRate) },
  ];
  type PurposeRow = SatisfactionReport['byPurpose'][number];
  const purposeCols: Column<PurposeRow>[] = [
    { key: 'purpose', label: t('col.purpose'), value: (x) => purposeName(x.purpose) },
    { key: 'started', label: t('col.started'), num: true, value: (x) => x.started },
    ...scoreCols<PurposeRow>(),
  ];
  const axisMin = metric === 'nps' ? -100 : 0;
  const format = tooltipFormatter(['csat', 'responseRate', 'share', ...(metric === 'csat' ? [OVERALL, ...purposes] : [])], metric === 'nps' ? [OVERALL, ...purposes, 'nps'] : ['nps']);

  return (
    <section className="rp-section" data-testid="rp-satisfaction" aria-labelledby="rp-satisfaction-title">
      <SectionHead id="satisfaction" title={t('sections.satisfaction')} />
      <Stats testId="rp-satisfaction-stats">
        <Stat label={t('stat.csat')} value={pct(r.totals.csat)} formula={t('formula.csat')} testId="rp-stat-csat" tone="key" />
        <Stat label={t('stat.nps')} value={signed(r.totals.nps)} formula={t('formula.nps')} testId="rp-stat-nps" tone="key" />
        <Stat label={t('stat.responseRate')} value={pct(r.totals.responseRate)} formula={t('formula.responseRate')} testId="rp-stat-response" />
        <Stat label={t('stat.completionRateSurvey')} value={pct(r.totals.completionRate)} formula={t('formula.completionRateSurvey')} testId="rp-stat-survey-completion" />
        <Stat label={t('stat.questionnaires')} value={num(r.totals.started)} testId="rp-stat-questionnaires" />
      </Stats>
      {r.totals.responseRate !== null && r.totals.responseRate > 100 && <p className="small muted rp-note">{t('notes.overHundred')}</p>}

      <div className="rp-grid">
        <ChartCard
          id="score-trend"
          wide
          title={t('satisfaction.trend')}
          hint={t('satisfaction.trendHint')}
          rows={trendRows}
          columns={trendCols}
          empty={noScores}
          emptyText={emptyText}
          fileName={files('satisfaction-weekly')}
          footnote={t('notes.weeksPartial')}
          controls={
            <div className="rp-toggle" role="group" aria-label={t('satisfaction.metric')}>
              {(['csat', 'nps'] as const).map((m) => (
                <button key={m} type="button" className={metric === m ? 'on' : ''} aria-pressed={metric === m} data-testid={`rp-metric-${m}`} onClick={() => setMetric(m)}>
                  {t(`stat.${m}`)}
                </button>
              ))}
            </div>
          }
          chart={() => (
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={lines} margin={MARGIN}>
                <CartesianGrid stroke={GRID} vertical={false} />
                {dateAxis('week', 16)}
                <YAxis domain={[axisMin, 100]} tickFormatter={(v: number) => (metric === 'csat' ? `${v}%` : String(v))} tick={AXIS} width={44} />
                {metric === 'nps' && <ReferenceLine y={0} stroke="var(--line-strong)" />}
                <Tooltip formatter={format} />
                <Legend />
                <Line dataKey={OVERALL} name={t('satisfaction.overall')} stroke="var(--text)" strokeWidth={2.5} connectNulls isAnimationActive={false} />
                {purposes.map((p) => (
                  <Line key={p} dataKey={p} name={purposeName(p)} stroke={REASON_COLOR[p]} strokeWidth={1.5} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          )}
        />

        <ChartCard
          id="response"
          title={t('satisfaction.response')}
          hint={t('satisfaction.responseHint')}
          rows={r.byWeek}
          columns={responseCols}
          empty={r.totals.started === 0}
          emptyText={r.totals.reached > 0 ? t('satisfaction.noneStarted', { reached: num(r.totals.reached) }) : emptyText}
          fileName={files('satisfaction-response')}
          chart={() => (
            <CountRateChart
              data={r.byWeek}
              x={{ key: 'week', dateGap: 12 }}
              bars={[{ key: 'started', name: t('col.started'), color: 'var(--primary-line)' }]}
              lines={[{ key: 'responseRate', name: t('col.responseRate'), color: 'var(--primary)', connectNulls: true }]}
              format={format}
              height={240}
            />
          )}
        />

        <ChartCard
          id="purposes"
          title={t('satisfaction.byPurpose')}
          rows={r.byPurpose}
          columns={purposeCols}
          empty={noScores}
          emptyText={emptyText}
          fileName={files('satisfaction-by-purpose')}
          chart={() => (
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={r.byPurpose.map((x) => ({ ...x, name: purposeName(x.purpose) }))} margin={MARGIN}>
                <CartesianGrid stroke={GRID} vertical={false} />
                {nameAxis()}
                <YAxis domain={[-100, 100]} tick={AXIS} width={44} />
                <ReferenceLine y={0} stroke="var(--line-strong)" />
                <Tooltip formatter={tooltipFormatter(['csat'], ['nps'])} />
                <Legend />
                <Bar dataKey="csat" name="CSAT %" fill="var(--primary)" isAnimationActive={false} />
                <Bar dataKey="nps" name="NPS" fill="var(--chart-green)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        />

        <QuestionCard report={r} files={files} emptyText={r.questions.length === 0 ? t('satisfaction.noQuestions') : emptyText} onQuestion={onQuestion} />
      </div>
    </section>
  );
}

function QuestionCard({ report: r, files, emptyText, onQuestion }: { report: SatisfactionReport; files: (c: string) => string; emptyText: string; onQuestion: (key: string) => void }) {
  const { t } = useTranslation('reports');
  const q = r.question;
  const textQuestion = q !== null && (q.type === 'short_text' || q.type === 'long_text');
  const label = (c: Question['counts'][number]) => {
    if (q?.type === 'yes_no') return c.value === 'true' ? t('satisfaction.yes') : t('satisfaction.no');
    if (c.value === OTHER) return t('satisfaction.other');
    return c.label;
  };
  const rows = q ? q.counts.map((c) => ({ ...c, name: label(c), share: q.answers ? Math.round((c.count / q.answers) * 1000) / 10 : null })) : [];
  type Row = (typeof rows)[number];
  const cols: Column<Row>[] = [
    { key: 'value', label: t('col.value'), value: (x) => x.name },
    { key: 'count', label: t('col.answers'), num: true, value: (x) => x.count },
    { key: 'share', label: t('col.share'), num: true, percent: true, value: (x) => x.share, show: (x) => pct(x.share) },
  ];
  const scale = q?.type === 'rating' || q?.type === 'nps';
  const band = (v: string) => {
    const n = Number(v);
    if (q?.type === 'rating') return n >= 4 ? 'var(--chart-green)' : n === 3 ? 'var(--chart-amber)' : 'var(--danger)';
    return n >= 9 ? 'var(--chart-green)' : n >= 7 ? 'var(--chart-amber)' : 'var(--danger)';
  };
  const picker = r.questions.length > 0 && (
    <label className="rp-picker">
      <span className="ui-visually-hidden">{t('satisfaction.question')}</span>
      <Select value={q?.key ?? ''} data-testid="rp-question" onChange={(e) => onQuestion(e.target.value)}>
        {r.questions.map((x) => (
          <option key={x.key} value={x.key}>
            {x.text.length > 28 ? `${x.text.slice(0, 27)}…` : x.text} ({x.key})
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <ChartCard
      id="question"
      wide
      title={t('satisfaction.distribution')}
      hint={q ? q.text : t('satisfaction.distributionHint')}
      rows={rows}
      columns={cols}
      empty={q === null || q.answers === 0}
      emptyText={emptyText}
      fileName={files(`satisfaction-question-${q?.key ?? 'none'}`)}
      controls={picker}
      footnote={
        q && (
          <>
            {t('satisfaction.distributionHint')}
            {q.type === 'multi' && ` ${t('satisfaction.multiNote')}`}
            {q.omitted > 0 && ` ${t('satisfaction.omitted', { n: q.omitted })}`}
          </>
        )
      }
      chart={() =>
        textQuestion ? (
          <p className="rp-text-note">{t('satisfaction.textAnswers', { n: q!.answers })}</p>
        ) : (
          <ResponsiveContainer width="100%" height={scale ? 240 : Math.max(160, 40 + rows.length * 30)}>
            <BarChart data={rows} layout={scale ? 'horizontal' : 'vertical'} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID} vertical={!scale} horizontal={scale} />
              {scale ? nameAxis() : <XAxis type="number" {...COUNT_TICKS} />}
              {scale ? countAxis() : <YAxis type="category" dataKey="name" tick={AXIS} width={120} />}
              <Tooltip formatter={tooltipFormatter(['share'])} />
              <Bar dataKey="count" name={t('col.answers')} fill="var(--primary)" isAnimationActive={false}>
                {scale && rows.map((x) => <Cell key={x.value} fill={band(x.value)} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )
      }
    />
  );
}
