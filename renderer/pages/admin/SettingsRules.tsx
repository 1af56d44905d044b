import { useTranslation } from 'react-i18next';
import { NoCallDates } from './NoCallDates';
import { Labeled, NumberField } from './settingsFields';
import { LIMITS, type EditForm, type FieldErrors, type SettingsForm } from './settingsForm';
import { TimePicker } from '../../ui/DatePicker';
import { Checkbox, FieldGroup, FieldRow } from '../../ui';
import './settings.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The inputs of the calling rules, one group per rule; saving and discarding stay with the page. */
export function SettingsRules({
  form,
  errors,
  canEdit,
  edit,
}: {
  form: SettingsForm;
  errors: FieldErrors;
  canEdit: boolean;
  edit: EditForm;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <FieldGroup
        title={t('settings.windowTitle')}
        hint={t('settings.windowHint')}
        error={errors.callWindowStart ?? errors.callWindowEnd}
      >
        <FieldRow>
          <Labeled label={t('settings.windowStart')}>
            <TimePicker
              value={form.callWindowStart}
              testId="settings-window-start"
              ariaInvalid={!!errors.callWindowStart}
              onChange={(v) => edit({ callWindowStart: v }, ['callWindowStart', 'callWindowEnd'])}
            />
          </Labeled>
          <span className="set-range-dash" aria-hidden>
            –
          </span>
          <Labeled label={t('settings.windowEnd')}>
            <TimePicker
              value={form.callWindowEnd}
              testId="settings-window-end"
              ariaInvalid={!!errors.callWindowEnd}
              onChange={(v) => edit({ callWindowEnd: v }, ['callWindowStart', 'callWindowEnd'])}
            />
          </Labeled>
        </FieldRow>
      </FieldGroup>

      <FieldGroup title={t('settings.weekdaysTitle')} error={errors.noCallWeekdays}>
        <div className="set-weekdays" role="group" aria-label={t('settings.weekdaysTitle')}>
          {WEEKDAYS.map((d) => {
            const on = form.noCallWeekdays.includes(d);
            return (
              <Checkbox
                key={d}
                className={`set-check${on ? ' set-check-on' : ''}`}
                label={t(`settings.weekdays.${d}`)}
                checked={on}
                data-testid={`settings-weekday-${d}`}
                onChange={() =>
                  edit(
                    {
                      noCallWeekdays: on ? form.noCallWeekdays.filter((x) => x !== d) : [...form.noCallWeekdays, d].sort((a, b) => a - b),
                    },
                    ['noCallWeekdays'],
                  )
                }
              />
            );
          })}
        </div>
      </FieldGroup>

      <NoCallDates
        dates={form.noCallDates}
        error={errors.noCallDates}
        canEdit={canEdit}
        onChange={(noCallDates) => edit({ noCallDates }, ['noCallDates'])}
      />

      <FieldGroup title={t('settings.capsTitle')} hint={t('settings.capsHint')}>
        <FieldRow top>
          <NumberField
            label={t('settings.capPer24h')}
            unit={t('settings.timesUnit')}
            value={form.capPer24h}
            limits={LIMITS.capPer24h}
            error={errors.capPer24h}
            testId="settings-cap-24h"
            onChange={(v) => edit({ capPer24h: v }, ['capPer24h', 'capPer7d'])}
          />
          <NumberField
            label={t('settings.capPer7d')}
            unit={t('settings.timesUnit')}
            value={form.capPer7d}
            limits={LIMITS.capPer7d}
            error={errors.capPer7d}
            testId="settings-cap-7d"
            onChange={(v) => edit({ capPer7d: v }, ['capPer24h', 'capPer7d'])}
          />
        </FieldRow>
      </FieldGroup>

      <FieldGroup title={t('settings.retryTitle')}>
        <FieldRow top>
          <NumberField
            label={t('settings.retrySpacing')}
            unit={t('settings.hoursUnit')}
            value={form.retryHours}
            step="0.5"
            error={errors.retrySpacingMinutes}
            hint={t('settings.retryHint')}
            testId="settings-retry-hours"
            onChange={(v) => edit({ retryHours: v }, ['retrySpacingMinutes'])}
          />
          <NumberField
            label={t('settings.maxAttempts')}
            unit={t('settings.timesUnit')}
            value={form.maxAttempts}
            limits={LIMITS.maxAttempts}
            error={errors.maxAttempts}
            hint={t('settings.maxAttemptsHint')}
            testId="settings-max-attempts"
            onChange={(v) => edit({ maxAttempts: v }, ['maxAttempts'])}
          />
          <NumberField
            label={t('settings.leaseMinutes')}
            unit={t('settings.minutesUnit')}
            value={form.leaseMinutes}
            limits={LIMITS.leaseMinutes}
            error={errors.leaseMinutes}
            hint={t('settings.leaseHint')}
            testId="settings-lease-minutes"
            onChange={(v) => edit({ leaseMinutes: v }, ['leaseMinutes'])}
          />
        </FieldRow>
      </FieldGroup>
    </>
  );
}
