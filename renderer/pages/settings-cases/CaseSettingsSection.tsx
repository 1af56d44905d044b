import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { CaseSettings } from '../../../core/cases/settings';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { NumberField } from '../admin/settingsFields';
import { SlaErrorNotice } from '../sla-board/common';
import { CategoriesEditor } from './CategoriesEditor';
import { INT_LIMITS, caseFieldOf, fromCaseForm, sameCaseForm, toCaseForm, type CaseErrors, type CaseForm, type MoneyField } from './caseForm';
import { SectionCard, issuePaths } from './SectionCard';
import { FieldGroup, FieldRow } from '../../ui';

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; saved: CaseSettings };

/** Ticket categories, the reopen window, the follow-up, voucher limits, the budget and the repeat warning. */
export function CaseSettingsSection() {
  const { t } = useTranslation('sla');
  const notify = useStore((s) => s.notify);
  const canEdit = useStore((s) => s.session?.currentUser?.role) === 'supervisor';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form, setForm] = useState<CaseForm | null>(null);
  const [errors, setErrors] = useState<CaseErrors>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    const r = await call('cases.getSettings', {});
    if (!r.ok) return setLoad({ state: 'error', error: r.error });
    setLoad({ state: 'ready', saved: r.value });
    setForm(toCaseForm(r.value));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.state === 'error') return <SlaErrorNotice error={load.error} />;
  if (load.state === 'loading' || !form) return <p className="muted">{t('common.loading')}</p>;
  const saved = load.saved;

  const edit = (patch: Partial<CaseForm>, fields: string[]) => {
    setForm({ ...form, ...patch });
    setSaveError(null);
    if (fields.some((f) => errors[f])) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !fields.includes(k))));
  };

  async function save() {
    if (!form) return;
    const checked = fromCaseForm(form, t);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    setSaving(true);
    const r = await call('cases.updateSettings', checked.settings);
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error);
      if (r.error.code === 'BAD_INPUT') {
        setErrors(Object.fromEntries(issuePaths(r.error).map((i) => [caseFieldOf(i.path), t('settings.server', { message: i.message })])));
      }
      return;
    }
    setLoad({ state: 'ready', saved: r.value });
    setForm(toCaseForm(r.value));
    // The Tickets page reads categories from the store's copy, loaded once: give it the new one.
    useStore.setState({ caseSettings: r.value });
    notify('success', t('cases.saved'));
  }

  const int = (key: keyof typeof INT_LIMITS, label: string, unit: string, hint?: string) => (
    <NumberField
      label={label}
      unit={unit}
      value={form[key]}
      limits={INT_LIMITS[key]}
      error={errors[key]}
      hint={hint}
      testId={`cases-${key}`}
      onChange={(v) => edit({ [key]: v }, [key])}
    />
  );
  const yuan = (key: MoneyField, label: string, hint?: string) => (
    <NumberField
      label={label}
      unit={t('cases.yuanUnit')}
      value={form[key]}
      step="0.01"
      error={errors[key]}
      hint={hint}
      testId={`cases-${key}`}
      onChange={(v) => edit({ [key]: v }, [key, 'agentDailyLimit', 'supervisorDailyLimit'])}
    />
  );

  return (
    <SectionCard
      id="cases-settings"
      title={t('cases.title')}
      intro={t('cases.intro')}
      dirty={!sameCaseForm(form, toCaseForm(saved))}
      saving={saving}
      hasErrors={Object.keys(errors).length > 0}
      saveError={saveError}
      onSave={() => void save()}
      onDiscard={() => {
        setForm(toCaseForm(saved));
        setErrors({});
        setSaveError(null);
      }}
    >
      <CategoriesEditor
        categories={form.categories}
        errors={errors}
        canEdit={canEdit}
        onChange={(categories) =>
          edit(
            { categories },
            Object.keys(errors).filter((k) => k.startsWith('categories')),
          )
        }
      />
      <FieldGroup title={t('cases.ticketsTitle')}>
        <FieldRow top>
          {int('reopenWindowDays', t('cases.reopenWindow'), t('cases.daysUnit'), t('cases.reopenHint'))}
          {int('followUpDays', t('cases.followUp'), t('cases.daysUnit'), t('cases.followUpHint'))}
        </FieldRow>
      </FieldGroup>
      <FieldGroup title={t('cases.limitsTitle')} hint={t('cases.limitsHint')}>
        <FieldRow top>
          {yuan('agentVoucherLimit', t('cases.perVoucher'))}
          {yuan('agentDailyLimit', t('cases.daily'))}
          {yuan('teamMonthlyBudget', t('cases.budget'), t('cases.budgetHint'))}
        </FieldRow>
        <FieldRow top>
          {yuan('supervisorVoucherLimit', t('cases.supervisorPerVoucher'))}
          {yuan('supervisorDailyLimit', t('cases.supervisorDaily'))}
        </FieldRow>
        <FieldRow top>
          {int('pointValueFen', t('cases.pointValue'), t('cases.fenUnit'), t('cases.pointValueHint'))}
          {int('voucherValidDays', t('cases.validDays'), t('cases.daysUnit'))}
        </FieldRow>
      </FieldGroup>
      <FieldGroup title={t('cases.repeatTitle')} hint={t('cases.repeatHint')}>
        <FieldRow top>
          {int('repeatWarnCount', t('cases.repeatCount'), t('cases.vouchersUnit'))}
          {int('repeatWindowDays', t('cases.repeatWindow'), t('cases.daysUnit'))}
        </FieldRow>
      </FieldGroup>
    </SectionCard>
  );
}
