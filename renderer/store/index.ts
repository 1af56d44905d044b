import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session';
import { createUiSlice, type UiSlice } from './ui';
import { createQueueSlice, type QueueSlice } from './queue';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace';
import { createTicketsSlice, type TicketsSlice } from './tickets';
import { createFaqSlice, type FaqSlice } from './faq';
import { createSyncSlice, type SyncSlice } from './sync';

/*
 * One zustand store made of slices. Pages select what they need:
 *   const session = useStore((s) => s.session);
 *   const notify = useStore((s) => s.notify);
 */
export type AppState = SessionSlice & UiSlice & QueueSlice & WorkspaceSlice & TicketsSlice & FaqSlice & SyncSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
  ...createQueueSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createTicketsSlice(...a),
  ...createFaqSlice(...a),
  ...createSyncSlice(...a),
}));

export type { SessionSlice, UiSlice, QueueSlice, WorkspaceSlice, TicketsSlice, FaqSlice, SyncSlice };
export type { Toast, ToastKind, Page } from './ui';
