import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group } from './settingsFields';
import { formatDate, useLocale } from './shared';
import { DatePicker } from '../../ui/DatePicker';

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
    <Group title={t('settings.datesTitle')} hint={t('settings.datesHint')} error={error}>
      {dates.length === 0 ? (
        <p className="adm-muted adm-small">{t('settings.datesEmpty')}</p>
      ) : (
        <ul className="adm-dates" data-testid="settings-dates">
          {dates.map((d) => (
            <li key={d}>
              <span>
                <code>{d}</code> <span className="adm-small adm-muted">{formatDate(d, locale)}</span>
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="adm-btn adm-btn-small adm-btn-link"
                  aria-label={t('settings.removeDate', { date: d })}
                  onClick={() => onChange(dates.filter((x) => x !== d))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="adm-row">
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
          <button type="button" className="adm-btn" data-testid="settings-date-add" onClick={addDate}>
            {t('settings.addDate')}
          </button>
        </div>
      )}
      {dateError && <div className="adm-field-error">{dateError}</div>}
    </Group>
  );
}
