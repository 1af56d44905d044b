import { useTranslation } from 'react-i18next';
import { REASONS, type Reason } from '../../../core/domain/model';
import { dayIso, dayNumber, isoRange, MAX_RANGE_DAYS, presetRange, RANGE_PRESETS, type RangePreset } from '../../../core/reports/time';
import type { CaseSettings } from '../../../core/contract/views-cases';
import type { UserRecord } from '../../../core/domain/records';
import { DateRangeFields, SelectField } from '../FilterFields';
import { Button, Card, FieldCluster, FieldMessage } from '../../ui';

/*
 * The page's one date range and one set of filters. A preset is re-read against the clock each time
 * the page loads, so "last 30 days" stays the last 30 days; editing a date turns it into a fixed range.
 */

export interface PageFilter {
  preset: RangePreset | 'custom';
  fromIso: string;
  toIso: string;
  agentId: string;
  reason: '' | Reason;
  purpose: '' | Reason;
  category: string;
}

export const DEFAULT_FILTER: PageFilter = { preset: 'd30', fromIso: '', toIso: '', agentId: '', reason: '', purpose: '', category: '' };

/** The range a filter means now: a preset's dates, or the typed ones; null when those are not a valid range. */
export function rangeOf(f: PageFilter, now: number): { from: number; to: number; fromIso: string; toIso: string } | null {
  const r = f.preset === 'custom' ? isoRange(f.fromIso, f.toIso) : presetRange(f.preset, now);
  if (!r) return null;
  return { ...r, fromIso: dayIso(dayNumber(r.from)), toIso: dayIso(dayNumber(r.to - 1)) };
}

export function ReportFilters({
  filter,
  onChange,
  now,
  users,
  categories,
}: {
  filter: PageFilter;
  onChange: (f: PageFilter) => void;
  now: number;
  users: readonly UserRecord[];
  categories: CaseSettings['categories'];
}) {
  const { t, i18n } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const range = rangeOf(filter, now);
  const shown = range ?? { fromIso: filter.fromIso, toIso: filter.toIso };
  const set = (patch: Partial<PageFilter>) => onChange({ ...filter, ...patch });
  const setDate = (patch: { fromIso?: string; toIso?: string }) => set({ preset: 'custom', fromIso: shown.fromIso, toIso: shown.toIso, ...patch });
  const reasons = REASONS.map((r) => ({ value: r, label: tc(`reason.${r}`) }));
  const narrowed = filter.agentId !== '' || filter.reason !== '' || filter.purpose !== '' || filter.category !== '';

  return (
    <Card className="rp-filters" data-testid="rp-filters">
      <div className="rp-filter-row">
        <FieldCluster label={t('filters.range')}>
          {() => (
            <div className="rp-toggle rp-presets">
              {RANGE_PRESETS.map((p) => (
                <button key={p} type="button" className={filter.preset === p ? 'on' : ''} aria-pressed={filter.preset === p} data-testid={`rp-preset-${p}`} onClick={() => set({ preset: p })}>
                  {t(`filters.presets.${p}`)}
                </button>
              ))}
            </div>
          )}
        </FieldCluster>
        <DateRangeFields
          from={shown.fromIso}
          to={shown.toIso}
          labels={{ from: t('filters.from'), to: t('filters.to') }}
          testIds={{ from: 'rp-from', to: 'rp-to' }}
          onChange={(p) => setDate('from' in p ? { fromIso: p.from } : { toIso: p.to })}
        />
        <span className="muted small rp-days">{t('filters.beijingDays')}</span>
      </div>
      <div className="rp-filter-row">
        <SelectField
          label={t('filters.agent')}
          value={filter.agentId}
          testId="rp-agent"
          allLabel={t('filters.all')}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(agentId) => set({ agentId })}
        />
        <SelectField label={t('filters.reason')} value={filter.reason} testId="rp-reason" allLabel={t('filters.all')} options={reasons} onChange={(reason) => set({ reason })} />
        <SelectField label={t('filters.purpose')} value={filter.purpose} testId="rp-purpose" allLabel={t('filters.all')} options={reasons} onChange={(purpose) => set({ purpose })} />
        <SelectField
          label={t('filters.category')}
          value={filter.category}
          testId="rp-category"
          allLabel={t('filters.all')}
          options={categories.map((c) => ({ value: c.key, label: `${i18n.language === 'en' ? c.en : c.zh}${c.retired ? t('filters.retired') : ''}` }))}
          onChange={(category) => set({ category })}
        />
        {narrowed && (
          <Button variant="link" className="rp-clear" data-testid="rp-clear" onClick={() => set({ agentId: '', reason: '', purpose: '', category: '' })}>
            {t('filters.clear')}
          </Button>
        )}
      </div>
      <p className="muted small rp-scope">{t('filters.scope')}</p>
      {range === null && (
        <FieldMessage tone="error" role="alert" data-testid="rp-bad-range">
          {t('filters.badRange', { days: MAX_RANGE_DAYS })}
        </FieldMessage>
      )}
    </Card>
  );
}
