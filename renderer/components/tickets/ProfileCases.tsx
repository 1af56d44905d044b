import { useTranslation } from 'react-i18next';
import type { CallbackDetail } from '../../../core/contract/views';
import { useStore } from '../../store';
import { formatDate, formatDateTime } from '../../format';
import { TicketPriorityBadge, TicketStatusBadge, useCategoryLabel, voucherText } from './labels';
import '../../styles/tickets.css';

/**
 * A complaint follow-up call: which ticket it follows, how it ended, and what compensation was given,
 * so the agent can say "we resolved your … and sent you …" without opening anything.
 */
export function FollowUpOfPanel({ detail }: { detail: CallbackDetail }) {
  const { t } = useTranslation('tickets');
  const openTicket = useStore((s) => s.openTicket);
  const categoryLabel = useCategoryLabel();
  const f = detail.followUpOf;
  if (!f) return null;
  const given = f.vouchers.filter((v) => v.state !== 'rejected');
  return (
    <section className="tk-followup-of" data-testid="follow-up-of" aria-label={t('followUpOf.title', { code: f.code })}>
      <div className="tk-followup-of-head">
        <span className="tk-followup-of-title">{t('followUpOf.title', { code: f.code })}</span>
        <TicketStatusBadge status={f.status} />
        <button type="button" className="link-button" data-testid="follow-up-open-ticket" onClick={() => openTicket(f.id, true)}>
          {t('followUpOf.open')}
        </button>
      </div>
      <div className="tk-followup-of-subject" data-testid="follow-up-subject">
        {f.subject}
      </div>
      <div className="tk-followup-of-line">
        {categoryLabel(f.category)} · {f.priority}
        {' · '}
        {f.resolvedAt !== null ? t('followUpOf.resolvedAt', { time: formatDateTime(f.resolvedAt) }) : t('followUpOf.notResolved')}
      </div>
      <div className="tk-followup-of-comp" data-testid="follow-up-compensation">
        <span className="tk-followup-of-label">{t('followUpOf.compensation')}</span>
        {given.length === 0 ? (
          <span className="muted">{t('followUpOf.none')}</span>
        ) : (
          <ul>
            {given.map((v) => (
              <li key={v.code}>
                {voucherText({ ...v, amountFen: v.kind === 'points' ? null : v.valueFen })}
                <span className={`tk-vstate tk-vstate-${v.state}`}>{t(`voucherState.${v.state}`, { defaultValue: v.state })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The customer's recent tickets in the profile: what they complained about before, and where it stands. */
export function CustomerTickets({ detail }: { detail: CallbackDetail }) {
  const { t } = useTranslation('tickets');
  const openTicket = useStore((s) => s.openTicket);
  const tickets = detail.tickets;
  return (
    <>
      <div className="section-title">
        {t('profile.tickets')} <span className="count">{tickets.length}</span>
      </div>
      {tickets.length === 0 ? (
        <div className="muted small-pad">{t('profile.noTickets')}</div>
      ) : (
        <ul className="tk-profile-tickets" data-testid="customer-tickets">
          {tickets.map((x) => (
            <li key={x.id} data-testid="customer-ticket" data-code={x.code}>
              <button type="button" className="link-button mono" onClick={() => openTicket(x.id, true)}>
                {x.code}
              </button>
              <TicketPriorityBadge priority={x.priority} />
              <span className="tk-profile-subject" title={x.subject}>
                {x.subject}
              </span>
              <TicketStatusBadge status={x.status} />
              <span className="muted tiny">{formatDate(x.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
