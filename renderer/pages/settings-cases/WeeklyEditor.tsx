import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday } from '../../../core/sla/calendar';
import type { CalendarErrors, PeriodDraft } from './calendarForm';
import { Button, FieldGroup, FieldMessage, TextInput } from '../../ui';

const MAX_PERIODS = 48;

/** One day's working periods: HH:MM – HH:MM rows, each with its own error beside it. */
function DayPeriods({
  label,
  base,
  periods,
  errors,
  canEdit,
  testId,
  onChange,
}: {
  label: string;
  base: string;
  periods: PeriodDraft[];
  errors: CalendarErrors;
  canEdit: boolean;
  testId: string;
  onChange: (next: PeriodDraft[]) => void;
}) {
  const { t } = useTranslation('sla');
  const set = (i: number, patch: Partial<PeriodDraft>) => onChange(periods.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="sla-day" data-testid={testId}>
      <div className="sla-day-name">{label}</div>
      <div className="sla-day-periods">
        {periods.length === 0 && <span className="muted small sla-day-off">{t('calendar.dayOff')}</span>}
        {periods.map((p, i) => {
          const error = errors[`${base}[${i}]`];
          return (
            <div key={i} className="sla-period" data-testid="period">
              <span className="sla-period-inputs">
                <TextInput
                  type="text"
                  inputMode="numeric"
                  className="sla-time"
                  value={p.start}
                  placeholder="09:00"
                  aria-label={t('calendar.periodStart', { day: label, n: i + 1 })}
                  aria-invalid={!!error}
                  data-testid="period-start"
                  onChange={(e) => set(i, { start: e.target.value })}
                />
                <span className="muted" aria-hidden="true">
                  –
                </span>
                <TextInput
                  type="text"
                  inputMode="numeric"
                  className="sla-time"
                  value={p.end}
                  placeholder="18:00"
                  aria-label={t('calendar.periodEnd', { day: label, n: i + 1 })}
                  aria-invalid={!!error}
                  data-testid="period-end"
                  onChange={(e) => set(i, { end: e.target.value })}
                />
                {canEdit && (
                  <Button
                    variant="link"
                    size="small"
                    aria-label={t('calendar.removePeriod', { day: label, n: i + 1 })}
                    onClick={() => onChange(periods.filter((_, j) => j !== i))}
                  >
                    ×
                  </Button>
                )}
              </span>
              {error && (
                <FieldMessage tone="error" className="sla-period-error" role="alert" data-testid="period-error">
                  {error}
                </FieldMessage>
              )}
            </div>
          );
        })}
        {canEdit && periods.length < MAX_PERIODS && (
          <Button
            variant="link"
            size="small"
            data-testid="period-add"
            onClick={() => {
              const last = periods[periods.length - 1];
              // A new period starts where the last one ended, which is usually the next one's start.
              onChange([...periods, last ? { start: last.end, end: '' } : { start: '09:00', end: '18:00' }]);
            }}
          >
            {t('calendar.addPeriod')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** Working hours per ISO weekday, and the hours of make-up working days (调休). */
export function WeeklyEditor({
  weekly,
  makeupPeriods,
  errors,
  canEdit,
  onWeekly,
  onMakeup,
}: {
  weekly: Record<Weekday, PeriodDraft[]>;
  makeupPeriods: PeriodDraft[];
  errors: CalendarErrors;
  canEdit: boolean;
  onWeekly: (wd: Weekday, next: PeriodDraft[]) => void;
  onMakeup: (next: PeriodDraft[]) => void;
}) {
  const { t } = useTranslation('sla');
  return (
    <FieldGroup title={t('calendar.weeklyTitle')} hint={t('calendar.weeklyHint')}>
      <div className="sla-week">
        {WEEKDAYS.map((wd) => (
          <DayPeriods
            key={wd}
            label={t(`calendar.weekday.${wd}`)}
            base={`weekly.${wd}`}
            periods={weekly[wd]}
            errors={errors}
            canEdit={canEdit}
            testId={`calendar-day-${wd}`}
            onChange={(next) => onWeekly(wd, next)}
          />
        ))}
        <DayPeriods
          label={t('calendar.makeupDay')}
          base="makeupPeriods"
          periods={makeupPeriods}
          errors={errors}
          canEdit={canEdit}
          testId="calendar-makeup-periods"
          onChange={onMakeup}
        />
      </div>
    </FieldGroup>
  );
}
