import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '../../../core/sla/calendar';
import { formatDate, useLocale } from '../admin/shared';
import type { CalendarErrors } from './calendarForm';
import { DatePicker } from '../../ui/DatePicker';
import { Button, Field, FieldGroup, FieldGroupTitle, FieldMessage, FieldRow, Select, TextInput } from '../../ui';

type ListKey = 'holidays' | 'workdays';

/** The dates of one list (holidays, or make-up working days) in the shown year, and a row to add one. */
function DateList({
  list,
  dates,
  other,
  year,
  errors,
  canEdit,
  onChange,
}: {
  list: ListKey;
  dates: CalendarDate[];
  other: CalendarDate[];
  year: number;
  errors: CalendarErrors;
  canEdit: boolean;
  onChange: (next: CalendarDate[]) => void;
}) {
  const { t } = useTranslation('sla');
  const locale = useLocale();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  // Rows keep their index in the whole list: errors are keyed by it.
  const shown = dates.map((d, i) => ({ d, i })).filter((x) => x.d.date.startsWith(`${year}-`));

  function add() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setAddError(t('calendar.v.date'));
    if (!name.trim()) return setAddError(t('calendar.v.name'));
    if (dates.some((d) => d.date === date)) return setAddError(t('calendar.v.dateTwice', { date }));
    if (other.some((d) => d.date === date)) return setAddError(t(list === 'holidays' ? 'calendar.v.alreadyWorkday' : 'calendar.v.alreadyHoliday', { date }));
    onChange([...dates, { date, name: name.trim() }].sort((a, b) => (a.date < b.date ? -1 : 1)));
    setDate('');
    setAddError(null);
  }

  return (
    <div className="sla-date-list" data-testid={`calendar-${list}`}>
      <FieldGroupTitle>
        {t(`calendar.${list}Title`, { year })} <span className="muted small">({shown.length})</span>
      </FieldGroupTitle>
      {shown.length === 0 ? (
        <p className="muted small">{t(`calendar.${list}Empty`, { year })}</p>
      ) : (
        <ul className="sla-dates">
          {shown.map(({ d, i }) => {
            const error = errors[`${list}[${i}].date`] ?? errors[`${list}[${i}].name`];
            return (
              <li key={`${d.date}-${i}`} data-testid="calendar-date">
                <code>{d.date}</code>
                <span className="small muted sla-wd">{formatDate(d.date, locale)}</span>
                <TextInput
                  type="text"
                  value={d.name}
                  maxLength={80}
                  aria-label={t('calendar.dateName', { date: d.date })}
                  aria-invalid={!!error}
                  onChange={(e) => onChange(dates.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                />
                {canEdit && (
                  <Button
                    variant="link"
                    size="small"
                    aria-label={t('calendar.removeDate', { date: d.date })}
                    onClick={() => onChange(dates.filter((_, j) => j !== i))}
                  >
                    ×
                  </Button>
                )}
                {error && (
                  <FieldMessage tone="error" className="sla-date-error">
                    {error}
                  </FieldMessage>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <FieldRow>
          <DatePicker
            value={date}
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            ariaLabel={t('calendar.newDate')}
            testId={`calendar-${list}-date`}
            onChange={(v) => {
              setDate(v);
              setAddError(null);
            }}
          />
          <TextInput
            type="text"
            value={name}
            maxLength={80}
            placeholder={t(list === 'holidays' ? 'calendar.holidayNamePlaceholder' : 'calendar.workdayNamePlaceholder')}
            aria-label={t('calendar.newName')}
            data-testid={`calendar-${list}-name`}
            onChange={(e) => {
              setName(e.target.value);
              setAddError(null);
            }}
          />
          <Button size="small" data-testid={`calendar-${list}-add`} onClick={add}>
            {t('calendar.addDate')}
          </Button>
        </FieldRow>
      )}
      {addError && (
        <FieldMessage tone="error" role="alert">
          {addError}
        </FieldMessage>
      )}
    </div>
  );
}

/** Public holidays and make-up working days (调休) of one year at a time. */
export function DatesEditor({
  holidays,
  workdays,
  years,
  year,
  errors,
  canEdit,
  onYear,
  onHolidays,
  onWorkdays,
}: {
  holidays: CalendarDate[];
  workdays: CalendarDate[];
  years: number[];
  year: number;
  errors: CalendarErrors;
  canEdit: boolean;
  onYear: (year: number) => void;
  onHolidays: (next: CalendarDate[]) => void;
  onWorkdays: (next: CalendarDate[]) => void;
}) {
  const { t } = useTranslation('sla');
  return (
    <FieldGroup hint={t('calendar.datesHint')}>
      <div className="sla-dates-head">
        <FieldGroupTitle>{t('calendar.datesTitle')}</FieldGroupTitle>
        <Field label={t('calendar.year')} className="sla-inline-field">
          <Select value={year} data-testid="calendar-year" onChange={(e) => onYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="sla-date-lists">
        <DateList list="holidays" dates={holidays} other={workdays} year={year} errors={errors} canEdit={canEdit} onChange={onHolidays} />
        <DateList list="workdays" dates={workdays} other={holidays} year={year} errors={errors} canEdit={canEdit} onChange={onWorkdays} />
      </div>
    </FieldGroup>
  );
}
