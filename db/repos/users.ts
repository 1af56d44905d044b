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

/** Supervisors' ids in id order (the order mutations hand out notification ids in), but `except`. */
export function supervisorIds(db: Db, except: string | null = null): string[] {
  return (stmt(db, `SELECT id FROM users WHERE role = 'supervisor' AND id IS NOT ? ORDER BY id`).all(except) as { id: string }[]).map((r) => r.id);
}
