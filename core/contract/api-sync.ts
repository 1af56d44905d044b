import { z } from 'zod';
import { empty, returns, type ContractFor } from './common';
import type { SyncMethod } from './methods';
import type { AttentionItem, SyncStatus } from './views-sync';

/* The sync methods of the contract (merged in api.ts): status, connecting to a server, "Needs attention". */

const serverUrl = z
  .string()
  .trim()
  .max(200)
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i, 'Give the server address as http://host:port or https://host.');

export const syncContract = {
  /**
   * With `after` (a dataVersion the caller has seen), answers as soon as newer pulled data has landed, or
   * after `waitMs` at most: the renderer sees a colleague's change the moment it arrives, without polling fast.
   */
  'sync.status': returns<SyncStatus>()(
    z.object({ after: z.number().int().min(0).optional(), waitMs: z.number().int().min(0).max(25_000).optional() }).strict(),
  ),
  /** Joins this console to a team on a central server, signing in as one of its accounts. */
  'sync.connect': returns<SyncStatus>()(
    z
      .object({
        serverUrl,
        login: z.string().trim().min(1).max(128),
        password: z.string().min(1).max(1024),
        /** The console's data is replaced by the team's: the caller confirms that explicitly. */
        replaceLocalData: z.literal(true),
        locale: z.enum(['zh-CN', 'en']).optional(),
      })
      .strict(),
  ),
  'sync.now': returns<SyncStatus>()(empty),
  'sync.attention': returns<AttentionItem[]>()(empty),
  /** Sends a refused change again, as a new change (optionally with edited arguments). */
  'sync.retry': returns<AttentionItem[]>()(z.object({ seq: z.number().int().positive(), args: z.record(z.string(), z.unknown()).optional() }).strict()),
  /** Gives up a refused change explicitly (audited). */
  'sync.discard': returns<AttentionItem[]>()(z.object({ seq: z.number().int().positive() }).strict()),
} as const satisfies ContractFor<SyncMethod>;
