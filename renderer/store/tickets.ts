import type { ApiError } from '../../core/contract/result';
import type { CallbackDetail, TicketBriefView } from '../../core/contract/views';
import type { NotificationView, TicketDetail, TicketRow } from '../../core/contract/views-cases';
import type { CaseSettings } from '../../core/cases/settings';
import type { TicketPriority } from '../../core/sla/policy';
import type { Disposition } from '../../core/domain/model';
import { call } from '../api/client';
import { apiErrorText } from '../i18n/apiError';
import { now, syncClock } from '../format';
import type { Slice } from './types';

export type TicketScope = 'active' | 'mine' | 'all' | 'resolved' | 'closed';
export type TicketSort = 'due' | 'created' | 'updated' | 'priority';

export interface TicketFilter {
  scope: TicketScope;
  category: string;
  priority: TicketPriority | '';
  search: string;
  sort: TicketSort;
}

export const DEFAULT_TICKET_FILTER: TicketFilter = { scope: 'active', category: '', priority: '', search: '', sort: 'due' };
export const TICKET_PAGE = 100;

/** The call the agent just saved: a ticket raised now links to its attempt (after-call work). */
export interface LastCall {
  /** The agent who made the call: another user signing in does not see it. */
  agentId: string | null;
  callbackId: string;
  attemptId: string;
  customerId: string;
  customerName: string;
  notes: string;
  disposition: Disposition;
  savedAt: number;
  tickets: TicketBriefView[];
  /** The ticket raised from this call, once there is one. */
  raised: { id: string; code: string } | null;
}

export interface TicketList {
  rows: TicketRow[];
  total: number | null;
  loading: boolean;
  error: ApiError | null;
}

export interface TicketsSlice {
  ticketFilter: TicketFilter;
  ticketList: TicketList;
  setTicketFilter(patch: Partial<TicketFilter>): void;
  /** Reloads the first page (or, with `more`, appends the next one). */
  loadTickets(more?: boolean): Promise<void>;

  selectedTicketId: string | null;
  ticketDetail: TicketDetail | null;
  ticketDetailError: ApiError | null;
  /** Selects a ticket (null closes the panel); `navigate` also switches to the Tickets page. */
  openTicket(id: string | null, navigate?: boolean): void;
  refreshTicket(): Promise<void>;
  /** After any action that returned a fresh detail: show it and update its row in the list. */
  applyTicketDetail(detail: TicketDetail): void;

  caseSettings: CaseSettings | null;
  loadCaseSettings(): Promise<void>;

  lastCall: LastCall | null;
  rememberCall(detail: CallbackDetail, call: { attemptId: string; notes: string; disposition: Disposition }): void;
  dismissLastCall(): void;
  /** A ticket was raised for a customer: the open call and the after-call bar show it at once. */
  noteTicketRaised(detail: TicketDetail, fromLastCall: boolean): void;

  notifications: { rows: NotificationView[]; unread: number; forUser: string | null };
  pollNotifications(): Promise<void>;
  markNotificationsRead(ids: string[] | 'all'): Promise<void>;
}

function briefOf(d: TicketDetail): TicketBriefView {
  const t = d.ticket;
  return { id: t.id, code: t.code, subject: t.subject, category: t.category, priority: t.priority, status: t.status, createdAt: t.createdAt, resolvedAt: t.resolvedAt };
}

export const createTicketsSlice: Slice<TicketsSlice> = (set, get) => {
  /** Answers to an older query are dropped: only the latest list request may write. */
  let listSeq = 0;
  let detailSeq = 0;

  const loadDetail = async (id: string) => {
    const seq = ++detailSeq;
    const r = await call('tickets.get', { id });
    if (seq !== detailSeq || get().selectedTicketId !== id) return;
    if (r.ok) {
      syncClock(r.value.now);
      set({ ticketDetail: r.value, ticketDetailError: null });
    } else {
      set({ ticketDetail: null, ticketDetailError: r.error });
    }
  };

  return {
    ticketFilter: DEFAULT_TICKET_FILTER,
    ticketList: { rows: [], total: null, loading: false, error: null },

    setTicketFilter(patch) {
      set({ ticketFilter: { ...get().ticketFilter, ...patch } });
      void get().loadTickets();
    },

    async loadTickets(more = false) {
      const f = get().ticketFilter;
      const seq = ++listSeq;
      const offset = more ? get().ticketList.rows.length : 0;
      set({ ticketList: { ...get().ticketList, loading: true } });
      const r = await call('tickets.list', {
        scope: f.scope,
        ...(f.category ? { category: f.category } : {}),
        ...(f.priority ? { priority: f.priority } : {}),
        search: f.search,
        sort: f.sort,
        offset,
        limit: TICKET_PAGE,
      });
      if (seq !== listSeq) return;
      if (!r.ok) {
        set({ ticketList: { ...get().ticketList, loading: false, error: r.error } });
        return;
      }
      syncClock(r.value.now);
      const rows = more ? [...get().ticketList.rows, ...r.value.rows] : r.value.rows;
      set({ ticketList: { rows, total: r.value.total, loading: false, error: null } });
    },

    selectedTicketId: null,
    ticketDetail: null,
    ticketDetailError: null,

    openTicket(id, navigate = false) {
      const same = id !== null && id === get().selectedTicketId;
      set({
        selectedTicketId: id,
        ...(same ? {} : { ticketDetail: null, ticketDetailError: null }),
        ...(navigate ? { page: 'tickets' as const } : {}),
      });
      if (id) void loadDetail(id);
    },

    async refreshTicket() {
      const id = get().selectedTicketId;
      if (id) await loadDetail(id);
    },

    applyTicketDetail(detail) {
      syncClock(detail.now);
      const { selectedTicketId, ticketList } = get();
      const { description: _d, callbackId: _c, attemptId: _a, firstRespondedAt: _f, resolvedAt: _r, closedAt: _cl, reopenCount: _n, calendarVersion: _v, policyId: _p, ...row } =
        detail.ticket;
      const rows = ticketList.rows.map((x) => (x.id === row.id ? row : x));
      set({
        ticketList: { ...ticketList, rows },
        ...(selectedTicketId === detail.ticket.id ? { ticketDetail: detail, ticketDetailError: null } : {}),
      });
    },

    caseSettings: null,
    async loadCaseSettings() {
      if (get().caseSettings) return;
      const r = await call('cases.getSettings', {});
      if (r.ok) set({ caseSettings: r.value });
    },

    lastCall: null,
    rememberCall(detail, saved) {
      set({
        lastCall: {
          agentId: get().session?.currentUser?.id ?? null,
          callbackId: detail.callback.id,
          attemptId: saved.attemptId,
          customerId: detail.customer.id,
          customerName: detail.customer.name,
          notes: saved.notes.trim() || detail.callback.notes,
          disposition: saved.disposition,
          savedAt: now(),
          tickets: detail.tickets,
          raised: null,
        },
      });
    },
    dismissLastCall() {
      set({ lastCall: null });
    },
    noteTicketRaised(detail, fromLastCall) {
      const brief = briefOf(detail);
      const last = get().lastCall;
      if (last && fromLastCall) set({ lastCall: { ...last, tickets: [brief, ...last.tickets], raised: { id: brief.id, code: brief.code } } });
      const ws = get().workspace;
      if (ws && detail.customer && ws.detail.customer.id === detail.customer.id) {
        set({ workspace: { ...ws, detail: { ...ws.detail, tickets: [brief, ...ws.detail.tickets] } } });
      }
    },

    notifications: { rows: [], unread: 0, forUser: null },
    async pollNotifications() {
      const userId = get().session?.currentUser?.id ?? null;
      if (!userId) return;
      const r = await call('notifications.list', { unreadOnly: false, limit: 50 });
      // A switch of user while this was in flight: the answer belongs to the previous user.
      if (!r.ok || get().session?.currentUser?.id !== userId) return;
      set({ notifications: { rows: r.value.rows, unread: r.value.unread, forUser: userId } });
    },
    async markNotificationsRead(ids) {
      const r = await call('notifications.markRead', { ids });
      if (!r.ok) {
        get().notify('error', apiErrorText(r.error));
        return;
      }
      const readAt = now();
      const { notifications } = get();
      const rows = notifications.rows.map((n) => (n.readAt === null && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt } : n));
      set({ notifications: { ...notifications, rows, unread: r.value.unread } });
    },
  };
};
