import type { ParsedInputOf } from '../../core/contract/api';
import { AppError, type ErrorCode } from '../../core/contract/result';
import type { AttentionItem, SyncStatus } from '../../core/contract/views-sync';
import { parseMutationArgs } from '../../core/mutations/registry';
import { editableFields } from '../../core/sync/editable';
import type { MutationName } from '../../core/sync/mutations';
import { putCredential } from '../../db/repos/credentials';
import { getMeta, setMeta } from '../../db/repos/meta';
import { stmt, inTransaction } from '../../db/repos/stmt';
import { getUser } from '../../db/repos/users';
import { currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';
import { storeSession } from './sync/credentials';
import { ServerReply, Unreachable } from './sync/http';

/*
 * Sync as the user sees it: the status in the top bar, joining a team on a central server, "Sync now",
 * and "Needs attention" (changes the server refused: retry, edit or discard — never dropped silently).
 */

/** The status, answered once newer pulled data has landed or an exchange has ended, when the caller asks to wait. */
export async function waitSyncStatus(ctx: ServiceContext, input: ParsedInputOf<'sync.status'>): Promise<SyncStatus> {
  if (input.after !== undefined && input.waitMs) await ctx.sync.waitForData(input.after, input.waitMs);
  return syncStatus(ctx);
}

export function syncStatus(ctx: ServiceContext): SyncStatus {
  const s = ctx.sync.status();
  return {
    ...s,
    waitingFor: s.waitingFor.map((id) => getUser(ctx.db, id)?.name ?? id),
    dataVersion: ctx.sync.dataVersion,
  };
}

/**
 * Joins this console to a team: signs in to the server as one of its accounts, replaces this console's
 * shared data with the team's (what was recorded here before stays in the outbox, marked local), and
 * signs that account in on the calling session. A console that is set up needs a signed-in supervisor.
 */
export async function connect(ctx: ServiceContext, input: ParsedInputOf<'sync.connect'>): Promise<SyncStatus> {
  if (getMeta(ctx.db, 'setUpAt') !== undefined && ctx.userId !== null && currentUser(ctx).role !== 'supervisor') {
    throw new AppError('FORBIDDEN', 'Only a supervisor can connect this console to a server.');
  }
  if (getMeta(ctx.db, 'setUpAt') !== undefined && ctx.userId === null && ctx.sync.serverUrl() === null) {
    throw new AppError('UNAUTHENTICATED', 'Sign in as a supervisor first, then connect the console in Settings.');
  }
  const current = ctx.sync.serverUrl();
  if (current !== null) throw new AppError('CONFLICT', `This console is already connected to ${current}.`);
  const api = ctx.sync.api(input.serverUrl);
  const reply = await serverCall(() => api.signIn(input.login, input.password));
  const hash = await ctx.auth.hasher.hash(input.password);
  const now = ctx.now();
  ctx.sync.connect(input.serverUrl, reply.user.teamId);
  storeSession(ctx.db, reply.user.id, reply, now);
  try {
    await ctx.sync.syncOnce();
  } catch (error) {
    // Joined, but the first download did not finish: the loop resumes it; sign-in works once it lands.
    if (!(error instanceof Unreachable) && !(error instanceof ServerReply)) throw error;
  }
  inTransaction(ctx.db, () => {
    putCredential(ctx.db, reply.user.id, hash, now);
    // Accounts of the console's standalone days no longer exist here: their credentials go too.
    stmt(ctx.db, 'DELETE FROM local_credentials WHERE user_id NOT IN (SELECT id FROM users)').run();
    if (getMeta(ctx.db, 'setUpAt') === undefined) setMeta(ctx.db, 'setUpAt', String(now));
    if (input.locale) setMeta(ctx.db, 'locale', input.locale);
  });
  if (getUser(ctx.db, reply.user.id)) {
    ctx.auth.close(ctx.session.token);
    ctx.session.token = ctx.auth.open(reply.user.id, now);
    ctx.userId = reply.user.id;
  }
  // The status of the exchange just made: the loop's first one starts now and would read as "syncing".
  const status = syncStatus(ctx);
  ctx.sync.start();
  return status;
}

export async function syncNow(ctx: ServiceContext): Promise<SyncStatus> {
  currentUser(ctx);
  if (ctx.sync.serverUrl() === null) throw new AppError('NOT_FOUND', 'This console is not connected to a server: connect it in Settings first.');
  try {
    await ctx.sync.syncOnce();
  } catch (error) {
    if (!(error instanceof Unreachable) && !(error instanceof ServerReply)) throw error;
  }
  return syncStatus(ctx);
}

interface RefusedRow {
  seq: number;
  id: string;
  name: string;
  args: string;
  authorId: string | null;
  createdAt: number;
  error: string;
}

function refusedRows(ctx: ServiceContext, seq?: number): RefusedRow[] {
  return stmt(
    ctx.db,
    `SELECT seq, id, name, args, author_id AS authorId, created_at AS createdAt, error FROM outbox
      WHERE status = 'refused' AND (@seq IS NULL OR seq = @seq) ORDER BY seq`,
  ).all({ seq: seq ?? null }) as RefusedRow[];
}

/** Refused changes: everyone sees their own; a supervisor sees the whole console's. */
export function attention(ctx: ServiceContext): AttentionItem[] {
  const me = currentUser(ctx);
  return refusedRows(ctx)
    .filter((r) => me.role === 'supervisor' || r.authorId === me.id)
    .map((r) => {
      const args = JSON.parse(r.args) as Record<string, unknown>;
      return {
        seq: r.seq,
        name: r.name,
        args,
        editable: editableFields(r.name, args),
        authorId: r.authorId,
        authorName: r.authorId ? (getUser(ctx.db, r.authorId)?.name ?? null) : null,
        createdAt: r.createdAt,
        error: JSON.parse(r.error) as AttentionItem['error'],
      };
    });
}

function ownRefused(ctx: ServiceContext, seq: number): RefusedRow {
  const me = currentUser(ctx);
  const row = refusedRows(ctx, seq)[0];
  if (!row) throw new AppError('NOT_FOUND', 'That change is no longer waiting for attention.');
  if (row.authorId !== me.id) throw new AppError('FORBIDDEN', `Only ${getUser(ctx.db, row.authorId ?? '')?.name ?? 'its author'} can retry or discard this change.`);
  return row;
}

/**
 * Sends a refused change again as a new change (its original stays, marked retried): applied here first,
 * so a rule that still refuses it says so at once. Edited arguments replace the original ones.
 */
export function retry(ctx: ServiceContext, input: ParsedInputOf<'sync.retry'>): AttentionItem[] {
  const row = ownRefused(ctx, input.seq);
  const name = row.name as MutationName;
  const original = JSON.parse(row.args) as Record<string, unknown>;
  // Only what the person typed or chose may change: never the author, the times or the ids.
  const allowed = new Set(editableFields(name, original).map((f) => f.key));
  const refused = Object.keys(input.args ?? {}).filter((k) => !allowed.has(k));
  if (refused.length > 0) {
    throw new AppError('BAD_INPUT', `These parts of the change cannot be edited: ${refused.join(', ')}.`, { field: refused[0], reason: 'not_editable' });
  }
  const args = parseMutationArgs(name, { ...original, ...input.args });
  const now = ctx.now();
  inTransaction(ctx.db, () => {
    runMutation(ctx.db, name, args as never, now, row.authorId ?? undefined);
    stmt(ctx.db, `UPDATE outbox SET status = 'retried', resolved_at = ?, resolved_by = ? WHERE seq = ?`).run(now, currentUser(ctx).id, row.seq);
  });
  ctx.sync.nudge();
  return attention(ctx);
}

/** Gives up a refused change, explicitly and audited. */
export function discard(ctx: ServiceContext, input: ParsedInputOf<'sync.discard'>): AttentionItem[] {
  const row = ownRefused(ctx, input.seq);
  const me = currentUser(ctx);
  const error = JSON.parse(row.error) as AttentionItem['error'];
  const now = ctx.now();
  inTransaction(ctx.db, () => {
    runMutation(ctx.db, 'audit.syncDiscarded', { auditId: ctx.newId(), at: now, actorId: me.id, mutation: row.name, code: error.code, message: error.message.slice(0, 2000), changeId: row.id }, now);
    stmt(ctx.db, `UPDATE outbox SET status = 'discarded', resolved_at = ?, resolved_by = ? WHERE seq = ?`).run(now, me.id, row.seq);
  });
  ctx.sync.nudge();
  return attention(ctx);
}

/** A server's answer as the console's typed error (unreachable: UNAVAILABLE with what to do). */
async function serverCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ServerReply) throw new AppError(error.code as ErrorCode, error.message, error.details);
    if (error instanceof Unreachable) throw new AppError('UNAVAILABLE', `${error.message} Check the address and the network, then try again.`);
    throw error;
  }
}
