import type { ServerDb } from '../database/open';

/*
 * Tombstone compaction. `sync_changes` keeps one entry per row (its newest image), so live rows never
 * pile up; deleted rows leave a tombstone (row null) that every console must see once. Tombstones older
 * than the retention are removed and the team's `compacted_through` moves up to the newest version they
 * could belong to: a console whose cookie is older than that (offline longer than the retention) gets a
 * clean reset on its next pull — a full download, its outbox kept and replayed — instead of missing a
 * delete. Versions carry no time, so the cut is the newest version a mutation received before the
 * retention began was applied at.
 */

/** How long a tombstone is kept by default: a console offline longer than this downloads afresh. */
export const TOMBSTONE_RETENTION_MS = 30 * 24 * 3_600_000;

export interface Compaction {
  teamId: string;
  /** Tombstones removed. */
  removed: number;
  /** The team's compacted_through after the run. */
  through: number;
}

/** Compacts one team's tombstones older than `olderThan` (epoch ms). One transaction; idempotent. */
export async function compactTeam(db: ServerDb, teamId: string, olderThan: number): Promise<Compaction> {
  return db.transaction(async (tx) => {
    // The team row's lock orders this with the team's writers (sync_begin updates the same row).
    const team = (await tx.query<{ compacted_through: number }>('SELECT compacted_through FROM sync_teams WHERE team_id = $1 FOR UPDATE', [teamId])).rows[0];
    if (!team) return { teamId, removed: 0, through: 0 };
    const cut = Number(
      (
        await tx.query<{ v: number | null }>(
          `SELECT max(m.version) AS v FROM sync_mutations m JOIN sync_clients c ON c.client_id = m.client_id
            WHERE c.team_id = $1 AND m.version IS NOT NULL AND m.received_at < $2`,
          [teamId, olderThan],
        )
      ).rows[0]?.v ?? 0,
    );
    if (cut <= team.compacted_through) return { teamId, removed: 0, through: team.compacted_through };
    const removed = (await tx.query('DELETE FROM sync_changes WHERE team_id = $1 AND row IS NULL AND version <= $2', [teamId, cut])).rowCount;
    await tx.query('UPDATE sync_teams SET compacted_through = $2 WHERE team_id = $1', [teamId, cut]);
    return { teamId, removed, through: cut };
  });
}

/** Compacts every team (the server's periodic job and `admin compact`). */
export async function compactAll(db: ServerDb, now: number, retentionMs = TOMBSTONE_RETENTION_MS): Promise<Compaction[]> {
  const teams = (await db.query<{ team_id: string }>(`SELECT team_id FROM sync_teams WHERE team_id <> '' ORDER BY team_id`)).rows;
  const out: Compaction[] = [];
  for (const t of teams) out.push(await compactTeam(db, t.team_id, now - retentionMs));
  return out;
}
