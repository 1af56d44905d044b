import { asc } from 'drizzle-orm';
import type { Db } from '../open';
import { outbox } from '../schema';
import { stmt } from './stmt';

export interface OutboxEntry {
  seq: number;
  id: string;
  name: string;
  args: string;
  createdAt: number;
  pushedAt: number | null;
}

/**
 * Appends a mutation. On a console connected to a server it is numbered (one above the last) and
 * waits as `pending` to be pushed under its author's sign-in; a change without an author cannot be
 * sent and stays `local`.
 */
export function appendOutbox(db: Db, entry: { id: string; name: string; args: unknown; createdAt: number; authorId: string | null }): void {
  stmt(
    db,
    `INSERT INTO outbox (id, name, args, created_at, author_id, status, mutation_id)
     SELECT @id, @name, @args, @createdAt, @authorId,
            CASE WHEN sent THEN 'pending' ELSE 'local' END,
            CASE WHEN sent THEN (SELECT coalesce(max(mutation_id), 0) + 1 FROM outbox) END
       FROM (SELECT @authorId IS NOT NULL AND EXISTS (SELECT 1 FROM local_meta WHERE key = 'sync.server') AS sent)`,
  ).run({ id: entry.id, name: entry.name, args: JSON.stringify(entry.args), createdAt: entry.createdAt, authorId: entry.authorId });
}

export function listOutbox(db: Db): OutboxEntry[] {
  return db.select().from(outbox).orderBy(asc(outbox.seq)).all();
}

export function countPending(db: Db): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM outbox WHERE pushed_at IS NULL').get() as { n: number }).n;
}
