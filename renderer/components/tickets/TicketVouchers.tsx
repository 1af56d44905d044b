import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail, VoucherView } from '../../../core/contract/views-cases';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatDate, formatShortDateTime, relativeToNow } from '../../format';
import { ReasonDialog } from './Modal';
import { ticketErrorLine, VoucherStateBadge, voucherText } from './labels';
import { VoucherDialog } from './VoucherDialog';
import type { TicketActions } from './useTicketAction';
import { Button } from '../../ui';

type Asking = { kind: 'reject' | 'void'; voucher: VoucherView } | null;

/**
 * The compensation on this ticket. A supervisor decides pending vouchers right here (never their own
 * request: the back end refuses, so the button is not offered); the issuer or a supervisor voids.
 */
export function TicketVouchers({ detail, actions }: { detail: TicketDetail; actions: TicketActions }) {
  const { t } = useTranslation('tickets');
  const me = useStore((s) => s.session?.currentUser);
  const refreshTicket = useStore((s) => s.refreshTicket);
  const [issuing, setIssuing] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const tk = detail.ticket;
  const supervisor = me?.role === 'supervisor';
  const ask = (a: Asking) => {
    actions.clearError();
    setAsking(a);
  };

  return (
    <section className="tk-section" data-testid="ticket-vouchers">
      <div className="tk-section-head">
        <h3>
          {t('vouchers.title')} <span className="count">{detail.vouchers.length}</span>
        </h3>
        <Button
          size="small"
          data-testid="issue-voucher"
          disabled={!detail.customer}
          title={detail.customer ? undefined : t('vouchers.needsCustomer')}
          onClick={() => setIssuing(true)}
        >
          {t('vouchers.issue')}
        </Button>
      </div>
      {detail.vouchers.length === 0 ? (
        <p className="muted tk-none">{detail.customer ? t('vouchers.none') : t('vouchers.needsCustomer')}</p>
      ) : (
        <ul className="tk-vlist">
          {detail.vouchers.map((v) => {
            const mine = v.requestedBy === me?.id;
            const canDecide = v.state === 'pending_approval' && supervisor && !mine;
            const canVoid = v.state === 'issued' && (supervisor || mine);
            return (
              <li key={v.id} className="tk-voucher" data-testid="ticket-voucher" data-code={v.code} data-state={v.state}>
                <div className="tk-voucher-main">
                  <span className="tk-voucher-what">{voucherText(v)}</span>
                  <VoucherStateBadge state={v.state} />
                </div>
                <div className="tk-voucher-meta tiny muted">
                  {t(`reasonCode.${v.reasonCode}`)} · {t('vouchers.requested', { name: v.requestedByName ?? '—', time: formatShortDateTime(v.requestedAt) })}
                  {v.decidedByName && v.decidedAt !== null && <> · {t(`vouchers.decided_${v.state === 'rejected' ? 'rejected' : 'approved'}`, { name: v.decidedByName, time: formatShortDateTime(v.decidedAt) })}</>}
                  {(v.state === 'issued' || v.state === 'pending_approval') && <> · {t('vouchers.expires', { date: formatDate(v.expiresAt) })}</>}
                </div>
                {v.state === 'pending_approval' && v.approvalReasons.length > 0 && (
                  <div className="tk-voucher-why tiny">{v.approvalReasons.map((r) => t(`vouchers.why.${r}`)).join(t('common.listSep'))}</div>
                )}
                {v.note && <div className="tk-voucher-note tiny">{v.note}</div>}
                {v.stateReason && <div className="tk-voucher-reason tiny">{t('vouchers.stateReason', { reason: v.stateReason })}</div>}
                {v.state === 'pending_approval' && supervisor && mine && <div className="tiny muted">{t('vouchers.ownRequest')}</div>}
                {v.state === 'pending_approval' && !supervisor && <div className="tiny muted">{t('vouchers.waiting')}</div>}
                {(canDecide || canVoid) && (
                  <div className="tk-voucher-actions">
                    {canDecide && (
                      <>
                        <Button
                          variant="primary"
                          size="small"
                          data-testid="voucher-approve"
                          disabled={actions.busy !== null}
                          onClick={() =>
                            void actions.voucher('approve', call('vouchers.approve', { id: v.id }), (x) => t('vouchers.approvedToast', { what: voucherText(x) }))
                          }
                        >
                          {actions.busy === 'approve' ? t('common.working') : t('vouchers.approve')}
                        </Button>
                        <Button size="small" data-testid="voucher-reject" disabled={actions.busy !== null} onClick={() => ask({ kind: 'reject', voucher: v })}>
                          {t('vouchers.reject')}
                        </Button>
                      </>
                    )}
                    {canVoid && (
                      <Button variant="ghost" size="small" className="tk-danger-text" data-testid="voucher-void" disabled={actions.busy !== null} onClick={() => ask({ kind: 'void', voucher: v })}>
                        {t('vouchers.void')}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <FollowUps detail={detail} />

      {issuing && detail.customer && (
        <VoucherDialog
          target={{ customerId: detail.customer.id, customerName: detail.customer.name, ticket: { id: tk.id, code: tk.code, subject: tk.subject } }}
          onClose={() => setIssuing(false)}
          onDone={() => {
            setIssuing(false);
            void refreshTicket();
          }}
        />
      )}
      {asking && (
        <ReasonDialog
          title={asking.kind === 'reject' ? t('vouchers.rejectTitle') : t('vouchers.voidTitle')}
          subtitle={voucherText(asking.voucher)}
          label={asking.kind === 'reject' ? t('vouchers.rejectReason') : t('vouchers.voidReason')}
          confirm={asking.kind === 'reject' ? t('vouchers.reject') : t('vouchers.void')}
          danger
          error={actions.error ? ticketErrorLine(t, actions.error) : null}
          onClose={() => setAsking(null)}
          onSubmit={(reason) =>
            asking.kind === 'reject'
              ? actions.voucher('reject', call('vouchers.reject', { id: asking.voucher.id, reason }), (x) => t('vouchers.rejectedToast', { what: voucherText(x) }))
              : actions.voucher('void', call('vouchers.void', { id: asking.voucher.id, reason }), (x) => t('vouchers.voidedToast', { what: voucherText(x) }))
          }
        />
      )}
    </section>
  );
}

function FollowUps({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  if (detail.followUps.length === 0) return null;
  return (
    <div className="tk-followups" data-testid="ticket-followups">
      <h4>{t('followUps.title')}</h4>
      <ul>
        {detail.followUps.map((f) => (
          <li key={f.id} data-testid="ticket-followup" data-state={f.state}>
            <span className={f.state === 'open' ? 'badge badge-ok' : 'badge badge-muted'}>{t(`followUps.state.${f.state}`)}</span>
            <span>
              {f.dueAt !== null ? t('followUps.due', { time: formatShortDateTime(f.dueAt), rel: relativeToNow(f.dueAt) }) : t('followUps.asap')}
            </span>
            {f.outcome && <span className="muted">· {t('followUps.outcome', { outcome: tc(`outcome.${f.outcome}`) })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
