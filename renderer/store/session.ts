import type { SessionInfo, SystemStatus } from '../../core/contract/views';
import type { ApiError } from '../../core/contract/result';
import { call, setSignedOutHandler } from '../api/client';
import { applyLocale } from '../i18n';
import { apiErrorText } from '../i18n/apiError';
import { syncClock } from '../format';
import type { Slice } from './types';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'db-error'; status: SystemStatus | null; error: ApiError }
  | { phase: 'first-run' }
  /** Set up, but this window or tab has no signed-in session (or it ended). */
  | { phase: 'sign-in' }
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
  /** Signs this window / tab in; answers the error to show on the form, or null when signed in. */
  signIn(login: string, password: string): Promise<ApiError | null>;
  /** Signs out ("switch user" is sign out, then sign in): back to the sign-in screen. */
  signOut(): Promise<void>;
  /** The session ended under us (an UNAUTHENTICATED answer): show the sign-in screen. */
  signedOut(): void;
  setLocale(locale: 'zh-CN' | 'en'): Promise<void>;
}

const DB_CODES = new Set(['DB_CORRUPT', 'DB_LOCKED', 'DB_NEWER_SCHEMA', 'DB_UNAVAILABLE']);

export const createSessionSlice: Slice<SessionSlice> = (set, get) => ({
  boot: { phase: 'loading' },
  status: null,
  session: null,

  async bootstrap() {
    setSignedOutHandler(() => get().signedOut());
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
    const phase = !session.value.setUp ? 'first-run' : session.value.currentUser ? 'ready' : 'sign-in';
    set({ session: session.value, boot: { phase } });
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
    set({ session, boot: !session.setUp ? get().boot : session.currentUser ? { phase: 'ready' } : { phase: 'sign-in' } });
  },

  async signIn(login, password) {
    const r = await call('session.signIn', { login, password });
    if (!r.ok) return r.error;
    get().setSession(r.value);
    get().invalidateQueue();
    return null;
  },

  async signOut() {
    // A callback I hold but have not started goes back to the queue rather than staying locked.
    const ws = get().workspace;
    if (ws && ws.mode === 'work' && !get().isDirty()) await call('callbacks.release', { id: ws.detail.callback.id });
    const r = await call('session.signOut', {});
    get().closeWorkspace();
    if (!r.ok) {
      get().notify('error', apiErrorText(r.error));
      return;
    }
    get().setSession(r.value);
  },

  signedOut() {
    const current = get().session;
    if (get().boot.phase !== 'ready') return;
    get().closeWorkspace();
    set({ session: current ? { ...current, users: [], currentUser: null } : current, boot: { phase: 'sign-in' } });
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
