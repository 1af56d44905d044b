import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketBriefView } from '../../../core/contract/views';
import type { TicketDetail } from '../../../core/contract/views-cases';
import { useStore } from '../../store';
import { formatTime } from '../../format';
import { NewTicketDialog, type TicketSource } from './NewTicketDialog';
import { VoucherDialog, type VoucherTarget } from './VoucherDialog';
import '../../styles/tickets.css';
import { Button } from '../../ui';

/** What the two call-side buttons need: the customer, the call, and their tickets so far. */
interface CaseContext {
  source: TicketSource;
  tickets: TicketBriefView[];
}

/**
 * "Open complaint ticket" and "Compensate" for one call. The dialogs belong to the buttons, so they
 * work the same in the live call panel and in the after-call bar.
 */
function CaseButtons({ context, onCreated, compact = false }: { context: CaseContext; onCreated: (d: TicketDetail) => void; compact?: boolean }) {
  const { t } = useTranslation('tickets');
  const [dialog, setDialog] = useState<'ticket' | 'voucher' | null>(null);
  const target: VoucherTarget = {
    customerId: context.source.customerId,
    customerName: context.source.customerName,
    ticket: null,
    ticketChoices: context.tickets,
  };
  const size = compact ? 'small' : 'normal';
  return (
    <>
      <Button size={size} data-testid="raise-ticket" onClick={() => setDialog('ticket')}>
        {t('call.raiseTicket')}
      </Button>
      <Button size={size} data-testid="call-voucher" onClick={() => setDialog('voucher')}>
        {t('call.compensate')}
      </Button>
      {dialog === 'ticket' && (
        <NewTicketDialog
          source={context.source}
          onClose={() => setDialog(null)}
          onCreated={(d) => {
            setDialog(null);
            onCreated(d);
          }}
        />
      )}
      {dialog === 'voucher' && <VoucherDialog target={target} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />}
    </>
  );
}

/** In the call panel: raise a ticket or compensate while the customer is on the line. */
export function CallCaseActions() {
  const { t } = useTranslation('tickets');
  const detail = useStore((s) => s.workspace?.detail ?? null);
  const notes = useStore((s) => s.draft?.notes ?? '');
  const notify = useStore((s) => s.notify);
  const noteRaised = useStore((s) => s.noteTicketRaised);
  if (!detail) return null;
  const context: CaseContext = {
    source: {
      customerId: detail.customer.id,
      customerName: detail.customer.name,
      callbackId: detail.callback.id,
      attemptId: null,
      notes: notes.trim() || detail.callback.notes,
    },
    tickets: detail.tickets,
  };
  return (
    <div className="tk-call-actions" data-testid="call-case-actions">
      <span className="tk-call-actions-label">{t('call.afterLabel')}</span>
      <CaseButtons
        compact
        context={context}
        onCreated={(d) => {
          noteRaised(d, false);
          notify('success', t('call.raisedDuringCall', { code: d.ticket.code }));
        }}
      />
    </div>
  );
}

/** On the queue after a call is saved: the after-call work, linked to the attempt just recorded. */
export function AfterCallBar() {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const last = useStore((s) => s.lastCall);
  const meId = useStore((s) => s.session?.currentUser?.id ?? null);
  const working = useStore((s) => s.workspace !== null);
  const dismiss = useStore((s) => s.dismissLastCall);
  const noteRaised = useStore((s) => s.noteTicketRaised);
  const applyDetail = useStore((s) => s.applyTicketDetail);
  const openTicket = useStore((s) => s.openTicket);
  const notify = useStore((s) => s.notify);
  if (!last || working || last.agentId !== meId) return null;

  const context: CaseContext = {
    source: { customerId: last.customerId, customerName: last.customerName, callbackId: last.callbackId, attemptId: last.attemptId, notes: last.notes },
    tickets: last.tickets,
  };
  return (
    <div className="banner tk-aftercall" role="region" aria-label={t('call.afterTitle')} data-testid="after-call" tabIndex={-1}>
      <div className="banner-body">
        <strong>{t('call.afterTitle')}</strong>
        <p>
          {t('call.afterText', { name: last.customerName, disposition: tc(`disposition.${last.disposition}`), time: formatTime(last.savedAt) })}
          {last.raised && (
            <>
              {' · '}
              <button type="button" className="link-button" data-testid="after-call-ticket" onClick={() => openTicket(last.raised!.id, true)}>
                {t('call.raisedLink', { code: last.raised.code })}
              </button>
            </>
          )}
        </p>
      </div>
      <div className="banner-actions">
        <CaseButtons
          compact
          context={context}
          onCreated={(d) => {
            noteRaised(d, true);
            applyDetail(d);
            notify('success', t('create.created', { code: d.ticket.code }));
            openTicket(d.ticket.id, true);
          }}
        />
        <Button variant="ghost" size="small" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={dismiss}>
          ×
        </Button>
      </div>
    </div>
  );
}
