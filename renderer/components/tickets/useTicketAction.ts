import { useState } from 'react';
import type { ApiError, Result } from '../../../core/contract/result';
import type { TicketDetail, VoucherView } from '../../../core/contract/views-cases';
import { useStore } from '../../store';

/** Errors after which the screen is stale: the ticket is re-read so the buttons match its real state. */
const STALE = new Set(['INVALID_TRANSITION', 'CONFLICT', 'NOT_FOUND']);

/**
 * Runs one ticket or voucher action at a time for the detail panel: the button that started it shows
 * busy, a failure stays on screen (with what to do next) until the next action, a success refreshes
 * the ticket and its row in the list.
 */
export function useTicketAction() {
  const applyDetail = useStore((s) => s.applyTicketDetail);
  const refreshTicket = useStore((s) => s.refreshTicket);
  const loadTickets = useStore((s) => s.loadTickets);
  const notify = useStore((s) => s.notify);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const fail = (e: ApiError) => {
    setError(e);
    if (STALE.has(e.code)) void refreshTicket();
  };

  /** A ticket method (it answers with the fresh detail). Resolves true on success. */
  async function ticket(label: string, request: Promise<Result<TicketDetail>>, success?: (d: TicketDetail) => string): Promise<boolean> {
    setBusy(label);
    setError(null);
    const r = await request;
    setBusy(null);
    if (!r.ok) {
      fail(r.error);
      return false;
    }
    applyDetail(r.value);
    void loadTickets();
    if (success) notify('success', success(r.value));
    return true;
  }

  /** A voucher method: the ticket is re-read afterwards (its voucher list changed). */
  async function voucher(label: string, request: Promise<Result<VoucherView>>, success?: (v: VoucherView) => string): Promise<boolean> {
    setBusy(label);
    setError(null);
    const r = await request;
    setBusy(null);
    if (!r.ok) {
      fail(r.error);
      return false;
    }
    await refreshTicket();
    if (success) notify('success', success(r.value));
    return true;
  }

  return { busy, error, clearError: () => setError(null), ticket, voucher };
}

export type TicketActions = ReturnType<typeof useTicketAction>;
