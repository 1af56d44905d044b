import { eq } from 'drizzle-orm';
import type { UserRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { users } from '../schema';

export function insertUser(db: Db, user: UserRecord): void {
  db.insert(users).values(user).onConflictDoNothing().run();
}

export function listUsers(db: Db): UserRecord[] {
  return db.select().from(users).orderBy(users.createdAt).all();
}

export function getUser(db: Db, id: string): UserRecord | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}
