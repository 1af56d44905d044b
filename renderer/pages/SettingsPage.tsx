import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { call } from '../api/client';
import { useStore } from '../store';
import { SettingsRules } from './admin/SettingsRules';
import { TeamMembers } from './admin/TeamMembers';
import { CaseSettingsSections } from './settings-cases';
import { TeamServerSection } from './settings-sync/TeamServerSection';
import { ErrorNotice } from '../components/ErrorNotice';
import { fromForm, sameForm, serverFieldErrors, toForm, type EditForm, type FieldErrors, type SettingsForm } from './admin/settingsForm';
import { Alert, Button, ButtonRow, Card, FieldGroups, Page, PageHeader, ToneText } from '../ui';

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; saved: Settings };

export default function SettingsPage() {
  const { t } = useTranslation('admin');
  const notify = useStore((s) => s.notify);
  const refreshSession = useStore((s) => s.refreshSession);
  const role = useStore((s) => s.session?.currentUser?.role);
  const canEdit = role === 'supervisor';

  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

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
      <Page>
        <PageHead />
        <p className="muted">{t('common.loading')}</p>
      </Page>
    );
  }
  if (load.state === 'error' || !form) {
    return (
      <Page>
        <PageHead />
        <ErrorNotice error={load.state === 'error' ? load.error : null} title={t('settings.loadFailed')}>
          <Button size="small" onClick={() => void reload()}>
            {t('common.retry')}
          </Button>
        </ErrorNotice>
      </Page>
    );
  }

  const saved = load.saved;
  const dirty = !sameForm(form, toForm(saved));

  const edit: EditForm = (patch, fields) => {
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

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Page>
      <PageHead />
      <Card
        as="form"
        title={t('settings.rulesTitle')}
        intro={t('settings.rulesIntro')}
        onSubmit={(e) => void save(e)}
        noValidate
        data-testid="settings-form"
      >
        {!canEdit && (
          <Alert tone="info" role="note" data-testid="settings-readonly">
            {t('settings.readOnly', { role: t(`roles.${role ?? 'agent'}`) })}
          </Alert>
        )}

        <FieldGroups disabled={!canEdit || saving}>
          <SettingsRules form={form} errors={errors} canEdit={canEdit} edit={edit} />
        </FieldGroups>

        {hasErrors && !saveError && (
          <Alert tone="danger" role="alert">
            {t('settings.fixErrors')}
          </Alert>
        )}
        <ErrorNotice error={saveError} testId="settings-error" />
        {notice && (
          <Alert tone="info" role="status">
            {notice}
          </Alert>
        )}

        {canEdit && (
          <ButtonRow actions>
            <Button variant="primary" type="submit" disabled={saving || !dirty} data-testid="settings-save">
              {saving ? t('settings.saving') : t('settings.save')}
            </Button>
            <Button
              disabled={saving || !dirty}
              onClick={() => {
                setForm(toForm(saved));
                setErrors({});
                setSaveError(null);
                setNotice(null);
              }}
            >
              {t('settings.discard')}
            </Button>
            <Button
              variant="link"
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
            </Button>
            {dirty && (
              <ToneText tone="warn" className="small">
                {t('settings.unsaved')}
              </ToneText>
            )}
          </ButtonRow>
        )}
        {!canEdit && (
          <ButtonRow actions>
            <Button variant="primary" type="submit" disabled data-testid="settings-save">
              {t('settings.save')}
            </Button>
          </ButtonRow>
        )}
      </Card>

      <TeamServerSection />
      <TeamMembers />
      <CaseSettingsSections />
    </Page>
  );
}

function PageHead() {
  const { t } = useTranslation('admin');
  return (
    <PageHeader title={t('settings.title')} />
  );
}
