import { AppError } from '../../core/contract/result';
import { applyMutation, parseMutationArgs } from '../../core/mutations/registry';
import type { MutationName } from '../../core/sync/mutations';
import type { MutationOutcome, PushReply, PushRequest } from '../../core/sync/protocol';
import type { AuthenticatedAccount } from '../auth/sessions';
import type { Queryable, ServerDb } from '../database/open';
import { ServerError } from '../http/errors';
import { TransactionMemo } from '../store/pg';
import { inSavepoints } from '../store/savepoints';

/*
 * A push: the client's new mutations applied exactly once, in id order, in ONE transaction that holds
 * the team's version lock from its first statement (so two server processes, or a voucher budget read
 * by two pushes at once, can never interleave within a team). Each mutation runs in its own savepoint:
 * a rule's refusal is recorded as that mutation's outcome and the id still advances, so one bad change
 * never blocks the queue. Anything else (the database gone, a lost connection) fails the whole
 * request, nothing is recorded, and the client retries the same ids later.
 */

export async function push(db: ServerDb, account: AuthenticatedAccount, request: PushRequest, now: number): Promise<PushReply> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT sync_begin($1)', [account.teamId]);
    let last = await claimClient(tx, request.clientId, account.teamId, now);
    const sorted = [...request.mutations].sort((a, b) => a.id - b.id);
    const run: PushRequest['mutations'] = [];
    for (const m of sorted) {
      if (m.id <= last) continue; // a retried or duplicated request: already taken
      if (m.id !== last + 1) break; // a gap: the client resends from last + 1
      run.push(m);
      last = m.id;
    }
    const actor = { actorId: account.id };
    const results = await inSavepoints(
      tx,
      run.length,
      function* (i) {
        const m = run[i]!;
        const name = m.name as MutationName;
        return yield* applyMutation(name, parseMutationArgs(name, m.args) as never, actor);
      },
      refusalOf,
      new TransactionMemo(),
    );
    const taken = run.map((m, i): { m: PushRequest['mutations'][number]; outcome: Applied } => {
      const r = results[i]!;
      return { m, outcome: r.ok ? { ok: true } : { ok: false, error: r.error } };
    });
    const outcomes: MutationOutcome[] = taken.map(({ m, outcome }) => ({ id: m.id, ...outcome }));
    await recordTaken(tx, request.clientId, account.id, taken, now);
    await tx.query('UPDATE sync_clients SET last_mutation_id = $2, last_seen_at = $3 WHERE client_id = $1', [request.clientId, last, now]);
    return { lastMutationId: last, outcomes, serverTime: now };
  });
}

/** The client's last taken id, registering it with this team on its first push; a client of another team is refused. */
async function claimClient(tx: Queryable, clientId: string, teamId: string, now: number): Promise<number> {
  const { rows } = await tx.query<{ team_id: string; last_mutation_id: number }>(
    'SELECT team_id, last_mutation_id FROM sync_clients WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  const known = rows[0];
  if (!known) {
    await tx.query('INSERT INTO sync_clients (client_id, team_id, last_mutation_id, created_at, last_seen_at) VALUES ($1, $2, 0, $3, $3)', [clientId, teamId, now]);
    return 0;
  }
  if (known.team_id !== teamId) throw new ServerError('FORBIDDEN', 'This console belongs to another team: connect it to its own team.');
  return known.last_mutation_id;
}

type Applied = Omit<MutationOutcome, 'id'>;

/** What became of each taken mutation, in one statement (its rows travel as one JSON array). */
async function recordTaken(tx: Queryable, clientId: string, authorId: string, taken: { m: PushRequest['mutations'][number]; outcome: Applied }[], now: number): Promise<void> {
  if (taken.length === 0) return;
  const rows = taken.map(({ m, outcome }) => ({
    id: m.id,
    name: m.name,
    args: m.args ?? null,
    ok: outcome.ok,
    code: outcome.error?.code ?? null,
    message: outcome.error?.message ?? null,
    details: outcome.error?.details ?? null,
    clientTime: m.clientTime,
  }));
  await tx.query(
    `INSERT INTO sync_mutations (client_id, mutation_id, name, author_id, args, ok, version, error_code, error_message, error_details, client_time, received_at)
     SELECT $1, (r ->> 'id')::bigint, r ->> 'name', $2, r -> 'args', (r ->> 'ok')::boolean,
            CASE WHEN (r ->> 'ok')::boolean THEN current_setting('sync.version')::bigint END,
            r ->> 'code', r ->> 'message', CASE WHEN jsonb_typeof(r -> 'details') = 'object' THEN r -> 'details' END,
            (r ->> 'clientTime')::bigint, $3
       FROM jsonb_array_elements($4::jsonb) AS r`,
    [clientId, authorId, now, JSON.stringify(rows)],
  );
}

/**
 * A refusal is an answer that would be the same on every retry: a rule (AppError) or data the database
 * rejects (integrity, invalid values). Connection and resource failures are not: they fail the request.
 */
function refusalOf(error: unknown): MutationOutcome['error'] | null {
  if (error instanceof AppError || error instanceof ServerError) {
    return error.details ? { code: error.code, message: error.message, details: error.details } : { code: error.code, message: error.message };
  }
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^(22|23|42)/.test(sqlState)) {
    return { code: 'CONFLICT', message: `The server's database refused this change: ${(error as Error).message}` };
  }
  if (typeof sqlState === 'string' || isConnectionError(error)) return null;
  // A deterministic failure of the applier itself: retrying would wedge the queue on it forever.
  if (error instanceof TypeError || error instanceof RangeError) {
    return { code: 'INTERNAL', message: `The server could not apply this change: ${error.message}` };
  }
  return null;
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+/.test(code);
}
