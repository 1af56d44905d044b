import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccessClaims } from '../../core/auth/wire';

/*
 * Access tokens: `header.payload.signature`, each part base64url, signed with HMAC-SHA256 under the
 * key every server process reads from `server_secrets`, so any process verifies what another issued.
 * The header is fixed and compared byte for byte: there is no algorithm negotiation to downgrade
 * ("alg": "none" or a public key used as an HMAC secret are simply different headers).
 * Times in the claims are epoch milliseconds, like every instant in this project.
 */

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'CCAT' })).toString('base64url');

export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;

function sign(input: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(input).digest();
}

export function signAccessToken(claims: AccessClaims, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const input = `${HEADER}.${payload}`;
  return `${input}.${sign(input, key).toString('base64url')}`;
}

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const B64URL = /^[A-Za-z0-9_-]+$/;

export function verifyAccessToken(token: string, key: Buffer, now: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER || !parts.every((p) => B64URL.test(p))) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(`${header}.${payload}`, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (now >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function isClaims(v: unknown): v is AccessClaims {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.sub === 'string' &&
    typeof c.team === 'string' &&
    (c.role === 'agent' || c.role === 'supervisor') &&
    typeof c.admin === 'boolean' &&
    Number.isSafeInteger(c.iat) &&
    Number.isSafeInteger(c.exp) &&
    typeof c.sid === 'string'
  );
}
