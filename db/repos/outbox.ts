import { asc } from 'drizzle-orm';
import type { Db } from '../open';
import { outbox } from '../schema';

export interface OutboxEntry {
  seq: number;
  id: string;
  name: string;
  args: string;
  createdAt: number;
  pushedAt: number | null;
}

export function appendOutbox(db: Db, entry: { id: string; name: string; args: unknown; createdAt: number }): void {
  db.insert(outbox).values({ id: entry.id, name: entry.name, args: JSON.stringify(entry.args), createdAt: entry.createdAt }).run();
}

export function listOutbox(db: Db): OutboxEntry[] {
  return db.select().from(outbox).orderBy(asc(outbox.seq)).all();
}

export function countPending(db: Db): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM outbox WHERE pushed_at IS NULL').get() as { n: number }).n;
}
