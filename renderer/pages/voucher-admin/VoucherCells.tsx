import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../core/contract/result';
import type { VoucherView } from '../../../core/contract/views-cases';
import type { VoucherState } from '../../../core/vouchers/policy';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { useSlaErrorLine } from '../sla-board/common';
import { ValueCell } from './format';
import { ReasonForm } from './ReasonForm';

/* What the approval queue and the voucher list both show and do with a voucher row. */

export type VoucherRows = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; rows: VoucherView[]; total: number };

/**
 * One page of vouchers.list. Reloads when the query, reloadKey or the signed-in user changes; a
 * reply that arrives after a newer request started is dropped.
 */
export function useVoucherRows(
  { state, mine, offset, limit }: { state?: VoucherState; mine?: boolean; offset?: number; limit: number },
  reloadKey: number,
): VoucherRows {
  const meId = useStore((s) => s.session?.currentUser?.id);
  const [data, setData] = useState<VoucherRows>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const input = { ...(state ? { state } : {}), ...(mine !== undefined ? { mine } : {}), ...(offset !== undefined ? { offset } : {}), limit };
    void call('vouchers.list', input).then((r) => {
      if (live) setData(r.ok ? { state: 'ready', rows: r.value.rows, total: r.value.total } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [state, mine, offset, limit, reloadKey, meId]);
  return data;
}

/**
 * A row action: one at a time (busy holds the voucher's id), errors as a toast; on success `after`
 * runs, the toast says `success`, and the parent is told so both lists reload.
 */
export function useVoucherAction(onChanged: () => void) {
  const notify = useStore((s) => s.notify);
  const errorLine = useSlaErrorLine();
  const [busy, setBusy] = useState<string | null>(null);
  async function run(v: VoucherView, request: () => Promise<Result<unknown>>, success: string, after?: () => void) {
    setBusy(v.id);
    const r = await request();
    setBusy(null);
    if (!r.ok) return notify('error', errorLine(r.error));
    after?.();
    notify('success', success);
    onChanged();
  }
  return { busy, run };
}

/** The customer's name, or the start of their id when the name is unknown. */
export function CustomerName({ v }: { v: VoucherView }) {
  return <>{v.customerName ?? <span className="muted">{v.customerId.slice(0, 8)}</span>}</>;
}

export function TicketCell({ v }: { v: VoucherView }) {
  const { t } = useTranslation('sla');
  return <td className="sla-wrap">{v.ticketSubject ?? <span className="muted">{t('voucher.noTicket')}</span>}</td>;
}

/** What the voucher gives, with the reason it was requested under it. */
export function ValueReasonCell({ v }: { v: VoucherView }) {
  const { t } = useTranslation('sla');
  return (
    <td>
      <ValueCell v={v} />
      <div className="small muted">{t(`voucher.reason.${v.reasonCode}`, { defaultValue: v.reasonCode })}</div>
    </td>
  );
}

/** A full-width row under a voucher asking why (reject, void). */
export function ReasonRow({ colSpan, ...form }: { colSpan: number } & Parameters<typeof ReasonForm>[0]) {
  return (
    <tr className="sla-inline-row">
      <td colSpan={colSpan}>
        <ReasonForm {...form} />
      </td>
    </tr>
  );
}
