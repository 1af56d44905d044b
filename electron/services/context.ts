import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../core/contract/result';
import type { UserRecord } from '../../core/domain/records';
import type { Db } from '../../db/open';
import { getMeta } from '../../db/repos/meta';
import { getUser } from '../../db/repos/users';
import type { ImportJobs } from './import-jobs';

export interface ServiceContext {
  db: Db;
  /** The only clock the back end reads; tests and the e2e host pin it. */
  now: () => number;
  newId: () => string;
  dataDir: string;
  imports: ImportJobs;
}

export const makeIdFactory = () => () => uuidv7();

/** The signed-in user of this seat; most actions need one. */
export function currentUser(ctx: ServiceContext): UserRecord {
  const id = getMeta(ctx.db, 'currentUserId');
  const user = id ? getUser(ctx.db, id) : undefined;
  if (!user) throw new AppError('NOT_SET_UP', 'No one is signed in on this console yet. Finish the first-run setup.');
  return user;
}
