import { DateTime } from 'luxon';
import i18n from 'i18next';
import type { ApiError } from '../../core/contract/result';
import type { CallbackDetail, OutcomeResult } from '../../core/contract/views';
import type { BlockReason, Disposition } from '../../core/domain/model';
import type { Settings } from '../../core/settings';
import { checkCallingWindow } from '../../core/rules/calling-window';
import { MAX_CALLBACK_LATER_MS } from '../../core/rules/dispositions';
import { call } from '../api/client';
import { apiErrorText } from '../i18n/apiError';
import { formatShortDateTime, now, relativeToNow } from '../format';
import { dropDraftSave, flushDraftSave, scheduleDraftSave } from './call-draft-save';
import type { Slice } from './types';

/** The most a call's notes may hold (callbacks.recordOutcome: notes ≤ 2,000): longer notes are refused, never cut. */
export const NOTES_MAX = 2000;

export type DncExpiry = 'never' | '30d' | '90d' | '1y';

export interface Draft {
  callbackId: string;
  disposition: Disposition | null;
  notes: string;
  /** callback_later: wall date and time in the CUSTOMER's zone (yyyy-MM-dd, HH:mm). */
  laterDate: string;
  laterTime: string;
  dncExpiry: DncExpiry;
  /** With 'reached': why the questionnaire that applied was not completed. */
  surveySkipReason: string;
}

export type Busy = 'start' | 'save' | 'release' | 'reveal' | null;

export interface Workspace {
  detail: CallbackDetail;
  /** 'work': leased by me, can call and record. 'view': read-only (blocked, closed, someone else's). */
  mode: 'work' | 'view';
  startedAt: number | null;
  revealed: { phone: string; formatted: string } | null;
  busy: Busy;
  error: ApiError | null;
}

export interface WorkspaceSlice {
  workspace: Workspace | null;
  draft: Draft | null;
  opening: boolean;
  /** Team rules (calling window) used to check a "call back later" time before saving. */
  rules: Settings | null;
  /** Set when Next found nothing (NOTHING_CALLABLE): the commonest block reasons, for the banner. */
  nothingCallable: { reasons: [BlockReason, number][]; sample: number } | null;
  /**
   * Opens a callback: leased (callbacks.take) when callable or already mine, else read-only
   * (callbacks.get). `callable` undefined means "not known": try to take it, quietly fall back to view.
   */
  openRow(row: { id: string; callable?: boolean; leasedByMe?: boolean }): Promise<void>;
  takeNext(): Promise<void>;
  startCall(): Promise<void>;
  revealPhone(): Promise<void>;
  updateDraft(patch: Partial<Omit<Draft, 'callbackId'>>): void;
  saveOutcome(): Promise<boolean>;
  release(): Promise<void>;
  closeWorkspace(): void;
  clearNothingCallable(): void;
  /** True when closing would lose something (a started call or typed notes). */
  isDirty(): boolean;
}

function freshDraft(detail: CallbackDetail): Draft {
  // Default "call back later": tomorrow 10:00 in the customer's own zone.
  const tomorrow = DateTime.fromMillis(now(), { zone: detail.customer.timezone }).plus({ days: 1 });
  // A call in progress kept on this console (a reload, a restart) comes back as it was left.
  return {
    callbackId: detail.callback.id,
    disposition: detail.draft?.disposition ?? null,
    notes: detail.draft?.notes ?? '',
    laterDate: tomorrow.toFormat('yyyy-MM-dd'),
    laterTime: '10:00',
    dncExpiry: 'never',
    surveySkipReason: '',
  };
}

/** The instant of the customer-local wall time picked for "call back later", or null if invalid. */
export function laterInstant(draft: Pick<Draft, 'laterDate' | 'laterTime'>, zone: string): number | null {
  if (!draft.laterDate || !draft.laterTime) return null;
  const dt = DateTime.fromISO(`${draft.laterDate}T${draft.laterTime}`, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

export function dncExpiryInstant(choice: DncExpiry, from: number): number | null {
  const base = DateTime.fromMillis(from);
  switch (choice) {
    case 'never':
      return null;
    case '30d':
      return base.plus({ days: 30 }).toMillis();
    case '90d':
      return base.plus({ days: 90 }).toMillis();
    case '1y':
      return base.plus({ years: 1 }).toMillis();
  }
}

/** Why a "call back later" time cannot be used, in the agent's language; null when it is fine. */
export function laterProblem(at: number | null, zone: string, rules: Settings | null): string | null {
  if (at === null) return i18n.t('workspace.pickLaterTime');
  const current = now();
  if (at <= current) return i18n.t('workspace.laterPast');
  if (at > current + MAX_CALLBACK_LATER_MS) return i18n.t('workspace.laterTooFar');
  if (rules) {
    const verdict = checkCallingWindow(at, zone, rules);
    if (!verdict.allowed) {
      return verdict.reason === 'no_call_day'
        ? i18n.t('workspace.laterNoCallDay')
        : i18n.t('workspace.laterOutsideWindow', { start: minuteLabel(rules.callWindowStart), end: minuteLabel(rules.callWindowEnd) });
    }
  }
  return null;
}

export function minuteLabel(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** What happens next, in words, after an outcome is recorded. */
function outcomeMessage(result: OutcomeResult): string {
  const t = i18n.t.bind(i18n);
  const parts: string[] = [];
  if (result.state === 'closed') {
    parts.push(t('outcomeToast.closed', { outcome: t(`outcome.${result.outcome ?? 'completed'}`) }));
  } else if (result.nextDueAt !== null) {
    parts.push(
      t('outcomeToast.rescheduled', { when: relativeToNow(result.nextDueAt), at: formatShortDateTime(result.nextDueAt) }),
    );
  } else {
    parts.push(t('outcomeToast.saved'));
  }
  if (result.cancelledCallbacks > 0) parts.push(t('outcomeToast.cancelled', { count: result.cancelledCallbacks }));
  return parts.join(i18n.language === 'en' ? '. ' : '；');
}

export const createWorkspaceSlice: Slice<WorkspaceSlice> = (set, get) => {
  const patchWs = (patch: Partial<Workspace>) => {
    const ws = get().workspace;
    if (ws) set({ workspace: { ...ws, ...patch } });
  };

  const loadRules = async () => {
    const r = await call('settings.get', {});
    if (r.ok) set({ rules: r.value });
  };

  const show = (detail: CallbackDetail, mode: Workspace['mode']) => {
    const current = get().draft;
    const keepDraft = current && current.callbackId === detail.callback.id;
    const startedAt = detail.draft?.startedAt ?? (keepDraft ? (get().workspace?.startedAt ?? null) : null);
    set({
      workspace: { detail, mode, startedAt: mode === 'work' ? startedAt : null, revealed: null, busy: null, error: null },
      draft: keepDraft ? current : freshDraft(detail),
      nothingCallable: null,
    });
    void loadRules();
  };

  /** Refuses to replace a workspace holding a started call or typed notes. */
  const guardDirty = (nextId: string | null): boolean => {
    const ws = get().workspace;
    if (ws && ws.detail.callback.id !== nextId && get().isDirty()) {
      get().notify('error', i18n.t('workspace.finishFirst'));
      return false;
    }
    return true;
  };

  /** Lets go of the lease of a clean workspace before another callback is opened. */
  const releaseClean = async (nextId: string | null) => {
    const ws = get().workspace;
    if (ws && ws.mode === 'work' && ws.detail.callback.id !== nextId) {
      await call('callbacks.release', { id: ws.detail.callback.id });
    }
  };

  return {
    workspace: null,
    draft: null,
    opening: false,
    rules: null,
    nothingCallable: null,

    isDirty() {
      const { workspace, draft } = get();
      if (!workspace || workspace.mode !== 'work') return false;
      return workspace.startedAt !== null || (draft?.notes.trim() ?? '') !== '';
    },

    async openRow(row) {
      if (get().opening) return;
      if (!guardDirty(row.id)) return;
      set({ opening: true });
      try {
        const probe = row.callable === undefined;
        if (probe || row.callable || row.leasedByMe) {
          await releaseClean(row.id);
          const r = await call('callbacks.take', { id: row.id });
          if (r.ok) {
            show(r.value, 'work');
            get().invalidateQueue();
            return;
          }
          if (r.error.code !== 'COMPLIANCE_BLOCKED') {
            get().notify('error', errorText(r.error));
            return;
          }
          // The list was stale: it became blocked since. Fall through to the read-only view.
          if (!probe) get().notify('info', i18n.t('workspace.becameBlocked'));
        }
        const r = await call('callbacks.get', { id: row.id });
        if (!r.ok) {
          get().notify('error', errorText(r.error));
          return;
        }
        const ws = get().workspace;
        // A read-only view replaces the workspace: let go of a clean lease I held on another callback.
        if (ws && ws.mode === 'work' && ws.detail.callback.id !== row.id) await releaseClean(row.id);
        show(r.value, r.value.callback.leasedByMe ? 'work' : 'view');
      } finally {
        set({ opening: false });
      }
    },

    async takeNext() {
      if (get().opening) return;
      const ws = get().workspace;
      if (ws && ws.mode === 'work') return; // already working one: finish it first
      set({ opening: true, nothingCallable: null });
      try {
        const r = await call('queue.takeNext', {});
        if (r.ok) {
          show(r.value, 'work');
          get().invalidateQueue();
        } else if (r.error.code === 'NOTHING_CALLABLE') {
          set({ nothingCallable: { reasons: [], sample: 0 } });
          // Say why: tally the block reasons of the most urgent blocked callbacks.
          const blocked = await call('queue.list', {
            filter: { status: 'blocked', reasons: [], priorities: [], search: '', mine: false },
            sort: 'queue',
            direction: 'asc',
            offset: 0,
            limit: 500,
          });
          if (blocked.ok && get().nothingCallable) {
            const counts = new Map<BlockReason, number>();
            for (const row of blocked.value.rows) {
              for (const b of row.blocks) counts.set(b.reason, (counts.get(b.reason) ?? 0) + 1);
            }
            const reasons = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
            set({ nothingCallable: { reasons, sample: blocked.value.rows.length } });
          }
        } else {
          get().notify('error', errorText(r.error));
        }
      } finally {
        set({ opening: false });
      }
    },

    async startCall() {
      const ws = get().workspace;
      if (!ws || ws.mode !== 'work' || ws.busy) return;
      patchWs({ busy: 'start', error: null });
      const r = await call('callbacks.startCall', { id: ws.detail.callback.id });
      if (r.ok) patchWs({ busy: null, startedAt: r.value.startedAt });
      else patchWs({ busy: null, error: r.error });
    },

    async revealPhone() {
      const ws = get().workspace;
      if (!ws || ws.revealed || ws.busy) return;
      patchWs({ busy: 'reveal' });
      const r = await call('customers.revealPhone', { customerId: ws.detail.customer.id });
      if (r.ok) patchWs({ busy: null, revealed: r.value });
      else {
        patchWs({ busy: null });
        get().notify('error', errorText(r.error));
      }
    },

    updateDraft(patch) {
      const draft = get().draft;
      if (!draft) return;
      set({ draft: { ...draft, ...patch } });
      if (get().workspace?.mode === 'work' && (patch.disposition !== undefined || patch.notes !== undefined)) {
        scheduleDraftSave({
          callbackId: draft.callbackId,
          ...(patch.disposition !== undefined && { disposition: patch.disposition }),
          ...(patch.notes !== undefined && { notes: patch.notes }),
        });
      }
    },

    async saveOutcome() {
      const { workspace: ws, draft } = get();
      if (!ws || !draft || ws.mode !== 'work' || ws.busy) return false;
      if (draft.notes.length > NOTES_MAX) {
        const message = i18n.t('ui:text.over', { over: draft.notes.length - NOTES_MAX, max: NOTES_MAX });
        patchWs({ error: { code: 'BAD_INPUT', message, details: { field: 'notes', local: true, over: draft.notes.length - NOTES_MAX, max: NOTES_MAX } } });
        return false;
      }
      if (!draft.disposition) {
        const error: ApiError = { code: 'BAD_INPUT', message: i18n.t('workspace.pickDisposition'), details: { local: true } };
        patchWs({ error });
        return false;
      }
      if (ws.startedAt === null) {
        patchWs({ error: { code: 'BAD_INPUT', message: i18n.t('workspace.startFirst'), details: { field: 'startedAt', local: true } } });
        return false;
      }
      const zone = ws.detail.customer.timezone;
      let callbackAt: number | null = null;
      if (draft.disposition === 'callback_later') {
        callbackAt = laterInstant(draft, zone);
        const problem = laterProblem(callbackAt, zone, get().rules);
        if (problem) {
          patchWs({ error: { code: 'BAD_INPUT', message: problem, details: { field: 'callbackAt', local: true } } });
          return false;
        }
      }
      // A reached call whose questionnaire was not completed needs the reason (the back end checks too).
      const needsReason = draft.disposition === 'reached' ? get().script.reasonNeeded(ws.detail.callback.id) : false;
      const surveySkipReason = needsReason !== false ? draft.surveySkipReason.trim() || null : null;
      if (needsReason === true && surveySkipReason === null) {
        patchWs({ error: { code: 'BAD_INPUT', message: i18n.t('survey:skip.required'), details: { field: 'surveySkipReason', local: true } } });
        return false;
      }
      const endedAt = now();
      const startedAt = Math.min(ws.startedAt ?? endedAt, endedAt);
      const dncExpiresAt = draft.disposition === 'dnc_requested' ? dncExpiryInstant(draft.dncExpiry, endedAt) : null;
      patchWs({ busy: 'save', error: null });
      await get().script.settle(); // questionnaire answers given just before saving land first
      const r = await call('callbacks.recordOutcome', {
        callbackId: ws.detail.callback.id,
        disposition: draft.disposition,
        notes: draft.notes,
        startedAt,
        endedAt,
        callbackAt,
        dncExpiresAt,
        surveySkipReason,
      });
      if (!r.ok) {
        // Keep everything the agent typed; the error shows in the call panel, where they are looking.
        patchWs({ busy: null, error: r.error });
        return false;
      }
      dropDraftSave(ws.detail.callback.id);
      get().notify('success', outcomeMessage(r.value));
      // After-call work (a complaint ticket, a voucher) links to the attempt just recorded.
      get().rememberCall(ws.detail, { attemptId: r.value.attemptId, notes: draft.notes, disposition: draft.disposition });
      set({ workspace: null, draft: null });
      get().invalidateQueue();
      return true;
    },

    async release() {
      const ws = get().workspace;
      if (!ws || ws.busy) return;
      if (ws.mode !== 'work') {
        get().closeWorkspace();
        return;
      }
      patchWs({ busy: 'release' });
      // A started call handed back is recorded with the notes typed so far: they must have arrived.
      await flushDraftSave();
      const r = await call('callbacks.release', { id: ws.detail.callback.id });
      if (!r.ok) {
        patchWs({ busy: null, error: r.error });
        get().notify('error', errorText(r.error));
        return;
      }
      dropDraftSave(ws.detail.callback.id);
      set({ workspace: null, draft: null });
      get().notify('info', i18n.t('workspace.released'));
      get().invalidateQueue();
    },

    closeWorkspace() {
      set({ workspace: null, draft: null });
    },

    clearNothingCallable() {
      set({ nothingCallable: null });
    },
  };
};

/** A typed back-end error in the agent's language (never the back end's English message). */
export function errorText(error: ApiError): string {
  const t = i18n.t.bind(i18n);
  switch (error.code) {
    case 'COMPLIANCE_BLOCKED': {
      const blocks = (error.details?.blocks as { reason: string }[] | undefined) ?? [];
      const reasons = blocks.map((b) => t(`block.${b.reason}`)).join(i18n.language === 'en' ? ', ' : '、');
      return reasons ? t('errors.COMPLIANCE_BLOCKED_with', { reasons }) : t('errors.COMPLIANCE_BLOCKED');
    }
    case 'LEASE_LOST':
      return t('errors.LEASE_LOST');
    case 'BAD_INPUT': {
      if (error.details?.field === 'notes' && typeof error.details.over === 'number') return t('ui:text.over', { over: error.details.over, max: error.details.max });
      if (error.details?.local) return error.message; // our own check, already in the agent's language
      if (error.details?.field === 'callbackAt') {
        const reason = error.details.reason;
        if (reason === 'outside_window') return t('errors.callbackAtWindow');
        if (reason === 'no_call_day') return t('workspace.laterNoCallDay');
        return apiErrorText(error);
      }
      if (error.details?.field === 'dncExpiresAt') return t('errors.dncExpiresAt');
      if (error.details?.field === 'surveySkipReason') return t('survey:skip.required');
      if (error.details?.field === 'startedAt' && error.details.reason === 'call_not_started') return t('workspace.startFirst');
      return apiErrorText(error);
    }
    case 'NOT_FOUND':
    case 'NOTHING_CALLABLE':
    case 'FORBIDDEN':
    case 'CONFLICT':
    case 'DB_LOCKED':
    case 'DB_CORRUPT':
    case 'DB_UNAVAILABLE':
    case 'DB_NEWER_SCHEMA':
      return t(`errors.${error.code}`);
    default:
      return apiErrorText(error);
  }
}
