import type { UserRecord } from '../domain/records';
import { all, get, type Q, write } from './sql';

export function* insertUser(user: UserRecord): Q<void> {
  yield* write(
    'INSERT INTO users (id, name, role, created_at) VALUES (@id, @name, @role, @createdAt) ON CONFLICT (id) DO NOTHING',
    user,
    'users',
  );
}

export function getUser(id: string): Q<UserRecord | undefined> {
  return get<UserRecord>('SELECT id, name, role, created_at AS "createdAt" FROM users WHERE id = ?', [id], 'users');
}

/** Supervisors' ids in id order (the order mutations hand out notification ids in), but `except`. */
export function* supervisorIds(except: string | null = null): Q<string[]> {
  const rows = yield* all<{ id: string }>(`SELECT id FROM users WHERE role = 'supervisor' AND id IS NOT ? ORDER BY id`, [except], 'users');
  return rows.map((r) => r.id);
}
