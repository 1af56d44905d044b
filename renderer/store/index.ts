import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session';
import { createUiSlice, type UiSlice } from './ui';
import { createQueueSlice, type QueueSlice } from './queue';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace';
import { createTicketsSlice, type TicketsSlice } from './tickets';
import { createFaqSlice, type FaqSlice } from './faq';
import { createSyncSlice, type SyncSlice } from './sync';
import { createScriptSlice, type ScriptSlice } from './script';

/*
 * One zustand store made of slices. Pages select what they need:
 *   const session = useStore((s) => s.session);
 *   const notify = useStore((s) => s.notify);
 * The questionnaire is one object under `script` (its names — load, step, busy… — would meet others'):
 *   const answers = useStore((s) => s.script.answers);
 */
export type AppState = SessionSlice & UiSlice & QueueSlice & WorkspaceSlice & TicketsSlice & FaqSlice & SyncSlice & ScriptSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
  ...createQueueSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createTicketsSlice(...a),
  ...createFaqSlice(...a),
  ...createSyncSlice(...a),
  ...createScriptSlice(...a),
}));

export type { SessionSlice, UiSlice, QueueSlice, WorkspaceSlice, TicketsSlice, FaqSlice, SyncSlice, ScriptSlice };
export type { Toast, ToastKind, Page } from './ui';
