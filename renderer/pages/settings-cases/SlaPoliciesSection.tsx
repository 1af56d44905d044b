import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { SlaPolicy } from '../../../core/sla/policy';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { SlaErrorNotice, useCaseSettings } from '../sla-board/common';
import { PolicyRow } from './PolicyRow';
import { fromDrafts, newDraft, policyErrorKey, toDraft, type PolicyDraft, type PolicyErrors } from './policyForm';
import { SectionCard, issuePaths } from './SectionCard';
import { Button, FieldMessage } from '../../ui';

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; saved: SlaPolicy[] };

/** The ordered SLA policies: the first one matching a ticket's priority and category applies. */
export function SlaPoliciesSection() {
  const { t } = useTranslation('sla');
  const notify = useStore((s) => s.notify);
  const canEdit = useStore((s) => s.session?.currentUser?.role) === 'supervisor';
  const settings = useCaseSettings();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [drafts, setDrafts] = useState<PolicyDraft[] | null>(null);
  const [errors, setErrors] = useState<PolicyErrors>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    const r = await call('sla.getPolicies', {});
    if (!r.ok) return setLoad({ state: 'error', error: r.error });
    setLoad({ state: 'ready', saved: r.value });
    setDrafts(r.value.map(toDraft));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.state === 'error') return <SlaErrorNotice error={load.error} />;
  if (load.state === 'loading' || !drafts) return <p className="muted">{t('common.loading')}</p>;
  const saved = load.saved;
  const { warnings } = fromDrafts(drafts, t);

  const update = (next: PolicyDraft[]) => {
    setDrafts(next);
    setSaveError(null);
    // Positions move on reorder and removal: errors shown by position would point at the wrong row.
    if (Object.keys(errors).length) setErrors({});
  };

  async function save() {
    if (!drafts) return;
    const checked = fromDrafts(drafts, t);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    setSaving(true);
    const r = await call('sla.setPolicies', { policies: checked.policies });
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error);
      if (r.error.code === 'BAD_INPUT') {
        setErrors(Object.fromEntries(issuePaths(r.error).map((i) => [policyErrorKey(i.path), t('settings.server', { message: i.message })])));
      }
      return;
    }
    setLoad({ state: 'ready', saved: r.value });
    setDrafts(r.value.map(toDraft));
    notify('success', t('policies.saved'));
  }

  const move = (i: number, delta: -1 | 1) => {
    const next = drafts.slice();
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item!);
    update(next);
  };

  return (
    <SectionCard
      id="sla-policies"
      title={t('policies.title')}
      intro={t('policies.intro')}
      dirty={JSON.stringify(drafts) !== JSON.stringify(saved.map(toDraft))}
      saving={saving}
      hasErrors={Object.keys(errors).length > 0}
      saveError={saveError}
      onSave={() => void save()}
      onDiscard={() => {
        setDrafts(saved.map(toDraft));
        setErrors({});
        setSaveError(null);
      }}
    >
      <ol className="sla-policies" data-testid="policy-list">
        {drafts.map((d, i) => (
          <PolicyRow
            key={d.id}
            index={i}
            count={drafts.length}
            draft={d}
            errors={errors}
            warnings={warnings}
            settings={settings}
            canEdit={canEdit}
            onChange={(patch) => update(drafts.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
            onMove={(delta) => move(i, delta)}
            onRemove={() => update(drafts.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      {errors.list && (
        <FieldMessage tone="error" role="alert" data-testid="policy-list-error">
          {errors.list}
        </FieldMessage>
      )}
      {canEdit && (
        <div>
          <Button size="small" data-testid="policy-add" onClick={() => update([...drafts, newDraft(drafts)])}>
            {t('policies.add')}
          </Button>
        </div>
      )}
      <FieldMessage tone="hint">{t('policies.hint')}</FieldMessage>
    </SectionCard>
  );
}
