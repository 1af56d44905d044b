import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { InputOf } from '../../core/contract/api';
import type { ApiError } from '../../core/contract/result';
import type { ScriptSummary, SurveyFigures } from '../../core/contract/views';
import { REASONS, type Reason } from '../../core/domain/model';
import { OTHER } from '../../core/questionnaire/model';
import { call } from '../api/client';
import { useStore } from '../store';
import { Tip } from '../components/Tooltip';
import { DateRangeFields, SelectField } from '../components/FilterFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { ZONE, beijingDayStart, formatNumber, now } from './admin/shared';
import '../styles/survey-report.css';
import { Button, ButtonRow, Card, FieldMessage, FieldRow, Page, PageHeader, Stat, Stats, Table } from '../ui';

/*
 * Survey figures: headline rates, one row per script version, and the answer distribution of every
 * question key across versions. Tables for now; the numbers come from reports.survey (core/metrics).
 * Dates are whole Beijing days; percentages are 0–100 with one decimal, null ("—") when nothing counts.
 */

const DAY_MS = 86_400_000;
/** Distinct values shown per question before the rest are summed up. */
const MAX_VALUES = 12;

interface Filter {
  purpose: '' | Reason;
  scriptId: string;
  version: string;
  agentId: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { purpose: '', scriptId: '', version: '', agentId: '', from: '', to: '' };

type Query = InputOf<'reports.survey'>;

/** The query for a filter; null when the dates are the wrong way round. `to` is inclusive here. */
function toQuery(f: Filter): Query | null {
  const from = f.from ? beijingDayStart(f.from) : null;
  const toStart = f.to ? beijingDayStart(f.to) : null;
  const to = toStart === null ? null : toStart + DAY_MS;
  if (from !== null && to !== null && from >= to) return null;
  return {
    ...(f.purpose ? { purpose: f.purpose } : {}),
    ...(f.scriptId ? { scriptId: f.scriptId } : {}),
    ...(f.scriptId && f.version ? { version: Number(f.version) } : {}),
    ...(f.agentId ? { agentId: f.agentId } : {}),
    ...(from !== null ? { from } : {}),
    ...(to !== null ? { to } : {}),
  };
}

type Data = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; figures: SurveyFigures };

const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}%`);
const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatNumber(v)}`);

export default function SurveyReportPage() {
  const { t } = useTranslation('survey');
  const { t: tc } = useTranslation();
  const users = useStore((s) => s.session?.users ?? []);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [scripts, setScripts] = useState<ScriptSummary[]>([]);
  const [data, setData] = useState<Data>({ state: 'loading' });
  const [reload, setReload] = useState(0);
  // Answers and scripts pulled from the team server re-read the figures.
  const pulled = useStore((s) => s.pulledVersion);

  useEffect(() => {
    let live = true;
    void call('scripts.list', {}).then((r) => {
      if (live && r.ok) setScripts(r.value);
    });
    return () => {
      live = false;
    };
  }, [reload, pulled]);

  const query = toQuery(filter);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    const q = JSON.parse(queryKey) as Query | null;
    if (q === null) return;
    let live = true;
    setData((d) => (d.state === 'ready' ? d : { state: 'loading' }));
    void call('reports.survey', q).then((r) => {
      if (live) setData(r.ok ? { state: 'ready', figures: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [queryKey, reload, pulled]);

  const change = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const shownScripts = scripts.filter((s) => !filter.purpose || s.purpose === filter.purpose);
  const script = scripts.find((s) => s.id === filter.scriptId) ?? null;
  const maxVersion = script ? (script.hasDraft ? script.latestVersion - 1 : script.latestVersion) : 0;
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  const today = DateTime.fromMillis(now(), { zone: ZONE }).toFormat('yyyy-MM-dd');
  const daysAgo = (n: number) => DateTime.fromMillis(now(), { zone: ZONE }).minus({ days: n }).toFormat('yyyy-MM-dd');
  const ranges: { id: string; from: string; to: string }[] = [
    { id: 'today', from: today, to: today },
    { id: 'd7', from: daysAgo(6), to: today },
    { id: 'd30', from: daysAgo(29), to: today },
    { id: 'all', from: '', to: '' },
  ];

  return (
    <Page data-testid="survey-report">
      <PageHeader title={t('report.title')} intro={t('report.intro')} />

      <Card>
        <FieldRow>
          <SelectField
            label={t('report.purpose')}
            value={filter.purpose}
            testId="survey-filter-purpose"
            allLabel={t('report.all')}
            options={REASONS.map((r) => ({ value: r, label: tc(`reason.${r}`) }))}
            onChange={(purpose) => {
              const keep = !script || !purpose || script.purpose === purpose;
              change({ purpose, ...(keep ? {} : { scriptId: '', version: '' }) });
            }}
          />
          <SelectField
            label={t('report.script')}
            value={filter.scriptId}
            testId="survey-filter-script"
            allLabel={t('report.all')}
            options={shownScripts.map((s) => ({ value: s.id, label: `${s.title}${s.retiredAt !== null ? ` · ${t('report.retired')}` : ''}` }))}
            onChange={(scriptId) => change({ scriptId, version: '' })}
          />
          <SelectField
            label={t('report.version')}
            value={filter.version}
            testId="survey-filter-version"
            disabled={!script || maxVersion < 1}
            title={script ? undefined : t('report.pickScriptFirst')}
            allLabel={t('report.allVersions')}
            options={Array.from({ length: Math.max(0, maxVersion) }, (_, i) => ({ value: String(i + 1), label: `v${i + 1}` }))}
            onChange={(version) => change({ version })}
          />
          <SelectField
            label={t('report.agent')}
            value={filter.agentId}
            testId="survey-filter-agent"
            allLabel={t('report.allAgents')}
            options={users.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(agentId) => change({ agentId })}
          />
          <DateRangeFields
            from={filter.from}
            to={filter.to}
            labels={{ from: t('report.from'), to: t('report.to') }}
            testIds={{ from: 'survey-filter-from', to: 'survey-filter-to' }}
            onChange={change}
          />
        </FieldRow>
        <div className="survey-filter-row">
          <div className="quick-ranges" role="group" aria-label={t('report.quickRange')}>
            {ranges.map((r) => {
              const on = filter.from === r.from && filter.to === r.to;
              return (
                <Button
                  key={r.id}
                  size="small"
                  className={on ? 'quick-range on' : 'quick-range'}
                  aria-pressed={on}
                  data-testid={`survey-range-${r.id}`}
                  onClick={() => change({ from: r.from, to: r.to })}
                >
                  {t(`report.ranges.${r.id}`)}
                </Button>
              );
            })}
            <span className="muted small">{t('report.beijingDays')}</span>
          </div>
          <ButtonRow end>
            {filtered && (
              <Button variant="link" onClick={() => setFilter(NO_FILTER)}>
                {t('report.clear')}
              </Button>
            )}
            <Button onClick={() => setReload((x) => x + 1)}>
              {t('report.refresh')}
            </Button>
          </ButtonRow>
        </div>
        {query === null && (
          <FieldMessage tone="error" role="alert">
            {t('report.dateOrder')}
          </FieldMessage>
        )}
      </Card>

      {data.state === 'error' && (
        <ErrorNotice error={data.error}>
          <Button size="small" onClick={() => setReload((x) => x + 1)}>
            {t('report.retry')}
          </Button>
        </ErrorNotice>
      )}
      {data.state === 'loading' && <p className="muted">{t('report.loading')}</p>}
      {data.state === 'ready' && query !== null && <Figures figures={data.figures} filtered={filtered} />}
    </Page>
  );
}

function FormulaStat({ label, value, formula, testId, tone }: { label: string; value: string; formula: ReactNode; testId: string; tone?: string }) {
  return (
    <Stat
      className={tone}
      data-testid={testId}
      label={
        <Tip content={<span className="formula-text">{formula}</span>}>
          <span className="formula-stat-label" tabIndex={0}>
            {label}
            <span className="formula-info" aria-hidden="true">
              ?
            </span>
          </span>
        </Tip>
      }
      value={value}
    />
  );
}

function Figures({ figures: f, filtered }: { figures: SurveyFigures; filtered: boolean }) {
  const { t } = useTranslation('survey');
  const { t: tc } = useTranslation();
  const n = (v: number) => formatNumber(v);
  const nothing = f.reachedCalls === 0 && f.started === 0;

  if (nothing) {
    return (
      <Card title={t('report.emptyTitle')} className="survey-empty" data-testid="survey-empty">
        <p className="muted">{filtered ? t('report.emptyFiltered') : t('report.emptyAll')}</p>
      </Card>
    );
  }

  return (
    <>
      <Card>
        <Stats className="survey-stats" data-testid="survey-headline">
          <FormulaStat label={t('report.reached')} value={n(f.reachedCalls)} formula={t('report.f.reached')} testId="survey-reached" />
          <FormulaStat label={t('report.started')} value={n(f.started)} formula={t('report.f.started')} testId="survey-started" />
          <FormulaStat label={t('report.completed')} value={n(f.completed)} formula={t('report.f.completed')} testId="survey-completed" />
          <FormulaStat label={t('report.responseRate')} value={pct(f.responseRate)} formula={t('report.f.responseRate')} testId="survey-response-rate" />
          <FormulaStat label={t('report.completionRate')} value={pct(f.completionRate)} formula={t('report.f.completionRate')} testId="survey-completion-rate" />
          <FormulaStat label="CSAT" value={pct(f.csat)} formula={t('report.f.csat')} testId="survey-csat" tone="key-stat" />
          <FormulaStat label="NPS" value={signed(f.nps)} formula={t('report.f.nps')} testId="survey-nps" tone="key-stat" />
        </Stats>
        {f.responseRate !== null && f.responseRate > 100 && <p className="small muted">{t('report.over100')}</p>}
      </Card>

      <Card title={t('report.byVersion')}>
        {f.byVersion.length === 0 ? (
          <p className="muted" data-testid="survey-versions-empty">
            {t('report.noResponses')}
          </p>
        ) : (
          <Table data-testid="survey-version-table">
            <thead>
              <tr>
                <th>{t('report.colScript')}</th>
                <th>{t('report.colPurpose')}</th>
                <th>{t('report.colVersion')}</th>
                <th className="ui-num">{t('report.colStarted')}</th>
                <th className="ui-num">{t('report.colCompleted')}</th>
                <th className="ui-num">{t('report.colPartial')}</th>
                <th className="ui-num">{t('report.colDeclined')}</th>
                <th className="ui-num">
                  <Tip content={<span className="formula-text">{t('report.f.csat')}</span>}>
                    <span tabIndex={0}>CSAT (n)</span>
                  </Tip>
                </th>
                <th className="ui-num">
                  <Tip content={<span className="formula-text">{t('report.f.nps')}</span>}>
                    <span tabIndex={0}>NPS (n)</span>
                  </Tip>
                </th>
              </tr>
            </thead>
            <tbody>
              {f.byVersion.map((v) => (
                <tr key={v.versionId} data-testid="survey-version-row" data-version={v.version} data-script-id={v.scriptId}>
                  <td>{v.scriptTitle}</td>
                  <td className="nowrap">{tc(`reason.${v.purpose}`)}</td>
                  <td className="nowrap">v{v.version}</td>
                  <td className="ui-num">{n(v.started)}</td>
                  <td className="ui-num">
                    {n(v.completed)}
                    {v.started > 0 && <span className="muted completion-share"> {Math.round((v.completed / v.started) * 100)}%</span>}
                  </td>
                  <td className="ui-num">{n(v.partial)}</td>
                  <td className="ui-num">{n(v.declined)}</td>
                  <td className="ui-num">
                    {pct(v.csat)} <span className="muted">({n(v.csatAnswers)})</span>
                  </td>
                  <td className="ui-num">
                    {signed(v.nps)} <span className="muted">({n(v.npsAnswers)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {f.byVersion.some((v) => v.started > v.completed + v.partial + v.declined) && <p className="small muted">{t('report.inProgressNote')}</p>}
      </Card>

      <Card title={t('report.byQuestion')} intro={t('report.byQuestionIntro')}>
        {f.questions.length === 0 ? (
          <p className="muted">{t('report.noResponses')}</p>
        ) : (
          <Table data-testid="survey-question-table">
            <thead>
              <tr>
                <th>{t('report.colQuestion')}</th>
                <th className="ui-num">{t('report.colAnswers')}</th>
                <th>{t('report.colDistribution')}</th>
              </tr>
            </thead>
            <tbody>
              {f.questions.map((q) => (
                <tr key={q.key} data-testid="survey-question-row" data-key={q.key}>
                  <td className="question-cell">
                    <div>{q.text}</div>
                    <div className="muted small">
                      <code>{q.key}</code> · {t(`types.${q.type}`)}
                    </div>
                  </td>
                  <td className="ui-num">{n(q.answers)}</td>
                  <td>
                    <Distribution q={q} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}

function Distribution({ q }: { q: SurveyFigures['questions'][number] }) {
  const { t } = useTranslation('survey');
  if (q.type === 'short_text' || q.type === 'long_text') return <span className="muted small">{t('report.textAnswers')}</span>;
  if (q.answers === 0 || q.counts.length === 0) return <span className="muted small">{t('report.noAnswers')}</span>;
  const label = (value: string, given: string) => {
    if (q.type === 'yes_no') return value === 'true' ? t('runner.yes') : value === 'false' ? t('runner.no') : given;
    if (value === OTHER) return t('runner.other');
    return given;
  };
  // Numbers can have many distinct values: the commonest are listed, the rest summed.
  const counts = q.type === 'number' && q.counts.length > MAX_VALUES ? [...q.counts].sort((a, b) => b.count - a.count) : q.counts;
  const shown = counts.slice(0, MAX_VALUES);
  const rest = counts.slice(MAX_VALUES).reduce((s, c) => s + c.count, 0);
  const max = Math.max(...shown.map((c) => c.count), 1);
  return (
    <div className="answer-distribution" data-testid="survey-distribution">
      {shown.map((c) => {
        const share = (c.count / q.answers) * 100;
        return (
          <div key={c.value} className="distribution-row" data-value={c.value}>
            <span className="distribution-label" title={label(c.value, c.label)}>
              {label(c.value, c.label)}
            </span>
            <span className="distribution-track" aria-hidden="true">
              <span className={`distribution-bar${scoreBand(q.type, c.value)}`} style={{ width: `${(c.count / max) * 100}%` }} />
            </span>
            <span className="distribution-count">{formatNumber(c.count)}</span>
            <span className="distribution-pct">{formatNumber(Math.round(share * 10) / 10)}%</span>
          </div>
        );
      })}
      {rest > 0 && <div className="muted small">{t('report.moreValues', { count: counts.length - MAX_VALUES, answers: formatNumber(rest) })}</div>}
      {q.type === 'multi' && <div className="muted small">{t('report.multiNote')}</div>}
    </div>
  );
}

/** Colours the bars of the two scored scales the way the formulas read them. */
function scoreBand(type: SurveyFigures['questions'][number]['type'], value: string): string {
  const v = Number(value);
  if (type === 'rating') return v >= 4 ? ' distribution-hi' : v === 3 ? ' distribution-mid' : ' distribution-lo';
  if (type === 'nps') return v >= 9 ? ' distribution-hi' : v >= 7 ? ' distribution-mid' : ' distribution-lo';
  return '';
}
