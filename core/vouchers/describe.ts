import type { VoucherKind } from './policy';

/** Fen as a CNY amount: 8800 → "¥88.00" (the same in both languages; 元 is not needed beside ¥). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** How a voucher is read out to the customer, e.g. "返现 ¥88.00（CV-7K3M-Q9XZ）" — what {voucher} renders in scripts. */
export function describeVoucher(
  v: { kind: VoucherKind | string; amountFen: number | null; percentOff: number | null; points: number | null; code: string },
  locale: 'zh-CN' | 'en',
): string {
  const zh = locale === 'zh-CN';
  let what: string;
  switch (v.kind) {
    case 'discount_percent':
      what = zh
        ? `${(100 - (v.percentOff ?? 0)) / 10}折优惠券（最高减 ${formatFen(v.amountFen ?? 0)}）`
        : `${v.percentOff ?? 0}% off coupon (up to ${formatFen(v.amountFen ?? 0)})`;
      break;
    case 'discount_fixed':
      what = zh ? `${formatFen(v.amountFen ?? 0)} 优惠券` : `${formatFen(v.amountFen ?? 0)} off coupon`;
      break;
    case 'cashback':
      what = zh ? `返现 ${formatFen(v.amountFen ?? 0)}` : `${formatFen(v.amountFen ?? 0)} cash-back`;
      break;
    default:
      what = zh ? `${v.points ?? 0} 积分` : `${v.points ?? 0} points`;
  }
  return zh ? `${what}（${v.code}）` : `${what} (${v.code})`;
}
