import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../core/contract/views-cases';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../core/sla/policy';
import type { TicketStatus } from '../../../core/tickets/model';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { MaskedText } from '../MaskedText';
import { formatDateTime } from '../../format';
import { ReasonDialog } from './Modal';
import { ResolveDialog } from './ResolveDialog';
import { SlaClocks } from './SlaClocks';
import { TicketComposer } from './TicketComposer';
import { TicketTimeline } from './TicketTimeline';
import { TicketVouchers } from './TicketVouchers';
import { TicketPriorityBadge, TicketStatusBadge, ticketErrorLine, useCategoryLabel } from './labels';
import { useTicketAction, type TicketActions } from './useTicketAction';
import { Button, Field, FieldMessage, IconButton, Select } from '../../ui';

/** The ticket beside the list: what it is, its clocks, what can be done now, and its history. */
export function TicketDetailPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const detail = useStore((s) => s.ticketDetail);
  const loadError = useStore((s) => s.ticketDetailError);
  const actions = useTicketAction();

  if (!detail) {
    return (
      <aside className="tk-detail" data-testid="ticket-detail" data-state={loadError ? 'error' : 'loading'}>
        <div className="tk-detail-empty">
          {loadError ? <span className="tk-problem">{ticketErrorLine(t, loadError)}</span> : <span className="muted">{t('common.loading')}</span>}
          <Button size="small" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
      </aside>
    );
  }
  const tk = detail.ticket;
  return (
    <aside className="tk-detail" data-testid="ticket-detail" data-state="ready" data-id={tk.id} data-code={tk.code} data-status={tk.status}>
      <header className="tk-detail-head">
        <div className="tk-detail-title">
          <span className="tk-code mono" data-testid="ticket-code">
            {tk.code}
          </span>
          <TicketStatusBadge status={tk.status} />
          <TicketPriorityBadge priority={tk.priority} />
          {tk.escalated && <span className="tk-escalated-chip">{t('detail.escalated')}</span>}
        </div>
        <IconButton size="large" label={t('common.close')} onClick={onClose}>
          ×
        </IconButton>
      </header>
      <div className="tk-detail-body">
        <h2 className="tk-subject" data-testid="ticket-subject-view">
          {tk.subject}
        </h2>
        <Facts detail={detail} />
        {actions.error && (
          <div className="banner banner-error" role="alert" data-testid="ticket-error" data-code={actions.error.code}>
            <strong>{t('detail.actionFailed')}</strong>
            <span>{ticketErrorLine(t, actions.error)}</span>
            <span className="muted">{t(`nextStep.${actions.error.code}`, { defaultValue: t('nextStep.other') })}</span>
          </div>
        )}
        <StatusActions detail={detail} actions={actions} />
        <SlaClocks detail={detail} />
        <Controls detail={detail} actions={actions} />
        <TicketComposer detail={detail} actions={actions} />
        <TicketVouchers detail={detail} actions={actions} />
        <section className="tk-section">
          <div className="tk-section-head">
            <h3>
              {t('detail.timeline')} <span className="count">{detail.events.length}</span>
            </h3>
          </div>
          <TicketTimeline events={detail.events} customerId={detail.ticket.customerId} />
        </section>
      </div>
    </aside>
  );
}

function Facts({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const categoryLabel = useCategoryLabel();
  const tk = detail.ticket;
  const c = detail.customer;
  return (
    <dl className="tk-facts">
      <div>
        <dt>{t('fields.customer')}</dt>
        <dd data-testid="ticket-customer">
          {c ? (
            <>
              {c.name} <span className="mono muted">{c.phoneMasked}</span>
              {c.serviceRefused && <span className="badge badge-danger">{t('detail.serviceRefused')}</span>}
            </>
          ) : (
            <span className="muted">{t('list.noCustomer')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('fields.category')}</dt>
        <dd>{categoryLabel(tk.category)}</dd>
      </div>
      <div>
        <dt>{t('fields.assignee')}</dt>
        <dd data-testid="ticket-assignee-view">{tk.assigneeName ?? <span className="muted">{t('assign.nobody')}</span>}</dd>
      </div>
      <div>
        <dt>{t('fields.channel')}</dt>
        <dd>{t(`channel.${tk.channel}`, { defaultValue: tk.channel })}</dd>
      </div>
      <div>
        <dt>{t('fields.created')}</dt>
        <dd>{formatDateTime(tk.createdAt)}</dd>
      </div>
      {tk.resolvedAt !== null && (
        <div>
          <dt>{t('fields.resolved')}</dt>
          <dd>{formatDateTime(tk.resolvedAt)}</dd>
        </div>
      )}
      {tk.reopenCount > 0 && (
        <div>
          <dt>{t('fields.reopened')}</dt>
          <dd>{t('detail.reopenCount', { count: tk.reopenCount })}</dd>
        </div>
      )}
      {tk.description && (
        <div className="wide">
          <dt>{t('create.description')}</dt>
          <dd className="tk-description" data-testid="ticket-description-text">
            <MaskedText text={tk.description} customerId={tk.customerId} />
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A button per move the ticket may make now (the back end already applied the reopen window). */
function StatusActions({ detail, actions }: { detail: TicketDetail; actions: TicketActions }) {
  const { t } = useTranslation('tickets');
  const [resolving, setResolving] = useState(false);
  const [asking, setAsking] = useState<TicketStatus | null>(null);
  const tk = detail.ticket;
  const label = (to: TicketStatus) => {
    if (to === 'open') return tk.status === 'new' ? t('actions.start') : tk.status === 'pending_customer' ? t('actions.resume') : t('actions.reopen');
    return t(`actions.${to}`);
  };
  const move = (to: TicketStatus, reason = '') =>
    actions.ticket(to, call('tickets.transition', { id: tk.id, to, reason }), (d) => t('actions.moved', { code: d.ticket.code, status: t(`status.${d.ticket.status}`) }));
  const click = (to: TicketStatus) => {
    actions.clearError();
    if (to === 'resolved') setResolving(true);
    // Reopening and waiting on the customer say why in the history; both are optional words.
    else if (to === 'pending_customer' || (to === 'open' && (tk.status === 'resolved' || tk.status === 'closed'))) setAsking(to);
    else void move(to);
  };
  const reopenClosedBlocked = tk.status === 'closed' && !detail.allowedTransitions.includes('open');
  const startFaqDraft = useStore((s) => s.startFaqDraft);
  const settled = tk.status === 'resolved' || tk.status === 'closed';

  return (
    <div className="tk-status-actions" data-testid="status-actions">
      {detail.allowedTransitions.map((to) => (
        <Button
          key={to}
          variant={to === 'resolved' ? 'primary' : 'secondary'}
          size="small"
          data-testid={`transition-${to}`}
          disabled={actions.busy !== null}
          onClick={() => click(to)}
        >
          {actions.busy === to ? t('common.working') : label(to)}
        </Button>
      ))}
      {settled && (
        // A resolved complaint is where FAQ entries come from: the draft opens pre-filled, personal data masked.
        <Button size="small" data-testid="ticket-draft-faq" onClick={() => startFaqDraft(tk.id)}>
          {t('actions.draftFaq')}
        </Button>
      )}
      {reopenClosedBlocked && <FieldMessage tone="hint">{t('actions.reopenWindowPassed')}</FieldMessage>}
      {tk.status === 'pending_customer' && <FieldMessage tone="hint">{t('actions.pausedHint')}</FieldMessage>}
      {resolving && <ResolveDialog detail={detail} actions={actions} onClose={() => setResolving(false)} />}
      {asking && (
        <ReasonDialog
          title={label(asking)}
          subtitle={`${tk.code} · ${tk.subject}`}
          label={asking === 'pending_customer' ? t('actions.pendingReason') : t('actions.reopenReason')}
          confirm={label(asking)}
          required={false}
          testId="transition-dialog"
          error={actions.error ? ticketErrorLine(t, actions.error) : null}
          onClose={() => setAsking(null)}
          onSubmit={(reason) => move(asking, reason)}
        />
      )}
    </div>
  );
}

/** Assignment, priority and category. A priority or category change re-evaluates the SLA policy. */
function Controls({ detail, actions }: { detail: TicketDetail; actions: TicketActions }) {
  const { t } = useTranslation('tickets');
  const users = useStore((s) => s.session?.users) ?? [];
  const meId = useStore((s) => s.session?.currentUser?.id);
  const settings = useStore((s) => s.caseSettings);
  const categoryLabel = useCategoryLabel();
  const tk = detail.ticket;
  const done = tk.status === 'resolved' || tk.status === 'closed';
  const categories = (settings?.categories ?? []).filter((c) => !c.retired || c.key === tk.category);
  const reSla = (d: TicketDetail) =>
    t('controls.reevaluated', { code: d.ticket.code, priority: d.ticket.priority, category: categoryLabel(d.ticket.category) });

  return (
    <section className="tk-controls">
      <Field label={t('fields.assignee')}>
        <Select
          data-testid="ticket-assign"
          value={tk.assigneeId ?? ''}
          disabled={tk.status === 'closed' || actions.busy !== null}
          onChange={(e) => {
            const assigneeId = e.target.value || null;
            const name = users.find((u) => u.id === assigneeId)?.name;
            void actions.ticket('assign', call('tickets.assign', { id: tk.id, assigneeId }), () =>
              name ? t('controls.assigned', { name }) : t('controls.unassigned'),
            );
          }}
        >
          <option value="">{t('assign.nobody')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.id === meId ? t('assign.me', { name: u.name }) : u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('fields.priority')}>
        <Select
          data-testid="ticket-priority"
          value={tk.priority}
          disabled={done || actions.busy !== null}
          onChange={(e) => void actions.ticket('update', call('tickets.update', { id: tk.id, priority: e.target.value as TicketPriority }), reSla)}
        >
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p} title={t(`priority.hint.${p}`)}>
              {t(`priority.short.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('fields.category')}>
        <Select
          data-testid="ticket-category-edit"
          value={tk.category}
          disabled={done || actions.busy !== null}
          onChange={(e) => void actions.ticket('update', call('tickets.update', { id: tk.id, category: e.target.value }), reSla)}
        >
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {categoryLabel(c.key)}
            </option>
          ))}
        </Select>
      </Field>
      <FieldMessage tone="hint" className="tk-controls-hint">
        {done ? t('controls.doneHint') : t('controls.slaHint')}
      </FieldMessage>
    </section>
  );
}
