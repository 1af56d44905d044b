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

export function appendOutbox(db: Db, entry: { id: string; name: string; args: unknown; createdAt: number }): void {
  stmt(db, 'INSERT INTO outbox (id, name, args, created_at) VALUES (?, ?, ?, ?)').run(entry.id, entry.name, JSON.stringify(entry.args), entry.createdAt);
}

export function listOutbox(db: Db): OutboxEntry[] {
  return db.select().from(outbox).orderBy(asc(outbox.seq)).all();
}

export function countPending(db: Db): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM outbox WHERE pushed_at IS NULL').get() as { n: number }).n;
}
