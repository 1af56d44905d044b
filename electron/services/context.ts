import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../core/contract/result';
import type { UserRecord } from '../../core/domain/records';
import type { Db } from '../../db/open';
import { getMeta } from '../../db/repos/meta';
import type { Auth, CallSession } from './auth';
import { getUser } from '../../db/repos/users';
import type { ImportJobs } from './import-jobs';
import type { SyncEngine } from './sync/engine';

export interface ServiceContext {
  db: Db;
  /** The only clock the back end reads; tests and the e2e host pin it. */
  now: () => number;
  newId: () => string;
  dataDir: string;
  imports: ImportJobs;
  /** Sessions, password hashing and the sign-in rate limit of this back end process. */
  auth: Auth;
  /** The calling session's user (resolved from its token for each call), null when signed out. */
  userId: string | null;
  /** The calling session as its transport holds it: sign-in sets the token, sign-out clears it. */
  session: CallSession;
  /** This console's sync with the central server (idle while it is not connected). */
  sync: SyncEngine;
}

export const makeIdFactory = () => {
  const pool = new Uint8Array(16 * 256);
  let at = pool.length;
  let msecs = -Infinity;
  let seq = 0;
  return () => {
    if (at === pool.length) {
      crypto.getRandomValues(pool);
      at = 0;
    }
    const random = pool.subarray(at, (at += 16));
    const now = Date.now();
    // As uuid's own v7 state: a fresh random counter each millisecond, +1 within one.
    if (now > msecs) {
      msecs = now;
      seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    } else {
      seq = (seq + 1) | 0;
      if (seq === 0) msecs++;
    }
    return uuidv7({ random, msecs, seq });
  };
};

/** The signed-in user, who must be a supervisor; `what` completes "Only a supervisor can …". */
export function currentSupervisor(ctx: ServiceContext, what: string): UserRecord {
  const user = currentUser(ctx);
  if (user.role !== 'supervisor') throw new AppError('FORBIDDEN', `Only a supervisor can ${what}.`);
  return user;
}

/** The signed-in user of this seat; most actions need one. */
export function currentUser(ctx: ServiceContext): UserRecord {
  const user = ctx.userId ? getUser(ctx.db, ctx.userId) : undefined;
  if (user) return user;
  if (getMeta(ctx.db, 'setUpAt') === undefined) {
    throw new AppError('NOT_SET_UP', 'This console has no users yet. Finish the first-run setup.');
  }
  throw new AppError('UNAUTHENTICATED', 'You are not signed in. Sign in with your name and password.');
}
