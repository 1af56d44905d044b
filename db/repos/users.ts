import type { UserRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { users } from '../schema';
import { stmt } from './stmt';

export function insertUser(db: Db, user: UserRecord): void {
  db.insert(users).values(user).onConflictDoNothing().run();
}

export function listUsers(db: Db): UserRecord[] {
  return db.select().from(users).orderBy(users.createdAt).all();
}

export function getUser(db: Db, id: string): UserRecord | undefined {
  return stmt(db, 'SELECT id, name, role, created_at AS createdAt FROM users WHERE id = ?').get(id) as UserRecord | undefined;
}
