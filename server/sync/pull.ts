import { PULL_PAGE_ROWS, PULL_PLAN_MAX, type PullCursor, type PullPage, type PullRequest, type Refusal } from '../../core/sync/protocol';
import type { AuthenticatedAccount } from '../auth/sessions';
import type { ServerDb } from '../database/open';
import type { Queryable } from '../database/queryable';

/*
 * A pull page: the newest images of the team's rows changed after the client's cookie, in (version,
 * table, key) order, read in one repeatable-read snapshot together with the head version and the
 * client's last taken mutation, so that once the last page is applied the console holds exactly the
 * team's state at `head` and knows which of its own mutations that state already contains. The team
 * comes from the token, never from the request.
 *
 * The page's rows come back from the database as ONE text value, the JSON array the console stages as
 * it is: no row image is parsed into an object here and written out again (with thousands of rows a
 * page, that was most of the server's time, and on PGlite most of it again in its row decoding). Each
 * entry is put together as text around the image as stored (json), so not even PostgreSQL prints it again.
 */

export async function pull(db: ServerDb, account: AuthenticatedAccount, request: PullRequest, now: number, pageRows = PULL_PAGE_ROWS): Promise<PullPage> {
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
      return { reply: { ...base, reset: true, count: 0, rowsLength: 2, next: null, refusals: [], total: 0 }, rowsJson: '[]' };
    }
    const after = request.after ?? { version: request.cookie, table: '', pk: '' };
    // One row past the page says whether another page follows; its cursor is the page's last row.
    const { rows } = await tx.query<{ n: number; rows_json: string | null; last_version: number | null; last_table: string | null; last_pk: string | null }>(
      `SELECT count(*)::int AS n,
              string_agg('{"t":' || to_json(table_name) || ',"k":' || to_json(pk) || ',"r":' || coalesce(row::text, 'null') || '}', ',' ORDER BY i) FILTER (WHERE i <= $8) AS rows_json,
              max(version) FILTER (WHERE i = $8) AS last_version,
              max(table_name) FILTER (WHERE i = $8) AS last_table,
              max(pk) FILTER (WHERE i = $8) AS last_pk
         FROM (SELECT table_name, pk, version, row, row_number() OVER (ORDER BY version, table_name, pk) AS i
                 FROM (SELECT table_name, pk, version, row FROM sync_changes
                        WHERE team_id = $1 AND version > $2 AND version <= $5 AND (version, table_name, pk) > ($3, $4, $6)
                        ORDER BY version, table_name, pk LIMIT $7) window_rows) page`,
      [account.teamId, request.cookie, after.version, after.table, team.version, after.pk, pageRows + 1, pageRows],
    );
    const found = rows[0]!;
    const more = found.n > pageRows;
    const count = Math.min(found.n, pageRows);
    const rowsJson = `[${found.rows_json ?? ''}]`;
    const total = request.after
      ? 0
      : Number(
          (await tx.query<{ n: number }>('SELECT count(*)::bigint AS n FROM sync_changes WHERE team_id = $1 AND version > $2 AND version <= $3', [account.teamId, request.cookie, team.version]))
            .rows[0]!.n,
        );
    const plan = more && !request.after ? await pageStarts(tx, account.teamId, request.cookie, team.version, pageRows) : undefined;
    const refusals = more || !client ? [] : await refusalsAfter(tx, request.clientId, request.refusalsAfter);
    return {
      reply: {
        ...base,
        reset: false,
        count,
        rowsLength: rowsJson.length,
        next: more ? { version: Number(found.last_version), table: found.last_table!, pk: found.last_pk! } : null,
        refusals,
        total,
        ...(plan ? { plan } : {}),
      },
      rowsJson,
    };
  });
}

/** The cursor after every `pageRows`-th change of the pull, walked along the cursor index (one query). */
async function pageStarts(tx: Queryable, teamId: string, cookie: number, head: number, pageRows: number): Promise<PullCursor[]> {
  const { rows } = await tx.query<{ version: number; table_name: string; pk: string }>(
    `SELECT version, table_name, pk
       FROM (SELECT version, table_name, pk, row_number() OVER (ORDER BY version, table_name, pk) AS i
               FROM sync_changes WHERE team_id = $1 AND version > $2 AND version <= $3
              ORDER BY version, table_name, pk LIMIT $5) numbered
      WHERE i % $4 = 0 ORDER BY i`,
    [teamId, cookie, head, pageRows, pageRows * PULL_PLAN_MAX],
  );
  return rows.map((r) => ({ version: Number(r.version), table: r.table_name, pk: r.pk }));
}

async function refusalsAfter(tx: Queryable, clientId: string, after: number): Promise<Refusal[]> {
  const { rows } = await tx.query<{ mutation_id: number; name: string; error_code: string; error_message: string; error_details: Record<string, unknown> | null }>(
    `SELECT mutation_id, name, error_code, error_message, error_details FROM sync_mutations
      WHERE client_id = $1 AND ok = false AND mutation_id > $2 ORDER BY mutation_id LIMIT 1000`,
    [clientId, after],
  );
  return rows.map((r) => ({ id: r.mutation_id, name: r.name, code: r.error_code, message: r.error_message, ...(r.error_details ? { details: r.error_details } : {}) }));
}
