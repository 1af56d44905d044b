/**
 * IPC wiring: one `ipcMain.handle('api:<method>')` per contract method, each forwarding to the
 * backend only when the message comes from our own renderer. Only types are imported from
 * 'electron', so tests can pass a fake `ipcMain`.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type MethodName } from '../core/contract/methods';
import { fail, type Result } from '../core/contract/result';

/** Channel prefix shared with the preload (which bundles this constant, not the module's logic). */
export const IPC_CHANNEL_PREFIX = 'api:';

export function ipcChannel(method: MethodName): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}

/** What the IPC layer needs of the backend (structurally the `Backend` from ./backend). */
export interface InvokableBackend {
  invoke(method: string, input: unknown, session?: { token: string | null }): Promise<Result<unknown>>;
}

/**
 * The session of each window: one token per webContents, kept here in the main process (the renderer never
 * sees it), so two windows can be two people. Dropped when the window's contents are destroyed.
 */
function sessionOf(sessions: Map<number, { token: string | null }>, event: IpcMainInvokeEvent): { token: string | null } {
  const sender = event.sender as (IpcMainInvokeEvent['sender'] & { id?: number; once?: (e: 'destroyed', f: () => void) => void }) | undefined;
  const id = sender?.id ?? -1;
  let session = sessions.get(id);
  if (!session) {
    session = { token: null };
    sessions.set(id, session);
    sender?.once?.('destroyed', () => sessions.delete(id));
  }
  return session;
}

export type SenderCheck = (frameUrl: string | null | undefined) => boolean;

function senderUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    // `senderFrame` is null once the frame navigated away or was destroyed.
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/**
 * Registers the handlers and returns a function removing them again. A handler never rejects:
 * an untrusted sender gets FORBIDDEN, and a backend that throws (it should not) gets INTERNAL,
 * so the renderer always receives a `Result`.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: InvokableBackend,
  isTrusted: SenderCheck,
  log: (message: string) => void = console.warn,
): () => void {
  const channels: string[] = [];
  const sessions = new Map<number, { token: string | null }>();
  for (const method of METHOD_NAMES) {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const url = senderUrl(event);
      if (!isTrusted(url)) {
        log(`[ipc] ignored ${method} from untrusted sender ${url ?? '(no frame)'}`);
        return fail('FORBIDDEN', 'IPC from an unknown sender was ignored');
      }
      try {
        return await backend.invoke(method, input, sessionOf(sessions, event));
      } catch (error) {
        log(`[ipc] ${method} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fail('INTERNAL', 'The request failed unexpectedly');
      }
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
