import { PULL_PAGE_ROWS, type PullReply, type PullRequest, type PulledRow, type Refusal } from '../../core/sync/protocol';
import type { AuthenticatedAccount } from '../auth/sessions';
import type { ServerDb } from '../database/open';

/*
 * A pull page: the newest images of the team's rows changed after the client's cookie, in (version,
 * table, key) order, read in one repeatable-read snapshot together with the head version and the
 * client's last taken mutation, so that once the last page is applied the console holds exactly the
 * team's state at `head` and knows which of its own mutations that state already contains. The team
 * comes from the token, never from the request.
 */

export async function pull(db: ServerDb, account: AuthenticatedAccount, request: PullRequest, now: number, pageRows = PULL_PAGE_ROWS): Promise<PullReply> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const team = (await tx.query<{ version: number; compacted_through: number }>('SELECT version, compacted_through FROM sync_teams WHERE team_id = $1', [account.teamId])).rows[0] ?? {
      version: 0,
      compacted_through: 0,
    };
    const client = (await tx.query<{ team_id: string; last_mutation_id: number }>('SELECT team_id, last_mutation_id FROM sync_clients WHERE client_id = $1', [request.clientId])).rows[0];
    const lastMutationId = client && client.team_id === account.teamId ? client.last_mutation_id : 0;
    const base = { head: team.version, lastMutationId, serverTime: now };
    // A cookie from before compaction would miss tombstones; one from the future means the server's
    // data was restored from an older backup. Both start over cleanly instead of looping.
    if (request.cookie > team.version || (request.cookie > 0 && request.cookie < team.compacted_through)) {
      return { ...base, reset: true, rows: [], next: null, refusals: [], total: 0 };
    }
    const after = request.after ?? { version: request.cookie, table: '', pk: '' };
    const { rows } = await tx.query<{ table_name: string; pk: string; version: number; row: Record<string, unknown> | null }>(
      `SELECT table_name, pk, version, row FROM sync_changes
        WHERE team_id = $1 AND version > $2 AND version <= $5 AND (version, table_name, pk) > ($3, $4, $6)
        ORDER BY version, table_name, pk LIMIT $7`,
      [account.teamId, request.cookie, after.version, after.table, team.version, after.pk, pageRows + 1],
    );
    const more = rows.length > pageRows;
    const page = more ? rows.slice(0, pageRows) : rows;
    const last = page.at(-1);
    const total = request.after
      ? 0
      : Number(
          (await tx.query<{ n: number }>('SELECT count(*)::bigint AS n FROM sync_changes WHERE team_id = $1 AND version > $2 AND version <= $3', [account.teamId, request.cookie, team.version]))
            .rows[0]!.n,
        );
    const refusals = more || !client ? [] : await refusalsAfter(tx, request.clientId, request.refusalsAfter);
    return {
      ...base,
      reset: false,
      rows: page.map((r): PulledRow => ({ t: r.table_name, k: r.pk, r: r.row })),
      next: more && last ? { version: last.version, table: last.table_name, pk: last.pk } : null,
      refusals,
      total,
    };
  });
}

async function refusalsAfter(tx: Parameters<Parameters<ServerDb['transaction']>[0]>[0], clientId: string, after: number): Promise<Refusal[]> {
  const { rows } = await tx.query<{ mutation_id: number; name: string; error_code: string; error_message: string; error_details: Record<string, unknown> | null }>(
    `SELECT mutation_id, name, error_code, error_message, error_details FROM sync_mutations
      WHERE client_id = $1 AND ok = false AND mutation_id > $2 ORDER BY mutation_id LIMIT 1000`,
    [clientId, after],
  );
  return rows.map((r) => ({ id: r.mutation_id, name: r.name, code: r.error_code, message: r.error_message, ...(r.error_details ? { details: r.error_details } : {}) }));
}
