import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from './shared';
import { DatePicker } from '../../ui/DatePicker';
import { Button, FieldGroup, FieldMessage, FieldRow, IconButton } from '../../ui';

const MAX_DATES = 366;

/**
 * The calendar dates with no calls, and a picker to add one. The date being picked is not part of
 * the settings form until added, so it lives here and survives discarding or restoring defaults.
 */
export function NoCallDates({
  dates,
  error,
  canEdit,
  onChange,
}: {
  dates: string[];
  error?: string;
  canEdit: boolean;
  onChange: (dates: string[]) => void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const [newDate, setNewDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);

  function addDate() {
    const d = newDate.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return setDateError(t('settings.dateInvalid'));
    if (dates.includes(d)) return setDateError(t('settings.dateExists'));
    if (dates.length >= MAX_DATES) return setDateError(t('settings.dateTooMany'));
    setDateError(null);
    setNewDate('');
    onChange([...dates, d].sort());
  }

  return (
    <FieldGroup title={t('settings.datesTitle')} hint={t('settings.datesHint')} error={error}>
      {dates.length === 0 ? (
        <p className="muted small">{t('settings.datesEmpty')}</p>
      ) : (
        <ul className="set-dates" data-testid="settings-dates">
          {dates.map((d) => (
            <li key={d}>
              <span>
                <code>{d}</code> <span className="small muted">{formatDate(d, locale)}</span>
              </span>
              {canEdit && (
                <IconButton
                  label={t('settings.removeDate', { date: d })}
                  onClick={() => onChange(dates.filter((x) => x !== d))}
                >
                  ×
                </IconButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <FieldRow>
          <DatePicker
            value={newDate}
            testId="settings-date-input"
            ariaLabel={t('settings.datesTitle')}
            onChange={(v) => {
              setNewDate(v);
              setDateError(null);
            }}
            onEnter={addDate}
          />
          <Button data-testid="settings-date-add" onClick={addDate}>
            {t('settings.addDate')}
          </Button>
        </FieldRow>
      )}
      {dateError && <FieldMessage tone="error">{dateError}</FieldMessage>}
    </FieldGroup>
  );
}
