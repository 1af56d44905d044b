import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqHistoryAction } from '../../../core/contract/views-faq';
import type { FaqAction } from '../../../core/faq/workflow';
import { Button, TextInput } from '../../ui';

/*
 * The buttons of an entry, by role and status (the back end says which are allowed). Steps that undo
 * work or speak for the team — sending back, retiring, clearing a review flag — ask once more, with room
 * for a note that lands in the workflow record.
 */

type Confirming = 'request_changes' | 'retire' | 'mark_reviewed' | null;

export interface WorkflowBarProps {
  isNew: boolean;
  canEdit: boolean;
  dirty: boolean;
  invalid: boolean;
  busy: boolean;
  allowed: readonly FaqHistoryAction[];
  /** The next save makes a new revision (the newest one is published). */
  savesNewRevision: boolean;
  /** Personal-data findings in the text not yet confirmed as not personal: publishing waits for them. */
  unconfirmedFindings: number;
  onSave(): void;
  onAction(action: FaqAction, note: string): void;
  onMarkReviewed(note: string): void;
}

export function WorkflowBar(p: WorkflowBarProps) {
  const { t } = useTranslation('faq');
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [note, setNote] = useState('');
  const has = (a: FaqHistoryAction) => p.allowed.includes(a);
  const disabled = p.busy || p.invalid;
  const ask = (c: Confirming) => {
    setNote('');
    setConfirming(c);
  };

  if (confirming) {
    const retire = confirming === 'retire';
    return (
      <div className="faq-workflow faq-workflow-confirm" data-testid="faq-confirm">
        {retire ? (
          <span className="faq-warn-text">{t('actions.retireWarning')}</span>
        ) : (
          <TextInput
            className="faq-note"
            value={note}
            maxLength={500}
            placeholder={confirming === 'mark_reviewed' ? t('actions.reviewedNote') : t('actions.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            data-testid="faq-confirm-note"
          />
        )}
        <Button onClick={() => setConfirming(null)} disabled={p.busy}>
          {t('cancel')}
        </Button>
        <Button
          variant={retire ? 'danger' : 'primary'}
          disabled={p.busy}
          data-testid="faq-confirm-go"
          onClick={() => {
            if (confirming === 'mark_reviewed') p.onMarkReviewed(note.trim());
            else p.onAction(confirming, note.trim());
            setConfirming(null);
          }}
        >
          {confirming === 'request_changes' ? t('actions.confirmRequest') : retire ? t('actions.confirmRetire') : t('actions.confirmReviewed')}
        </Button>
      </div>
    );
  }

  if (p.isNew) {
    return (
      <div className="faq-workflow">
        <Button disabled={disabled} onClick={p.onSave} data-testid="faq-save">
          {t('actions.saveDraft')}
        </Button>
        <Button variant="primary" disabled={disabled} onClick={() => p.onAction('submit', '')} data-testid="faq-submit">
          {t('actions.saveAndSubmit')}
        </Button>
      </div>
    );
  }

  return (
    <div className="faq-workflow" data-testid="faq-workflow">
      {p.dirty && <span className="faq-unsaved">{t('editor.unsaved')}</span>}
      {has('mark_reviewed') && (
        <Button disabled={p.busy} onClick={() => ask('mark_reviewed')} data-testid="faq-mark-reviewed">
          {t('actions.mark_reviewed')}
        </Button>
      )}
      {has('retire') && (
        <Button variant="ghost" className="faq-danger-text" disabled={p.busy} onClick={() => ask('retire')} data-testid="faq-retire">
          {t('actions.retire')}
        </Button>
      )}
      {has('request_changes') && (
        <Button disabled={p.busy} onClick={() => ask('request_changes')} data-testid="faq-request-changes">
          {t('actions.request_changes')}
        </Button>
      )}
      {p.canEdit && (
        <Button
          variant={p.dirty && !has('submit') && !has('publish') ? 'primary' : 'secondary'}
          disabled={disabled || !p.dirty}
          onClick={p.onSave}
          data-testid="faq-save"
        >
          {p.savesNewRevision ? t('actions.saveRevision') : t('actions.save')}
        </Button>
      )}
      {has('submit') && (
        <Button variant="primary" disabled={disabled} onClick={() => p.onAction('submit', '')} data-testid="faq-submit">
          {p.dirty ? t('actions.saveAndSubmit') : t('actions.submit')}
        </Button>
      )}
      {has('publish') && p.unconfirmedFindings > 0 && (
        <span className="faq-warn-text" id="faq-publish-why" data-testid="faq-publish-blocked">
          {t('publishCheck.blocked', { count: p.unconfirmedFindings })}
        </span>
      )}
      {has('publish') && (
        <Button
          variant="primary"
          disabled={disabled || p.unconfirmedFindings > 0}
          title={p.unconfirmedFindings > 0 ? t('publishCheck.blocked', { count: p.unconfirmedFindings }) : undefined}
          aria-describedby={p.unconfirmedFindings > 0 ? 'faq-publish-why' : undefined}
          onClick={() => p.onAction('publish', '')}
          data-testid="faq-publish"
        >
          {t('actions.publish')}
        </Button>
      )}
    </div>
  );
}
