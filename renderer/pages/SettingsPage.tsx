import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { call } from '../api/client';
import { useStore } from '../store';
import { TeamMembers } from './admin/TeamMembers';
import { ErrorNotice, formatDate, useLocale } from './admin/shared';
import { LIMITS, fromForm, sameForm, toForm, type Field, type SettingsForm } from './admin/settingsForm';
import './admin.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MAX_DATES = 366;

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; saved: Settings };

export default function SettingsPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const notify = useStore((s) => s.notify);
  const refreshSession = useStore((s) => s.refreshSession);
  const role = useStore((s) => s.session?.currentUser?.role);
  const canEdit = role === 'supervisor';

  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [newDate, setNewDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoad({ state: 'loading' });
    const r = await call('settings.get', {});
    if (!r.ok) return setLoad({ state: 'error', error: r.error });
    setLoad({ state: 'ready', saved: r.value });
    setForm(toForm(r.value));
    setErrors({});
    setSaveError(null);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.state === 'loading' || (load.state === 'ready' && !form)) {
    return (
      <div className="adm-page">
        <PageHead />
        <p className="adm-muted">{t('common.loading')}</p>
      </div>
    );
  }
  if (load.state === 'error' || !form) {
    return (
      <div className="adm-page">
        <PageHead />
        <ErrorNotice error={load.state === 'error' ? load.error : null} title={t('settings.loadFailed')}>
          <button type="button" className="adm-btn adm-btn-small" onClick={() => void reload()}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      </div>
    );
  }

  const saved = load.saved;
  const dirty = !sameForm(form, toForm(saved));

  const edit = (patch: Partial<SettingsForm>, fields: Field[]) => {
    setForm({ ...form, ...patch });
    setNotice(null);
    setSaveError(null);
    if (fields.some((f) => errors[f])) {
      const next = { ...errors };
      for (const f of fields) delete next[f];
      setErrors(next);
    }
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form || !canEdit) return;
    setNotice(null);
    setSaveError(null);
    const checked = fromForm(form, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const r = await call('settings.update', checked.settings);
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error);
      // The signed-in user changed elsewhere (another window): show who we really are now.
      if (r.error.code === 'FORBIDDEN') void refreshSession();
      if (r.error.code === 'BAD_INPUT') setErrors(serverFieldErrors(r.error, (message) => t('settings.v.server', { message })));
      return;
    }
    setLoad({ state: 'ready', saved: r.value });
    setForm(toForm(r.value));
    notify('success', t('settings.saved'));
  }

  function addDate() {
    if (!form) return;
    const d = newDate.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return setDateError(t('settings.dateInvalid'));
    if (form.noCallDates.includes(d)) return setDateError(t('settings.dateExists'));
    if (form.noCallDates.length >= MAX_DATES) return setDateError(t('settings.dateTooMany'));
    setDateError(null);
    setNewDate('');
    edit({ noCallDates: [...form.noCallDates, d].sort() }, ['noCallDates']);
  }

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <div className="adm-page">
      <PageHead />
      <form className="adm-card adm-settings" onSubmit={(e) => void save(e)} noValidate data-testid="settings-form">
        <div className="adm-card-head">
          <div>
            <h3 className="adm-card-title">{t('settings.rulesTitle')}</h3>
            <p className="adm-muted adm-small">{t('settings.rulesIntro')}</p>
          </div>
        </div>
        {!canEdit && (
          <div className="adm-alert adm-alert-info" role="note" data-testid="settings-readonly">
            {t('settings.readOnly', { role: t(`roles.${role ?? 'agent'}`) })}
          </div>
        )}

        <fieldset disabled={!canEdit || saving} className="adm-fieldset">
          <Group
            title={t('settings.windowTitle')}
            hint={t('settings.windowHint')}
            error={errors.callWindowStart ?? errors.callWindowEnd}
          >
            <div className="adm-row">
              <Labeled label={t('settings.windowStart')}>
                <input
                  type="time"
                  value={form.callWindowStart}
                  data-testid="settings-window-start"
                  aria-invalid={!!errors.callWindowStart}
                  onChange={(e) => edit({ callWindowStart: e.target.value }, ['callWindowStart', 'callWindowEnd'])}
                />
              </Labeled>
              <span className="adm-range-dash" aria-hidden>
                –
              </span>
              <Labeled label={t('settings.windowEnd')}>
                <input
                  type="time"
                  value={form.callWindowEnd}
                  data-testid="settings-window-end"
                  aria-invalid={!!errors.callWindowEnd}
                  onChange={(e) => edit({ callWindowEnd: e.target.value }, ['callWindowStart', 'callWindowEnd'])}
                />
              </Labeled>
            </div>
          </Group>

          <Group title={t('settings.weekdaysTitle')} error={errors.noCallWeekdays}>
            <div className="adm-weekdays" role="group" aria-label={t('settings.weekdaysTitle')}>
              {WEEKDAYS.map((d) => {
                const on = form.noCallWeekdays.includes(d);
                return (
                  <label key={d} className={`adm-check${on ? ' adm-check-on' : ''}`}>
                    <input
                      type="checkbox"
                      checked={on}
                      data-testid={`settings-weekday-${d}`}
                      onChange={() =>
                        edit(
                          {
                            noCallWeekdays: on
                              ? form.noCallWeekdays.filter((x) => x !== d)
                              : [...form.noCallWeekdays, d].sort((a, b) => a - b),
                          },
                          ['noCallWeekdays'],
                        )
                      }
                    />
                    {t(`settings.weekdays.${d}`)}
                  </label>
                );
              })}
            </div>
          </Group>

          <Group title={t('settings.datesTitle')} hint={t('settings.datesHint')} error={errors.noCallDates}>
            {form.noCallDates.length === 0 ? (
              <p className="adm-muted adm-small">{t('settings.datesEmpty')}</p>
            ) : (
              <ul className="adm-dates" data-testid="settings-dates">
                {form.noCallDates.map((d) => (
                  <li key={d}>
                    <span>
                      <code>{d}</code> <span className="adm-small adm-muted">{formatDate(d, locale)}</span>
                    </span>
                    {canEdit && (
                      <button
                        type="button"
                        className="adm-btn adm-btn-small adm-btn-link"
                        aria-label={t('settings.removeDate', { date: d })}
                        onClick={() => edit({ noCallDates: form.noCallDates.filter((x) => x !== d) }, ['noCallDates'])}
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
                <input
                  type="date"
                  value={newDate}
                  data-testid="settings-date-input"
                  aria-label={t('settings.datesTitle')}
                  onChange={(e) => {
                    setNewDate(e.target.value);
                    setDateError(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addDate();
                    }
                  }}
                />
                <button type="button" className="adm-btn" data-testid="settings-date-add" onClick={addDate}>
                  {t('settings.addDate')}
                </button>
              </div>
            )}
            {dateError && <div className="adm-field-error">{dateError}</div>}
          </Group>

          <Group title={t('settings.capsTitle')} hint={t('settings.capsHint')}>
            <div className="adm-row adm-row-top">
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
            </div>
          </Group>

          <Group title={t('settings.retryTitle')}>
            <div className="adm-row adm-row-top">
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
            </div>
          </Group>
        </fieldset>

        {hasErrors && !saveError && (
          <div className="adm-alert adm-alert-error" role="alert">
            {t('settings.fixErrors')}
          </div>
        )}
        <ErrorNotice error={saveError} testId="settings-error" />
        {notice && (
          <div className="adm-alert adm-alert-info" role="status">
            {notice}
          </div>
        )}

        {canEdit && (
          <div className="adm-actions">
            <button type="submit" className="adm-btn adm-btn-primary" disabled={saving || !dirty} data-testid="settings-save">
              {saving ? t('settings.saving') : t('settings.save')}
            </button>
            <button
              type="button"
              className="adm-btn"
              disabled={saving || !dirty}
              onClick={() => {
                setForm(toForm(saved));
                setErrors({});
                setSaveError(null);
                setNotice(null);
              }}
            >
              {t('settings.discard')}
            </button>
            <button
              type="button"
              className="adm-btn adm-btn-link"
              disabled={saving}
              data-testid="settings-defaults"
              onClick={() => {
                setForm(toForm(DEFAULT_SETTINGS));
                setErrors({});
                setSaveError(null);
                setNotice(t('settings.defaultsFilled'));
              }}
            >
              {t('settings.restoreDefaults')}
            </button>
            {dirty && <span className="adm-warn-text adm-small">{t('settings.unsaved')}</span>}
          </div>
        )}
        {!canEdit && (
          <div className="adm-actions">
            <button type="submit" className="adm-btn adm-btn-primary" disabled data-testid="settings-save">
              {t('settings.save')}
            </button>
          </div>
        )}
      </form>

      <TeamMembers />
    </div>
  );
}

function PageHead() {
  const { t } = useTranslation('admin');
  return (
    <header className="adm-page-head">
      <h2 className="adm-page-title">{t('settings.title')}</h2>
    </header>
  );
}

/** Field errors from a BAD_INPUT answer: zod issues carry the path of the field they are about. */
function serverFieldErrors(error: ApiError, format: (message: string) => string): Partial<Record<Field, string>> {
  const issues = Array.isArray(error.details?.issues) ? (error.details.issues as { path?: unknown[]; message?: string }[]) : [];
  const out: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path?.[0];
    if (typeof field === 'string' && field in DEFAULT_SETTINGS && !out[field as Field]) {
      out[field as Field] = format(issue.message ?? error.message);
    }
  }
  return out;
}

function Group({ title, hint, error, children }: { title: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="adm-group">
      <div className="adm-group-title">{title}</div>
      {children}
      {hint && <div className="adm-hint">{hint}</div>}
      {error && <div className="adm-field-error">{error}</div>}
    </div>
  );
}

function Labeled({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="adm-field">
      <span className="adm-label">{label}</span>
      {children}
      {error && <span className="adm-field-error">{error}</span>}
    </label>
  );
}

function NumberField(props: {
  label: string;
  unit: string;
  value: string;
  limits?: readonly [number, number];
  step?: string;
  error?: string;
  hint?: string;
  testId: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="adm-field">
      <span className="adm-label">{props.label}</span>
      <span className="adm-with-unit">
        <input
          type="number"
          inputMode="decimal"
          value={props.value}
          min={props.limits?.[0]}
          max={props.limits?.[1]}
          step={props.step ?? '1'}
          data-testid={props.testId}
          aria-invalid={!!props.error}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <span className="adm-unit">{props.unit}</span>
      </span>
      {props.hint && <span className="adm-hint">{props.hint}</span>}
      {props.error && <span className="adm-field-error">{props.error}</span>}
    </label>
  );
}
