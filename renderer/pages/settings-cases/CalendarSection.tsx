import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { ApiError } from '../../../core/contract/result';
import type { CalendarView } from '../../../core/contract/views-cases';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { now } from '../../format';
import { ZONE } from '../admin/shared';
import { SlaErrorNotice } from '../sla-board/common';
import { CalendarHistory } from './CalendarHistory';
import { CalendarImport } from './CalendarImport';
import { calendarYears, fromCalendarForm, problemText, toCalendarForm, type CalendarErrors, type CalendarForm } from './calendarForm';
import { DatesEditor } from './DatesEditor';
import { SectionCard, issuePaths } from './SectionCard';
import { WeeklyEditor } from './WeeklyEditor';
import { Field, FieldGroup, FieldMessage, FieldRow, TextInput, ToneText } from '../../ui';

const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/Los_Angeles'];

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; view: CalendarView };

/** A refusal from calendar.save, keyed like our own checks ('weekly.1[0]', 'holidays[2].date'). */
function serverErrors(error: ApiError, t: TFunction<'sla'>): CalendarErrors {
  const out: CalendarErrors = {};
  const problems = Array.isArray(error.details?.problems) ? (error.details.problems as { path: string; code: string; message: string }[]) : [];
  for (const p of problems) out[p.path] ??= problemText(p as Parameters<typeof problemText>[0], t);
  for (const i of issuePaths(error)) {
    const path = i.path.replace(/^content\./, '').replace(/\.(start|end)$/, '');
    out[path] ??= t('settings.server', { message: i.message });
  }
  return out;
}

/** The business calendar: zone, weekly hours, holidays and make-up days, year import, versions. */
export function CalendarSection() {
  const { t } = useTranslation('sla');
  const notify = useStore((s) => s.notify);
  const canEdit = useStore((s) => s.session?.currentUser?.role) === 'supervisor';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form, setForm] = useState<CalendarForm | null>(null);
  const [note, setNote] = useState('');
  const [year, setYear] = useState(() => DateTime.fromMillis(now(), { zone: ZONE }).year);
  const [errors, setErrors] = useState<CalendarErrors>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const show = useCallback((view: CalendarView) => {
    setLoad({ state: 'ready', view });
    setForm(toCalendarForm(view.current.content));
    setErrors({});
    setSaveError(null);
    setNote('');
  }, []);

  useEffect(() => {
    void call('calendar.get', {}).then((r) => (r.ok ? show(r.value) : setLoad({ state: 'error', error: r.error })));
  }, [show]);

  if (load.state === 'error') return <SlaErrorNotice error={load.error} />;
  if (load.state === 'loading' || !form) return <p className="muted">{t('common.loading')}</p>;
  const view = load.view;
  const dirty = JSON.stringify(form) !== JSON.stringify(toCalendarForm(view.current.content));

  const edit = (patch: Partial<CalendarForm>) => {
    setForm({ ...form, ...patch });
    setSaveError(null);
    setNotice(null);
    if (Object.keys(errors).length) setErrors({});
  };

  async function save() {
    if (!form) return;
    const checked = fromCalendarForm(form, t);
    if (checked.errors) return setErrors(checked.errors);
    setSaving(true);
    const r = await call('calendar.save', { content: checked.content, note: note.trim() });
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error);
      if (r.error.code === 'BAD_INPUT') setErrors(serverErrors(r.error, t));
      return;
    }
    show(r.value);
    setNotice(t('calendar.savedNotice', { version: r.value.current.version }));
    notify('success', t('calendar.saved', { version: r.value.current.version }));
  }

  // Errors on dates of a year not on screen would otherwise be invisible.
  const otherYears = [
    ...new Set(
      Object.keys(errors)
        .map((k) => /^(holidays|workdays)\[(\d+)\]/.exec(k))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => form[m[1] as 'holidays' | 'workdays'][Number(m[2])]?.date.slice(0, 4))
        .filter((y): y is string => !!y && y !== String(year)),
    ),
  ];

  return (
    <SectionCard
      id="calendar-settings"
      title={t('calendar.title')}
      intro={view.current.version === 0 ? t('calendar.introBuiltin') : t('calendar.intro', { version: view.current.version })}
      dirty={dirty}
      saving={saving}
      hasErrors={Object.keys(errors).length > 0}
      saveError={saveError}
      notice={notice}
      saveLabel={t('calendar.saveVersion')}
      onSave={() => void save()}
      onDiscard={() => show(view)}
    >
      <FieldGroup>
        <FieldRow top>
          <Field label={t('calendar.timezone')} error={errors.timezone} hint={t('calendar.timezoneHint')}>
            <TextInput
              type="text"
              list="sla-zones"
              value={form.timezone}
              aria-invalid={!!errors.timezone}
              data-testid="calendar-timezone"
              onChange={(e) => edit({ timezone: e.target.value })}
            />
          </Field>
        </FieldRow>
        <datalist id="sla-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </FieldGroup>
      <WeeklyEditor
        weekly={form.weekly}
        makeupPeriods={form.makeupPeriods}
        errors={errors}
        canEdit={canEdit}
        onWeekly={(wd, next) => edit({ weekly: { ...form.weekly, [wd]: next } })}
        onMakeup={(makeupPeriods) => edit({ makeupPeriods })}
      />
      <DatesEditor
        holidays={form.holidays}
        workdays={form.workdays}
        years={calendarYears(form, DateTime.fromMillis(now(), { zone: ZONE }).year)}
        year={year}
        errors={errors}
        canEdit={canEdit}
        onYear={setYear}
        onHolidays={(holidays) => edit({ holidays })}
        onWorkdays={(workdays) => edit({ workdays })}
      />
      {otherYears.length > 0 && (
        <FieldMessage tone="error" role="alert">
          {t('calendar.errorsInYears', { years: otherYears.join(', ') })}
        </FieldMessage>
      )}
      {canEdit && (
        <FieldGroup hint={t('calendar.versionRule')}>
          <Field label={t('calendar.note')} className="sla-note-field">
            <TextInput
              type="text"
              value={note}
              maxLength={200}
              placeholder={t('calendar.notePlaceholder')}
              data-testid="calendar-note"
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
        </FieldGroup>
      )}
      <CalendarImport
        disabled={!canEdit || dirty || saving}
        onImported={(v) => {
          show(v);
          setNotice(t('calendar.importedNotice', { version: v.current.version }));
          notify('success', t('calendar.saved', { version: v.current.version }));
        }}
      />
      {canEdit && dirty && (
        <ToneText as="p" tone="warn" className="small">
          {t('calendar.import.saveFirst')}
        </ToneText>
      )}
      <CalendarHistory versions={view.versions} current={view.current.version} />
    </SectionCard>
  );
}
