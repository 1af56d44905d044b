import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import { useStore } from '../../store';
import { SlaErrorNotice } from '../sla-board/common';
import { issueText } from '../../i18n/apiError';
import { Alert, Button, ButtonRow, Card, FieldGroups, ToneText } from '../../ui';

/**
 * The frame of one case-settings section: title, a read-only note for agents, the inputs, and
 * save/discard for supervisors. Each section loads and saves on its own, like the queue rules above it.
 */
export function SectionCard({
  id,
  title,
  intro,
  dirty,
  saving,
  hasErrors,
  saveError,
  notice,
  saveLabel,
  onSave,
  onDiscard,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  dirty: boolean;
  saving: boolean;
  hasErrors: boolean;
  saveError: ApiError | null;
  notice?: ReactNode;
  saveLabel?: string;
  onSave: () => void;
  onDiscard: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('sla');
  const role = useStore((s) => s.session?.currentUser?.role);
  const canEdit = role === 'supervisor';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (canEdit) onSave();
  }

  return (
    <Card as="form" className="sla-settings" title={title} titleId={`${id}-title`} intro={intro} onSubmit={submit} noValidate data-testid={id}>
      {!canEdit && (
        <Alert tone="info" role="note">
          {t('settings.readOnly')}
        </Alert>
      )}
      <FieldGroups disabled={!canEdit || saving}>{children}</FieldGroups>
      {hasErrors && !saveError && (
        <Alert tone="danger" role="alert" data-testid={`${id}-errors`}>
          {t('settings.fixErrors')}
        </Alert>
      )}
      <SlaErrorNotice error={saveError} testId={`${id}-error`} />
      {notice && (
        <Alert tone="info" role="status" data-testid={`${id}-notice`}>
          {notice}
        </Alert>
      )}
      {canEdit && (
        <ButtonRow actions>
          <Button variant="primary" type="submit" disabled={saving || !dirty} data-testid={`${id}-save`}>
            {saving ? t('settings.saving') : (saveLabel ?? t('settings.save'))}
          </Button>
          <Button disabled={saving || !dirty} onClick={onDiscard}>
            {t('settings.discard')}
          </Button>
          {dirty && (
            <ToneText tone="warn" className="small">
              {t('settings.unsaved')}
            </ToneText>
          )}
        </ButtonRow>
      )}
    </Card>
  );
}

/** Zod issues of a BAD_INPUT answer as (path, message) pairs in the UI language; the path joined with dots, indexes in []. */
export function issuePaths(error: ApiError): { path: string; message: string }[] {
  const issues = Array.isArray(error.details?.issues) ? (error.details.issues as Parameters<typeof issueText>[0][]) : [];
  return issues.map((i) => ({
    path: (i.path ?? []).reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out === '' ? String(p) : `${out}.${String(p)}`), ''),
    message: issueText(i),
  }));
}
