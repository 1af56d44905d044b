import type { SessionInfo, SystemStatus } from '../../core/contract/views';
import type { ApiError } from '../../core/contract/result';
import { call } from '../api/client';
import { applyLocale } from '../i18n';
import { apiErrorText } from '../i18n/apiError';
import { syncClock } from '../format';
import type { Slice } from './types';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'db-error'; status: SystemStatus | null; error: ApiError }
  | { phase: 'first-run' }
  | { phase: 'ready' };

export interface SessionSlice {
  boot: BootState;
  status: SystemStatus | null;
  /** The signed-in session; null until loaded. */
  session: SessionInfo | null;
  /** Re-reads session.get into `session` (users, current user, locale). */
  refreshSession(): Promise<void>;
  /** Boot sequence: system.status → session.get → first run / shell / DB error. */
  bootstrap(): Promise<void>;
  setSession(session: SessionInfo): void;
  switchUser(userId: string): Promise<void>;
  setLocale(locale: 'zh-CN' | 'en'): Promise<void>;
}

const DB_CODES = new Set(['DB_CORRUPT', 'DB_LOCKED', 'DB_NEWER_SCHEMA', 'DB_UNAVAILABLE']);

export const createSessionSlice: Slice<SessionSlice> = (set, get) => ({
  boot: { phase: 'loading' },
  status: null,
  session: null,

  async bootstrap() {
    const status = await call('system.status', {});
    if (!status.ok) {
      set({ boot: { phase: 'db-error', status: null, error: status.error } });
      return;
    }
    syncClock(status.value.now);
    set({ status: status.value });
    const db = status.value.db;
    if (db.state === 'error') {
      set({ boot: { phase: 'db-error', status: status.value, error: { code: db.code, message: db.message } } });
      return;
    }
    const session = await call('session.get', {});
    if (!session.ok) {
      if (DB_CODES.has(session.error.code)) {
        set({ boot: { phase: 'db-error', status: status.value, error: session.error } });
      } else if (session.error.code === 'NOT_SET_UP') {
        set({ boot: { phase: 'first-run' } });
      } else {
        set({ boot: { phase: 'db-error', status: status.value, error: session.error } });
      }
      return;
    }
    await applyLocale(session.value.locale);
    get().restoreQueuePrefs(session.value.currentUser?.id ?? null);
    set({ session: session.value, boot: { phase: session.value.setUp ? 'ready' : 'first-run' } });
  },

  async refreshSession() {
    const r = await call('session.get', {});
    if (r.ok) {
      get().setSession(r.value);
    } else {
      get().notify('error', apiErrorText(r.error));
    }
  },

  setSession(session) {
    void applyLocale(session.locale);
    // Another user (or the first one, after setup): their own queue filters and sort.
    const userId = session.currentUser?.id ?? null;
    if (userId !== (get().session?.currentUser?.id ?? null)) get().restoreQueuePrefs(userId);
    set({ session, boot: session.setUp ? { phase: 'ready' } : get().boot });
  },

  async switchUser(userId) {
    // A callback I hold but have not started goes back to the queue rather than staying locked.
    const ws = get().workspace;
    if (ws && ws.mode === 'work' && !get().isDirty()) await call('callbacks.release', { id: ws.detail.callback.id });
    const r = await call('session.switchUser', { userId });
    if (!r.ok) {
      get().notify('error', apiErrorText(r.error));
      return;
    }
    get().closeWorkspace();
    get().setSession(r.value);
    get().invalidateQueue();
  },

  async setLocale(locale) {
    await applyLocale(locale);
    const current = get().session;
    if (current) set({ session: { ...current, locale } });
    const r = await call('session.setLocale', { locale });
    if (r.ok) set({ session: r.value });
    else get().notify('error', apiErrorText(r.error));
  },
});
