import type { ReactNode } from 'react';
import type { Slice } from './types';

export type ToastKind = 'info' | 'success' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}
export type Page =
  | 'queue'
  | 'tickets'
  | 'board'
  | 'vouchers'
  | 'import'
  | 'scripts'
  | 'surveys'
  | 'reports'
  | 'faq'
  | 'audit'
  | 'settings'
  /** Changes the team server refused (shown when the console is connected to one). */
  | 'attention';
/** Pages only a supervisor sees in the navigation. */
export const SUPERVISOR_PAGES: readonly Page[] = ['board', 'reports'];

export interface UiSlice {
  page: Page;
  setPage(page: Page): void;
  toasts: Toast[];
  /** Shows a toast. Errors stay longer. */
  notify(kind: ToastKind, text: string): void;
  dismissToast(id: number): void;
  /** The one floating tooltip (components/Tooltip.tsx): what it says and the box of its trigger. */
  tip: { content: ReactNode; rect: DOMRect } | null;
  showTip(content: ReactNode, rect: DOMRect): void;
  hideTip(): void;
}

let nextToast = 1;

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  page: 'queue',
  setPage(page) {
    set({ page });
  },
  toasts: [],
  notify(kind, text) {
    const id = nextToast++;
    set({ toasts: [...get().toasts, { id, kind, text }].slice(-5) });
    const ms = kind === 'error' ? 9000 : 5000;
    setTimeout(() => get().dismissToast(id), ms);
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  tip: null,
  showTip(content, rect) {
    set({ tip: { content, rect } });
  },
  hideTip() {
    set({ tip: null });
  },
});
