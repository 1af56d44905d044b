import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../core/contract/views-cases';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatDayOption, formatShortDateTime, now } from '../../format';
import { ticketErrorLine } from './labels';
import { Modal } from './Modal';
import type { TicketActions } from './useTicketAction';
import { Button, Checkbox, Field, FieldMessage, TextArea } from '../../ui';

const DAY_MS = 86_400_000;

/**
 * Resolving: a summary, and the complaint follow-up call. The follow-up is on by default and off when
 * the customer refused service calls (they asked not to be called); the back end places it inside the
 * customer's calling window, so the day shown here is approximate and the exact time comes back after.
 */
export function ResolveDialog({ detail, actions, onClose }: { detail: TicketDetail; actions: TicketActions; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const settings = useStore((s) => s.caseSettings);
  const loadSettings = useStore((s) => s.loadCaseSettings);
  const customer = detail.customer;
  const alreadyOpen = detail.followUps.some((f) => f.state === 'open');
  const possible = customer !== null && !customer.serviceRefused && !alreadyOpen;
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState(possible);
  const busy = actions.busy === 'resolve';
  const noteId = useId();

  useEffect(() => {
    if (!settings) void loadSettings();
  }, [settings, loadSettings]);

  const days = settings?.followUpDays ?? null;
  const submit = async () => {
    if (busy) return;
    const ok = await actions.ticket(
      'resolve',
      call('tickets.transition', { id: detail.ticket.id, to: 'resolved', reason: summary.trim(), followUp: followUp && possible ? 'schedule' : 'skip' }),
      (d) => {
        const scheduled = d.followUps.find((f) => f.state === 'open' && !detail.followUps.some((old) => old.id === f.id));
        return scheduled && scheduled.dueAt !== null
          ? t('resolve.doneWithFollowUp', { code: d.ticket.code, time: formatShortDateTime(scheduled.dueAt) })
          : t('resolve.done', { code: d.ticket.code });
      },
    );
    if (ok) onClose();
  };

  let note: string;
  if (!customer) note = t('resolve.noCustomer');
  else if (customer.serviceRefused) note = t('resolve.refused', { name: customer.name });
  else if (alreadyOpen) note = t('resolve.alreadyScheduled');
  else if (!followUp) note = t('resolve.skipNote');
  else if (days === null) note = t('common.loading');
  else note = t('resolve.when', { days, day: formatDayOption(now() + days * DAY_MS) });

  return (
    <Modal
      title={t('resolve.title', { code: detail.ticket.code })}
      subtitle={detail.ticket.subject}
      onClose={onClose}
      busy={busy}
      testId="resolve-dialog"
      footer={
        <>
          <Button disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" data-testid="resolve-confirm" disabled={busy} onClick={() => void submit()}>
            {busy ? t('common.working') : t('resolve.confirm')}
          </Button>
        </>
      }
    >
      <Field label={t('resolve.summary')}>
        <TextArea
          rows={4}
          maxLength={500}
          data-testid="resolve-summary"
          placeholder={t('resolve.summaryPlaceholder')}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </Field>
      <Checkbox
        label={t('resolve.followUp')}
        data-testid="resolve-followup"
        checked={followUp && possible}
        disabled={!possible}
        aria-describedby={noteId}
        onChange={(e) => setFollowUp(e.target.checked)}
      />
      <FieldMessage tone={followUp && possible ? 'hint' : 'note'} id={noteId} data-testid="resolve-followup-note">
        {note}
      </FieldMessage>
      {customer?.dnc && possible && <FieldMessage tone="hint">{t('resolve.dncNote')}</FieldMessage>}
      {actions.error && (
        <div className="banner banner-error" role="alert" data-testid="resolve-error" data-code={actions.error.code}>
          <strong>{t('resolve.failed')}</strong>
          <span>{ticketErrorLine(t, actions.error)}</span>
        </div>
      )}
    </Modal>
  );
}
