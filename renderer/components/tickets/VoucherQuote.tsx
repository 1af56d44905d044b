import { useTranslation } from 'react-i18next';
import type { VoucherQuote } from '../../../core/contract/views-cases';
import { formatFen } from '../../../core/vouchers/describe';
import { FieldMessage } from '../../ui';

/**
 * What the agent may still issue alone and what this voucher will do, shown before anything is issued:
 * issued at once, waiting for a supervisor (and why), or refused by the team budget.
 */
export function VoucherQuotePanel({ quote, pending }: { quote: VoucherQuote | null; pending: boolean }) {
  const { t } = useTranslation('tickets');
  if (!quote) {
    return (
      <div className="tk-quote" data-testid="voucher-quote" data-state="loading">
        <span className="muted">{pending ? t('quote.checking') : t('quote.enterTerms')}</span>
      </div>
    );
  }
  const a = quote.allowance;
  const d = quote.decision;
  const state = d.overBudget ? 'over_budget' : d.noApprover ? 'no_approver' : d.action;
  return (
    <div className={`tk-quote${pending ? ' stale' : ''}`} data-testid="voucher-quote" data-state={state} aria-live="polite">
      <p className="tk-quote-sentence" data-testid="voucher-allowance" data-role={a.role}>
        {t(a.role === 'supervisor' ? 'quote.sentenceSupervisor' : 'quote.sentence', {
          perVoucher: formatFen(a.perVoucherLimitFen),
          today: formatFen(a.remainingTodayFen),
          budget: formatFen(a.remainingBudgetFen),
        })}
      </p>
      <p className="tk-quote-used tiny muted">
        {t('quote.used', {
          usedToday: formatFen(a.usedTodayFen),
          daily: formatFen(a.dailyLimitFen),
          spent: formatFen(a.spentThisMonthFen),
          budget: formatFen(a.monthlyBudgetFen),
        })}
      </p>
      {d.overBudget ? (
        <div className="tk-decision tk-decision-refused" data-testid="voucher-decision" data-action="refused">
          <strong>{t('quote.overBudget', { value: formatFen(quote.valueFen) })}</strong>
          <span>{t('quote.overBudgetWhy', { left: formatFen(a.remainingBudgetFen) })}</span>
        </div>
      ) : d.noApprover ? (
        <div className="tk-decision tk-decision-refused" data-testid="voucher-decision" data-action="no_approver">
          <strong>{t('quote.noApprover', { value: formatFen(quote.valueFen) })}</strong>
          <span>{t('quote.noApproverWhat', { limit: formatFen(Math.min(a.perVoucherLimitFen, a.remainingTodayFen)) })}</span>
        </div>
      ) : d.action === 'approval' ? (
        <div className="tk-decision tk-decision-approval" data-testid="voucher-decision" data-action="approval">
          <strong>{t('quote.needsApproval', { value: formatFen(quote.valueFen) })}</strong>
          <ul>
            {d.reasons.map((r) => (
              <li key={r}>
                {r === 'over_voucher_limit'
                  ? t('quote.reason.over_voucher_limit', { limit: formatFen(a.perVoucherLimitFen) })
                  : t('quote.reason.over_daily_limit', { left: formatFen(a.remainingTodayFen) })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="tk-decision tk-decision-issue" data-testid="voucher-decision" data-action="issue">
          <strong>{t('quote.issueNow', { value: formatFen(quote.valueFen) })}</strong>
        </div>
      )}
      {quote.repeat.warn ? (
        <div className="tk-decision tk-decision-repeat" data-testid="voucher-repeat" role="alert">
          <strong>{t('quote.repeatWarn', { nth: quote.repeat.count + 1, days: quote.repeat.windowDays })}</strong>
          <span>{t('quote.repeatWhy', { count: quote.repeat.count, days: quote.repeat.windowDays })}</span>
        </div>
      ) : (
        quote.repeat.count > 0 && (
          <FieldMessage tone="hint" data-testid="voucher-repeat-info">
            {t('quote.repeatInfo', { count: quote.repeat.count, days: quote.repeat.windowDays })}
          </FieldMessage>
        )
      )}
    </div>
  );
}
