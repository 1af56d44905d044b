import type { Db } from '../open';
import { stmt } from './stmt';

/** A local account's sign-in credential on this console (device-local, never synced). */
export interface LocalCredential {
  userId: string;
  passwordHash: string;
  updatedAt: number;
  disabledAt: number | null;
}

export function getCredential(db: Db, userId: string): LocalCredential | undefined {
  return stmt(
    db,
    'SELECT user_id AS userId, password_hash AS passwordHash, updated_at AS updatedAt, disabled_at AS disabledAt FROM local_credentials WHERE user_id = ?',
  ).get(userId) as LocalCredential | undefined;
}

export function putCredential(db: Db, userId: string, passwordHash: string, now: number): void {
  stmt(
    db,
    `INSERT INTO local_credentials (user_id, password_hash, updated_at, disabled_at) VALUES (?, ?, ?, NULL)
     ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
  ).run(userId, passwordHash, now);
}

export function setCredentialDisabled(db: Db, userId: string, disabledAt: number | null): void {
  stmt(db, 'UPDATE local_credentials SET disabled_at = ? WHERE user_id = ?').run(disabledAt, userId);
}

export function countCredentials(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM local_credentials').get() as { n: number }).n;
}
