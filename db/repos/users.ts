import type { UserRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { users } from '../schema';
import * as store from '../../core/store/users';
import { onDb } from '../store';

export function listUsers(db: Db): UserRecord[] {
  return db.select().from(users).orderBy(users.createdAt).all();
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertUser = onDb(store.insertUser);
export const getUser = onDb(store.getUser);
export const supervisorIds = onDb(store.supervisorIds);
