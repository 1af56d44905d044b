import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { CustomerHit } from '../../../core/contract/views';
import type { TicketDetail } from '../../../core/contract/views-cases';
import { matchPolicy, TICKET_PRIORITIES, type SlaPolicy, type TicketPriority } from '../../../core/sla/policy';
import { TICKET_CHANNELS } from '../../../core/tickets/model';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatBizMinutes, ticketErrorLine, useCategoryLabel } from './labels';
import { CustomerPicker } from './CustomerPicker';
import { Modal } from './Modal';
import { guessTicket } from './prefill';
import { Button, Field, FieldMessage, LabelledGroup, Select, TextArea, TextInput } from '../../ui';

/** Where a new ticket comes from: a call (customer, callback and, once saved, the attempt) or nothing. */
export interface TicketSource {
  customerId: string;
  customerName: string;
  callbackId: string;
  attemptId: string | null;
  notes: string;
}

type Channel = (typeof TICKET_CHANNELS)[number];

export function NewTicketDialog({ source, onClose, onCreated }: { source: TicketSource | null; onClose: () => void; onCreated: (d: TicketDetail) => void }) {
  const { t } = useTranslation('tickets');
  const settings = useStore((s) => s.caseSettings);
  const loadSettings = useStore((s) => s.loadCaseSettings);
  const users = useStore((s) => s.session?.users) ?? [];
  const meId = useStore((s) => s.session?.currentUser?.id ?? '');
  const categoryLabel = useCategoryLabel();
  const usable = useMemo(() => (settings?.categories ?? []).filter((c) => !c.retired).map((c) => c.key), [settings]);

  const [form, setForm] = useState(() => {
    const guess = guessTicket(source?.notes ?? '', usable);
    return { ...guess, channel: 'phone' as Channel, assigneeId: meId, guessed: usable.length > 0 };
  });
  const [customer, setCustomer] = useState<CustomerHit | null>(null);
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!settings) void loadSettings();
    void call('sla.getPolicies', {}).then((r) => r.ok && setPolicies(r.value));
  }, [settings, loadSettings]);

  // The categories arrive after the first render: guess again once they are known.
  useEffect(() => {
    if (form.guessed || usable.length === 0) return;
    const guess = guessTicket(source?.notes ?? '', usable, form.subject);
    setForm((f) => ({ ...f, category: guess.category, priority: guess.priority, guessed: true }));
  }, [usable, form.guessed, form.subject, source?.notes]);

  const patch = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));
  const policy = matchPolicy(policies, form.priority, form.category);
  const ready = form.subject.trim() !== '' && usable.includes(form.category);

  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    const r = await call('tickets.create', {
      customerId: source?.customerId ?? customer?.id ?? null,
      callbackId: source?.callbackId ?? null,
      attemptId: source?.attemptId ?? null,
      subject: form.subject.trim(),
      description: form.description.trim(),
      category: form.category,
      priority: form.priority,
      channel: source ? 'callback' : form.channel,
      assigneeId: form.assigneeId || null,
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onCreated(r.value);
  };

  return (
    <Modal
      title={source ? t('create.fromCallTitle') : t('create.title')}
      subtitle={source ? t('create.fromCallSub', { name: source.customerName }) : customer ? t('create.linkedCustomerSub', { name: customer.name }) : t('create.standaloneSub')}
      onClose={onClose}
      busy={busy}
      testId="new-ticket-dialog"
      footer={
        <>
          <Button disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" data-testid="create-ticket" disabled={!ready || busy} onClick={() => void submit()}>
            {busy ? t('common.working') : t('create.submit')}
          </Button>
        </>
      }
    >
      {!source && (
        <LabelledGroup
          label={
            <>
              {t('create.customer')} <span className="muted">{t('common.optional')}</span>
            </>
          }
        >
          {() => <CustomerPicker value={customer} onChange={setCustomer} />}
        </LabelledGroup>
      )}
      <Field label={t('create.subject')} hint={t('create.subjectHint')} hintTestId="ticket-subject-hint">
        <TextInput
          data-testid="ticket-subject"
          maxLength={120}
          value={form.subject}
          placeholder={t('create.subjectPlaceholder')}
          onChange={(e) => patch({ subject: e.target.value })}
        />
      </Field>
      <div className="tk-field-row">
        <Field label={t('fields.category')}>
          <Select data-testid="ticket-category" value={form.category} onChange={(e) => patch({ category: e.target.value })}>
            {usable.map((key) => (
              <option key={key} value={key}>
                {categoryLabel(key)}
              </option>
            ))}
          </Select>
        </Field>
        <LabelledGroup label={t('fields.priority')}>
          {(labelId) => (
            <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
              {TICKET_PRIORITIES.map((p: TicketPriority) => (
                <button
                  key={p}
                  type="button"
                  role="radio"
                  aria-checked={form.priority === p}
                  className={form.priority === p ? 'seg active' : 'seg'}
                  data-testid={`ticket-priority-${p}`}
                  title={t(`priority.hint.${p}`)}
                  onClick={() => patch({ priority: p })}
                >
                  {p}
                </button>
              ))}
            </div>
          )}
        </LabelledGroup>
      </div>
      <FieldMessage tone="hint" data-testid="ticket-sla-preview">
        {policy
          ? t('create.slaPreview', {
              first: formatBizMinutes(t, policy.firstResponseMinutes),
              resolve: formatBizMinutes(t, policy.resolutionMinutes),
            })
          : t(`priority.hint.${form.priority}`)}
      </FieldMessage>
      <Field
        label={
          <>
            {t('create.description')} <span className="muted">{t('common.optional')}</span>
          </>
        }
      >
        <TextArea
          rows={4}
          maxLength={5000}
          data-testid="ticket-description"
          value={form.description}
          placeholder={t('create.descriptionPlaceholder')}
          onChange={(e) => patch({ description: e.target.value })}
        />
      </Field>
      <div className="tk-field-row">
        {!source && (
          <Field label={t('fields.channel')}>
            <Select value={form.channel} onChange={(e) => patch({ channel: e.target.value as Channel })}>
              {TICKET_CHANNELS.filter((c) => c !== 'callback').map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t('fields.assignee')}>
          <Select data-testid="ticket-assignee" value={form.assigneeId} onChange={(e) => patch({ assigneeId: e.target.value })}>
            <option value="">{t('assign.nobody')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id === meId ? t('assign.me', { name: u.name }) : u.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {source && (
        <FieldMessage tone="hint" data-testid="ticket-link-note">
          {source.attemptId ? t('create.linkedAttempt') : t('create.linkedCallback')}
        </FieldMessage>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="new-ticket-error">
          <strong>{t('create.failed')}</strong>
          <span>{ticketErrorLine(t, error)}</span>
        </div>
      )}
    </Modal>
  );
}
