import { AppError } from '../contract/result';
import type { UserRecord } from '../domain/records';
import type { Q } from '../store/sql';
import { getUser } from '../store/users';

/** Who performs a mutation: the authenticated user's id, or `local` when the console's own services call. */
export type Acting = { actorId: string } | 'local';

/** The acting user, who must be a supervisor; `what` completes "Only a supervisor can …". */
export function* supervisorOnly(userId: string | null, what: string): Q<UserRecord> {
  const user = userId === null ? undefined : yield* getUser(userId);
  if (user?.role !== 'supervisor') throw new AppError('FORBIDDEN', `Only a supervisor can ${what}.`);
  return user;
}
