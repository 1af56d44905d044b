import { describe, expect, it } from 'vitest';
import { formatPasswordHash, maxmemFor, SCRYPT_DEFAULTS } from '../../core/auth/password';
import type { AccessClaims } from '../../core/auth/wire';
import { createNodePasswordHasher, newOpaqueToken, sha256Hex } from './crypto';
import { signAccessToken, verifyAccessToken } from './tokens';

describe('node scrypt behind the shared format', () => {
  it('matches the RFC 7914 test vector through parsePasswordHash', async () => {
    const params = { N: 16384, r: 8, p: 1 };
    const stored = formatPasswordHash({
      params: { ...params, keyLength: 64, maxmem: maxmemFor(params) },
      salt: new TextEncoder().encode('SodiumChloride'),
      hash: Buffer.from(
        '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
        'hex',
      ),
    });
    const hasher = createNodePasswordHasher();
    expect(await hasher.verify('pleaseletmein', stored)).toBe(true);
    expect(await hasher.verify('pleaseletmeout', stored)).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(true);
  });

  it('hashes with the production parameters (N=2^15, within node’s memory limit)', async () => {
    const hasher = createNodePasswordHasher();
    const stored = await hasher.hash('周敏-demo-2026');
    expect(stored.startsWith(`scrypt$${SCRYPT_DEFAULTS.N}$8$1$`)).toBe(true);
    expect(await hasher.verify('周敏-demo-2026', stored)).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(false);
  });
});

describe('access tokens', () => {
  const key = Buffer.alloc(32, 7);
  const claims: AccessClaims = { sub: 'u-1', team: 't-1', role: 'agent', admin: false, iat: 1000, exp: 2000, sid: 's-1' };

  it('verify what they sign until exp, and refuse another key, an edited part or bad claims', () => {
    const token = signAccessToken(claims, key);
    expect(verifyAccessToken(token, key, 1999)).toEqual({ ok: true, claims });
    expect(verifyAccessToken(token, key, 2000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAccessToken(token, Buffer.alloc(32, 8), 1500)).toEqual({ ok: false, reason: 'signature' });
    const [h, p, sig] = token.split('.') as [string, string, string];
    const edited = Buffer.from(JSON.stringify({ ...claims, admin: true })).toString('base64url');
    expect(verifyAccessToken(`${h}.${edited}.${sig}`, key, 1500)).toEqual({ ok: false, reason: 'signature' });
    const hs512 = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'CCAT' })).toString('base64url');
    expect(verifyAccessToken(`${hs512}.${p}.${sig}`, key, 1500)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAccessToken(`${h}.${p}.${sig}.x`, key, 1500)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAccessToken(`${h}.${p}.`, key, 1500)).toEqual({ ok: false, reason: 'malformed' });
    const noRole = signAccessToken({ ...claims, role: 'boss' } as unknown as AccessClaims, key);
    expect(verifyAccessToken(noRole, key, 1500)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refresh tokens are 32 random bytes, stored as their sha256', () => {
    const a = newOpaqueToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(newOpaqueToken());
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
