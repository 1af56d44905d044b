import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketBriefView } from '../../../core/contract/views';
import type { ApiError } from '../../../core/contract/result';
import type { VoucherQuote, VoucherRequestResult } from '../../../core/contract/views-cases';
import { VOUCHER_REASON_CODES, type VoucherReasonCode } from '../../../core/cases/settings';
import { VOUCHER_KINDS, type VoucherKind, type VoucherTerms } from '../../../core/vouchers/policy';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { now } from '../../format';
import { ticketErrorLine, voucherText } from './labels';
import { Modal } from './Modal';
import { VoucherQuotePanel } from './VoucherQuote';
import { defaultExpiry, expiryInstant, termsProblemKey, todayIso, toTerms, type VoucherForm } from './voucherForm';
import { DatePicker } from '../../ui/DatePicker';
import { Button, Field, FieldMessage, LabelledGroup, Select, TextArea, TextInput } from '../../ui';

export interface VoucherTarget {
  customerId: string;
  customerName: string;
  /** A fixed ticket (from the ticket itself), or the customer's tickets to pick from (from a call). */
  ticket: { id: string; code: string; subject: string } | null;
  ticketChoices?: TicketBriefView[];
}

const QUOTE_DELAY_MS = 250;

export function VoucherDialog({ target, onClose, onDone }: { target: VoucherTarget; onClose: () => void; onDone: (r: VoucherRequestResult) => void }) {
  const { t } = useTranslation('tickets');
  const settings = useStore((s) => s.caseSettings);
  const loadSettings = useStore((s) => s.loadCaseSettings);
  const notify = useStore((s) => s.notify);
  // One key per opening of the dialog: a double click or a retry after a lost answer makes one voucher.
  const [requestKey] = useState(() => crypto.randomUUID());
  const openChoices = (target.ticketChoices ?? []).filter((x) => x.status !== 'closed');
  const defaultDate = settings ? defaultExpiry(now(), settings.voucherValidDays) : '';
  const [form, setForm] = useState<VoucherForm>({
    kind: 'cashback',
    percent: '',
    amount: '',
    points: '',
    reasonCode: 'service_failure',
    note: '',
    expiry: '',
    ticketId: target.ticket?.id ?? openChoices[0]?.id ?? '',
  });
  const [quote, setQuote] = useState<{ key: string; value: VoucherQuote } | null>(null);
  const [quoteError, setQuoteError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!settings) void loadSettings();
  }, [settings, loadSettings]);
  const expiry = form.expiry || defaultDate;

  const terms = toTerms(form);
  const termsKey = terms.ok ? JSON.stringify(terms.terms) : '';
  const current = quote && quote.key === termsKey ? quote.value : null;

  // Ask for a quote once typing pauses; the last answer for the current terms is the one shown.
  useEffect(() => {
    if (!termsKey) return;
    let live = true;
    const timer = setTimeout(() => {
      void call('vouchers.quote', { customerId: target.customerId, ...(JSON.parse(termsKey) as VoucherTerms) }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setQuote({ key: termsKey, value: r.value });
          setQuoteError(null);
        } else setQuoteError(r.error);
      });
    }, QUOTE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [termsKey, target.customerId]);

  const expiresAt = useMemo(() => (defaultDate ? expiryInstant(expiry, defaultDate, now()) : null), [expiry, defaultDate]);
  const expiryBad = expiresAt === 'past' || expiresAt === 'invalid';
  const refused = (current?.decision.overBudget ?? false) || (current?.decision.noApprover ?? false);
  const ready = terms.ok && current !== null && !refused && !expiryBad && !busy;

  const patch = (p: Partial<VoucherForm>) => setForm((f) => ({ ...f, ...p }));
  const fieldProblem = (field: 'percent' | 'amount' | 'points') => {
    const key = termsProblemKey(terms, field);
    return key ? t(key) : null;
  };

  const submit = async () => {
    if (!ready || !terms.ok) return;
    setBusy(true);
    setError(null);
    const r = await call('vouchers.request', {
      requestKey,
      customerId: target.customerId,
      ticketId: form.ticketId || null,
      ...terms.terms,
      reasonCode: form.reasonCode,
      note: form.note.trim(),
      expiresAt: typeof expiresAt === 'number' ? expiresAt : null,
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const v = r.value.voucher;
    if (v.state === 'pending_approval') notify('info', t('voucher.sentForApproval', { what: voucherText(v) }));
    else notify('success', t('voucher.issued', { what: voucherText(v) }));
    onDone(r.value);
  };

  const kindLabel = (k: VoucherKind) => t(`voucherKind.${k}`);
  return (
    <Modal
      wide
      title={t('voucher.title')}
      subtitle={
        target.ticket
          ? t('voucher.subForTicket', { name: target.customerName, code: target.ticket.code, subject: target.ticket.subject })
          : t('voucher.sub', { name: target.customerName })
      }
      onClose={onClose}
      busy={busy}
      testId="voucher-dialog"
      footer={
        <>
          <Button disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" data-testid="voucher-submit" disabled={!ready} onClick={() => void submit()}>
            {busy ? t('common.working') : current?.decision.action === 'approval' ? t('voucher.submitApproval') : t('voucher.submitIssue')}
          </Button>
        </>
      }
    >
      <div className="tk-voucher-grid">
        <div className="tk-voucher-form">
          <LabelledGroup label={t('voucher.kind')}>
            {(labelId) => (
              <>
                <div className="segmented tk-kinds" role="radiogroup" aria-labelledby={labelId}>
                  {VOUCHER_KINDS.map((k) => (
                    <button
                      key={k}
                      type="button"
                      role="radio"
                      aria-checked={form.kind === k}
                      className={form.kind === k ? 'seg active' : 'seg'}
                      data-testid={`voucher-kind-${k}`}
                      onClick={() => patch({ kind: k })}
                    >
                      {kindLabel(k)}
                    </button>
                  ))}
                </div>
                <FieldMessage tone="hint">{t(`voucherKindHint.${form.kind}`)}</FieldMessage>
              </>
            )}
          </LabelledGroup>

          <div className="tk-field-row">
            {form.kind === 'discount_percent' && (
              <AmountInput label={t('voucher.percentOff')} unit="%" narrow value={form.percent} testId="voucher-percent" problem={fieldProblem('percent')} onChange={(v) => patch({ percent: v })} />
            )}
            {form.kind !== 'points' && (
              <AmountInput
                label={form.kind === 'discount_percent' ? t('voucher.cap') : t('voucher.amount')}
                unit="¥"
                before
                value={form.amount}
                testId="voucher-amount"
                problem={fieldProblem('amount')}
                onChange={(v) => patch({ amount: v })}
              />
            )}
            {form.kind === 'points' && (
              <AmountInput label={t('voucher.points')} unit={t('voucher.pointsUnit')} value={form.points} testId="voucher-points" problem={fieldProblem('points')} onChange={(v) => patch({ points: v })} />
            )}
          </div>

          <div className="tk-field-row">
            <Field label={t('voucher.reason')}>
              <Select data-testid="voucher-reason" value={form.reasonCode} onChange={(e) => patch({ reasonCode: e.target.value as VoucherReasonCode })}>
                {VOUCHER_REASON_CODES.map((c) => (
                  <option key={c} value={c}>
                    {t(`reasonCode.${c}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('voucher.expiry')} error={expiryBad ? t('voucher.expiryPast') : null} errorTestId="voucher-expiry-problem">
              <DatePicker testId="voucher-expiry" min={todayIso(now())} value={expiry} ariaInvalid={expiryBad} onChange={(v) => patch({ expiry: v })} />
            </Field>
          </div>

          {!target.ticket && (
            <Field label={t('voucher.linkTicket')}>
              <Select data-testid="voucher-ticket" value={form.ticketId} onChange={(e) => patch({ ticketId: e.target.value })}>
                <option value="">{t('voucher.noTicket')}</option>
                {openChoices.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.code} · {x.subject}
                  </option>
                ))}
              </Select>
            </Field>
          )}

          <Field
            label={
              <>
                {t('voucher.note')} <span className="muted">{t('common.optional')}</span>
              </>
            }
          >
            <TextArea rows={2} maxLength={500} data-testid="voucher-note" value={form.note} onChange={(e) => patch({ note: e.target.value })} />
          </Field>
        </div>
        <div className="tk-voucher-side">
          <div className="ui-field-label">{t('quote.title')}</div>
          <VoucherQuotePanel quote={current ?? quote?.value ?? null} pending={terms.ok && current === null} />
          {quoteError && <p className="tk-problem">{ticketErrorLine(t, quoteError)}</p>}
        </div>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="voucher-error" data-code={error.code}>
          <strong>{t('voucher.failed')}</strong>
          <span>{ticketErrorLine(t, error)}</span>
          <span className="muted">{t('voucher.retrySafe')}</span>
        </div>
      )}
    </Modal>
  );
}

function AmountInput({
  label,
  unit,
  before = false,
  narrow = false,
  value,
  testId,
  problem,
  onChange,
}: {
  label: string;
  unit: string;
  before?: boolean;
  /** Two or three figures (a percentage). */
  narrow?: boolean;
  value: string;
  testId: string;
  problem: string | null;
  onChange: (v: string) => void;
}) {
  // A text box, not a number box: what is typed ("10.555", "５") is shown as typed and judged by the form.
  return (
    <Field label={label} prefix={before ? unit : undefined} suffix={before ? undefined : unit} error={problem} errorTestId={`${testId}-problem`}>
      <TextInput figures={narrow ? 'normal' : 'wide'} inputMode="decimal" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
