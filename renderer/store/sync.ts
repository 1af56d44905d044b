import i18n from 'i18next';
import type { AttentionItem, SyncStatus } from '../../core/contract/views-sync';
import type { ApiError } from '../../core/contract/result';
import { call } from '../api/client';
import { apiErrorText } from '../i18n/apiError';
import type { Slice } from './types';

/*
 * Sync with the team server, seen from the renderer: ONE poller of `sync.status` (cheap: no server round
 * trip) while a session is open, and ONE invalidation path. When `dataVersion` grows (pulled changes
 * landed in the local database) `refreshAfterPull` reloads what the store holds (queue, summary, the open
 * callback, tickets, notifications) and bumps `pulledVersion`, which pages that load their own data
 * (vouchers, SLA board, …) put in their effect dependencies. No page polls for sync on its own.
 */

/** How often the status is read while connected (and, slower, while standalone: a join elsewhere shows up). */
export const SYNC_POLL_MS = 1500;
const STANDALONE_POLL_MS = 15_000;
/** Beyond this clock difference the top bar warns. */
export const CLOCK_SKEW_WARN_MS = 2 * 60_000;

export interface SyncSlice {
  syncStatus: SyncStatus | null;
  /** Grows by one each time pulled changes were applied to the views (pages key their loads on it). */
  pulledVersion: number;
  syncBusy: boolean;
  attention: { items: AttentionItem[]; loading: boolean; error: string | null; loaded: boolean };
  /** Reads sync.status once; on a grown dataVersion, refreshes the views. */
  pollSync(): Promise<void>;
  /** Starts the single poller (idempotent); returns its stop function. */
  startSyncPolling(): () => void;
  /** The one path that reloads every open view after pulled changes. */
  refreshAfterPull(): void;
  syncNow(): Promise<void>;
  /** After sync.connect: the status it answered (the poller takes it from there). */
  acceptSyncStatus(status: SyncStatus): void;
  loadAttention(): Promise<void>;
  /** Sends a refused change again, with `args` replacing the fields its author edited. */
  retryChange(seq: number, args?: Record<string, unknown>): Promise<boolean>;
  discardChange(seq: number): Promise<boolean>;
}

export const createSyncSlice: Slice<SyncSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let inFlight = false;
  /** The dataVersion the views were last loaded at (null: not known yet, the first read sets it). */
  let seenVersion: number | null = null;
  let seenRefused: number | null = null;

  const schedule = () => {
    if (!running) return;
    const connected = (get().syncStatus?.state ?? 'disconnected') !== 'disconnected';
    // A hidden window polls slower; it catches up on the next read anyway.
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    // Visible and connected, the next read starts at once and itself waits (up to SYNC_POLL_MS) for pulled data.
    const ms = connected ? (hidden ? SYNC_POLL_MS * 4 : waiting() ? 0 : SYNC_POLL_MS) : STANDALONE_POLL_MS;
    timer = setTimeout(() => {
      void get()
        .pollSync()
        .finally(schedule);
    }, ms);
  };

  /** Whether a read may wait on the back end for newer pulled data (connected, visible, a version seen). */
  const waiting = () =>
    seenVersion !== null &&
    (get().syncStatus?.state ?? 'disconnected') !== 'disconnected' &&
    !(typeof document !== 'undefined' && document.visibilityState === 'hidden');

  const take = (status: SyncStatus) => {
    const before = seenVersion;
    seenVersion = status.dataVersion;
    const refusedBefore = seenRefused;
    seenRefused = status.refused;
    set({ syncStatus: status });
    if (before !== null && status.dataVersion > before) get().refreshAfterPull();
    // The list of refusals changed under an open "Needs attention" page: re-read it.
    if (refusedBefore !== null && refusedBefore !== status.refused && get().attention.loaded) void get().loadAttention();
  };

  /** The callback open in the workspace, re-read: someone else may have closed or taken it. */
  async function reloadOpenCallback() {
    const ws = get().workspace;
    if (!ws) return;
    const id = ws.detail.callback.id;
    const r = await call('callbacks.get', { id });
    const now = get().workspace;
    if (!r.ok || !now || now.detail.callback.id !== id) return;
    const stillMine = r.value.callback.leasedByMe;
    if (now.mode === 'work' && !stillMine) {
      if (get().isDirty()) {
        // The agent is mid-call: keep the form (what they record is a fact the server keeps), but say so.
        set({ workspace: { ...now, detail: r.value } });
        if (now.detail.callback.leasedByMe) get().notify('error', apiErrorText({ code: 'LEASE_LOST', message: '' }));
        return;
      }
      set({ workspace: { ...now, detail: r.value, mode: 'view' } });
      return;
    }
    set({ workspace: { ...now, detail: r.value } });
  }

  return {
    syncStatus: null,
    pulledVersion: 0,
    syncBusy: false,
    attention: { items: [], loading: false, error: null, loaded: false },

    async pollSync() {
      if (inFlight || !get().session?.currentUser) return;
      inFlight = true;
      try {
        const r = await call('sync.status', waiting() ? { after: seenVersion!, waitMs: SYNC_POLL_MS } : {});
        if (r.ok) take(r.value);
      } finally {
        inFlight = false;
      }
    },

    startSyncPolling() {
      if (!running) {
        running = true;
        void get()
          .pollSync()
          .finally(schedule);
      }
      return () => {
        running = false;
        if (timer) clearTimeout(timer);
        timer = null;
      };
    },

    refreshAfterPull() {
      set({ pulledVersion: get().pulledVersion + 1 });
      const s = get();
      if (!s.opening) s.invalidateQueue();
      else void s.refreshSummary();
      if (s.page === 'tickets' || s.ticketList.total !== null) void s.loadTickets();
      if (s.selectedTicketId) void s.refreshTicket();
      void s.pollNotifications();
      void reloadOpenCallback();
    },

    async syncNow() {
      if (get().syncBusy) return;
      set({ syncBusy: true });
      try {
        const r = await call('sync.now', {});
        if (r.ok) {
          take(r.value);
          const failed = r.value.lastError && ['offline', 'upgrade_required', 'signed_out'].includes(r.value.state);
          if (failed && r.value.lastError) get().notify('error', i18n.t('sync:now.failed', { message: apiErrorText(r.value.lastError as ApiError) }));
          else get().notify('success', i18n.t('sync:now.done'));
        } else {
          get().notify('error', i18n.t('sync:now.failed', { message: apiErrorText(r.error) }));
        }
      } finally {
        set({ syncBusy: false });
      }
    },

    acceptSyncStatus(status) {
      // A console that just joined shows the team's data: every view starts over.
      seenVersion = status.dataVersion;
      seenRefused = status.refused;
      set({ syncStatus: status, attention: { items: [], loading: false, error: null, loaded: false } });
    },

    async loadAttention() {
      set({ attention: { ...get().attention, loading: true } });
      const r = await call('sync.attention', {});
      if (r.ok) set({ attention: { items: r.value, loading: false, error: null, loaded: true } });
      else set({ attention: { ...get().attention, loading: false, error: apiErrorText(r.error), loaded: true } });
    },

    async retryChange(seq, args) {
      const r = await call('sync.retry', args && Object.keys(args).length > 0 ? { seq, args } : { seq });
      if (!r.ok) {
        get().notify('error', apiErrorText(r.error));
        return false;
      }
      set({ attention: { items: r.value, loading: false, error: null, loaded: true } });
      void get().pollSync();
      return true;
    },

    async discardChange(seq) {
      const r = await call('sync.discard', { seq });
      if (!r.ok) {
        get().notify('error', apiErrorText(r.error));
        return false;
      }
      set({ attention: { items: r.value, loading: false, error: null, loaded: true } });
      void get().pollSync();
      return true;
    },
  };

};
