import type { Disposition } from '../../core/domain/model';
import { call } from '../api/client';

/**
 * Keeps the call in progress on the console as the agent types or picks (callbacks.saveDraft), so a
 * reload or a crash loses neither the notes nor the outcome chosen. Keystrokes are gathered for a short
 * while and sent as one save; a save for another callback first sends what was waiting.
 */
const WAIT_MS = 400;

interface Pending {
  callbackId: string;
  disposition?: Disposition | null;
  notes?: string;
}

let pending: Pending | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function scheduleDraftSave(patch: Pending): void {
  if (pending && pending.callbackId !== patch.callbackId) void flushDraftSave();
  pending = { ...(pending ?? {}), ...patch };
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushDraftSave(), WAIT_MS);
}

/** Sends what is waiting now. A refused save (the callback closed or was taken) is left alone: the workspace says so when the agent acts. */
export async function flushDraftSave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const next = pending;
  pending = null;
  if (!next || (next.disposition === undefined && next.notes === undefined)) return;
  await call('callbacks.saveDraft', next);
}

/** Forgets what is waiting: the call was saved or handed back, so there is no draft left to keep. */
export function dropDraftSave(callbackId: string): void {
  if (pending?.callbackId !== callbackId) return;
  if (timer) clearTimeout(timer);
  timer = null;
  pending = null;
}
