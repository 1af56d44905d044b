import { randomBytes } from 'node:crypto';
import type { Queryable } from '../database/open';

/**
 * The access-token signing key: made by whichever process asks first and kept in the database, so
 * every process on that database signs and verifies with the same key and none holds state of its
 * own. Two processes starting at once both try to insert; the loser reads the winner's key.
 */
export async function loadSigningKey(db: Queryable, now: number): Promise<Buffer> {
  await db.query(
    `INSERT INTO server_secrets (name, value, created_at) VALUES ('access_token_key', $1, $2) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('base64'), now],
  );
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = 'access_token_key'`);
  return Buffer.from(rows[0]!.value, 'base64');
}
