import type { TokenPair } from '../../../core/auth/wire';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/repos/stmt';
import { ServerReply, type ServerApi } from './http';

/*
 * The console's sign-ins on the central server, one per user who signed in at this seat, kept in the
 * device-local `sync_sessions` table: a colleague's unsent work is pushed under the colleague's own
 * identity even after they have left the seat, and only then is their session ended on the server.
 */

interface SessionRow {
  userId: string;
  refreshToken: string;
  accessToken: string | null;
  accessExpiresAt: number | null;
  signedOutAt: number | null;
}

/** Access tokens are renewed this long before they expire, so a push never races the expiry. */
const RENEW_BEFORE_MS = 60_000;

export function storeSession(db: Db, userId: string, pair: TokenPair, now: number): void {
  stmt(
    db,
    `INSERT INTO sync_sessions (user_id, refresh_token, access_token, access_expires_at, signed_out_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?)
     ON CONFLICT (user_id) DO UPDATE SET refresh_token = excluded.refresh_token, access_token = excluded.access_token,
       access_expires_at = excluded.access_expires_at, signed_out_at = NULL, updated_at = excluded.updated_at`,
  ).run(userId, pair.refreshToken, pair.accessToken, pair.expiresAt, now);
}

export function sessionOf(db: Db, userId: string): SessionRow | undefined {
  return stmt(
    db,
    'SELECT user_id AS userId, refresh_token AS refreshToken, access_token AS accessToken, access_expires_at AS accessExpiresAt, signed_out_at AS signedOutAt FROM sync_sessions WHERE user_id = ?',
  ).get(userId) as SessionRow | undefined;
}

export function anySession(db: Db): SessionRow | undefined {
  return stmt(
    db,
    'SELECT user_id AS userId, refresh_token AS refreshToken, access_token AS accessToken, access_expires_at AS accessExpiresAt, signed_out_at AS signedOutAt FROM sync_sessions ORDER BY signed_out_at IS NOT NULL, updated_at DESC LIMIT 1',
  ).get() as SessionRow | undefined;
}

export function markSignedOut(db: Db, userId: string, now: number): void {
  stmt(db, 'UPDATE sync_sessions SET signed_out_at = ? WHERE user_id = ?').run(now, userId);
}

export function dropSession(db: Db, userId: string): void {
  stmt(db, 'DELETE FROM sync_sessions WHERE user_id = ?').run(userId);
}

/**
 * A valid access token for the user, renewing it with the refresh token when needed; undefined when
 * this console holds no usable sign-in for them (they must sign in here again). Network failures throw.
 */
export async function accessTokenFor(db: Db, api: ServerApi, userId: string, now: number): Promise<string | undefined> {
  const row = sessionOf(db, userId);
  if (!row) return undefined;
  if (row.accessToken && (row.accessExpiresAt ?? 0) > now + RENEW_BEFORE_MS) return row.accessToken;
  try {
    const pair = await api.refresh(row.refreshToken);
    storeSession(db, userId, pair, now);
    if (row.signedOutAt !== null) markSignedOut(db, userId, row.signedOutAt);
    return pair.accessToken;
  } catch (error) {
    if (error instanceof ServerReply && error.code === 'UNAUTHENTICATED') {
      dropSession(db, userId); // ended, expired, disabled or reused: only a new sign-in helps
      return undefined;
    }
    throw error;
  }
}
