import { v7 as uuidv7 } from 'uuid';
import type { RateLimitOptions } from '../context';
import type { Queryable } from '../database/open';

/*
 * Failed sign-ins per login and per client address, in the database so every server process counts
 * the same attempts. An attempt is written *before* its password is checked and counted with the
 * others: two parallel guesses both see each other, so a burst cannot slip past the limit while the
 * KDF runs. A refused attempt removes its own row (being refused does not extend the wait); a
 * successful one removes its row and the failures of that login from that address.
 */

export interface AttemptSlot {
  id: string;
  loginHash: string;
  ip: string;
}

export type AttemptStart = { ok: true; slot: AttemptSlot } | { ok: false; retryAfterMs: number };

export async function startAttempt(db: Queryable, input: { loginHash: string; ip: string; now: number; limits: RateLimitOptions }): Promise<AttemptStart> {
  const { loginHash, ip, now, limits } = input;
  const since = now - limits.windowMs;
  const slot = { id: uuidv7(), loginHash, ip };
  await db.query(`DELETE FROM sign_in_failures WHERE at <= $1`, [since]);
  await db.query(`INSERT INTO sign_in_failures (id, at, login_hash, ip) VALUES ($1, $2, $3, $4)`, [slot.id, now, loginHash, ip]);
  const { rows } = await db.query<{ byLogin: number; byIp: number }>(
    `SELECT (SELECT count(*) FROM sign_in_failures WHERE login_hash = $1 AND at > $3) AS "byLogin",
            (SELECT count(*) FROM sign_in_failures WHERE ip = $2 AND at > $3) AS "byIp"`,
    [loginHash, ip, since],
  );
  const counts = rows[0]!;
  if (counts.byLogin <= limits.perLogin && counts.byIp <= limits.perIp) return { ok: true, slot };
  await db.query(`DELETE FROM sign_in_failures WHERE id = $1`, [slot.id]);
  return { ok: false, retryAfterMs: await retryAfter(db, input) };
}

/** Until enough failures leave the window for one more attempt to fit under both limits. */
async function retryAfter(db: Queryable, input: { loginHash: string; ip: string; now: number; limits: RateLimitOptions }): Promise<number> {
  const { loginHash, ip, now, limits } = input;
  const since = now - limits.windowMs;
  const { rows } = await db.query<{ byLogin: number | null; byIp: number | null }>(
    `SELECT (SELECT at FROM sign_in_failures WHERE login_hash = $1 AND at > $3 ORDER BY at DESC OFFSET $4 LIMIT 1) AS "byLogin",
            (SELECT at FROM sign_in_failures WHERE ip = $2 AND at > $3 ORDER BY at DESC OFFSET $5 LIMIT 1) AS "byIp"`,
    [loginHash, ip, since, limits.perLogin - 1, limits.perIp - 1],
  );
  const oldest = Math.max(rows[0]?.byLogin ?? -Infinity, rows[0]?.byIp ?? -Infinity);
  return Math.max(1000, oldest + limits.windowMs - now);
}

export async function attemptSucceeded(db: Queryable, slot: AttemptSlot): Promise<void> {
  await db.query(`DELETE FROM sign_in_failures WHERE id = $1 OR (login_hash = $2 AND ip = $3)`, [slot.id, slot.loginHash, slot.ip]);
}
