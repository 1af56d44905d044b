import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { VoucherView } from '../../../core/contract/views-cases';
import type { VoucherState } from '../../../core/vouchers/policy';
import { formatFen } from '../../../core/vouchers/describe';
import { formatNumber } from '../../format';

/** What the voucher gives, in words: "返现 ¥88.00", "8折券（最高减 ¥20.00）", "500 积分". */
export function voucherTerms(t: TFunction<'sla'>, v: Pick<VoucherView, 'kind' | 'percentOff' | 'amountFen' | 'points'>): string {
  switch (v.kind) {
    case 'discount_percent': {
      const pct = v.percentOff ?? 0;
      return t('voucher.terms.discount_percent', { pct, zhe: (100 - pct) / 10, cap: formatFen(v.amountFen ?? 0) });
    }
    case 'discount_fixed':
      return t('voucher.terms.discount_fixed', { amount: formatFen(v.amountFen ?? 0) });
    case 'cashback':
      return t('voucher.terms.cashback', { amount: formatFen(v.amountFen ?? 0) });
    case 'points':
      return t('voucher.terms.points', { points: formatNumber(v.points ?? 0) });
  }
}

/** The state as a badge; words and a mark, not colour alone. */
export function StateBadge({ state }: { state: VoucherState }) {
  const { t } = useTranslation('sla');
  return (
    <span className={`sla-vstate sla-vstate-${state}`} data-testid="voucher-state" data-state={state}>
      {t(`voucher.state.${state}`)}
    </span>
  );
}

/** The value a voucher counts against limits and the budget (points at their value). */
export function ValueCell({ v }: { v: VoucherView }) {
  const { t } = useTranslation('sla');
  return (
    <span className="sla-vvalue">
      <span>{voucherTerms(t, v)}</span>
      {v.kind === 'points' || v.kind === 'discount_percent' ? (
        <span className="muted small">{t('voucher.countsAs', { value: formatFen(v.valueFen) })}</span>
      ) : null}
    </span>
  );
}
