import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { loginKey } from './login';
import {
  constantTimeEqual,
  createPasswordHasher,
  formatPasswordHash,
  maxmemFor,
  parsePasswordHash,
  SCRYPT_DEFAULTS,
  type Kdf,
  type ScryptParams,
} from './password';

/** A stand-in KDF (not a real one: core/ has no crypto) that mixes every input into every output byte. */
function fakeKdf(calls: { password: string; params: ScryptParams }[] = []): Kdf {
  return async (password, salt, params) => {
    calls.push({ password, params });
    const input = [...password].map((c) => c.codePointAt(0)!).concat([...salt], [params.N, params.r, params.p]);
    const out = new Uint8Array(params.keyLength);
    let h = 2166136261;
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < out.length; i++) {
        for (const x of input) h = Math.imul(h ^ x ^ i, 16777619) >>> 0;
        out[i] = h & 255;
      }
    return out;
  };
}

let counter = 0;
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => (counter = (counter * 31 + 7) % 251));

describe('base64', () => {
  it('round-trips every length and refuses non-canonical text', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = toBase64(bytes);
      expect(text.length % 4).toBe(0);
      expect(fromBase64(text)).toEqual(bytes);
    }
    expect(toBase64(new Uint8Array([102, 111, 111, 98, 97]))).toBe('Zm9vYmE=');
    expect(fromBase64('Zm9vYmE')).toBeUndefined();
    expect(fromBase64('Zm9vYmF=')).toBeUndefined(); // non-zero bits under the padding
    expect(fromBase64('Zm=vYmE=')).toBeUndefined();
    expect(fromBase64('Zm9v*mE=')).toBeUndefined();
  });
});

describe('password hashes', () => {
  it('writes scrypt$N$r$p$salt$hash with the default parameters and verifies only the right password', async () => {
    const calls: { password: string; params: ScryptParams }[] = [];
    const hasher = createPasswordHasher({ kdf: fakeKdf(calls), randomBytes });
    const stored = await hasher.hash('correct horse');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(calls[0]!.params).toEqual({ ...SCRYPT_DEFAULTS, maxmem: maxmemFor(SCRYPT_DEFAULTS) });
    // node's scrypt refuses to run when 128·N·r·p reaches maxmem
    expect(calls[0]!.params.maxmem).toBeGreaterThan(128 * 2 ** 15 * 8);
    expect(await hasher.verify('correct horse', stored)).toBe(true);
    expect(await hasher.verify('correct hors', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const hasher = createPasswordHasher({ kdf: fakeKdf(), randomBytes });
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('verifies with the parameters stored in the hash, and asks for a rehash when they differ', async () => {
    const cheap = createPasswordHasher({ kdf: fakeKdf(), randomBytes, params: { N: 2 ** 10 } });
    const current = createPasswordHasher({ kdf: fakeKdf(), randomBytes });
    const old = await cheap.hash('密码是一二三四五六');
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await current.verify('密码是一二三四五六', old)).toBe(true);
    expect(current.needsRehash(old)).toBe(true);
    expect(cheap.needsRehash(old)).toBe(false);
    expect(current.needsRehash('not a hash')).toBe(true);
  });

  it('treats the composed and decomposed spellings of one password alike', async () => {
    const hasher = createPasswordHasher({ kdf: fakeKdf(), randomBytes });
    const stored = await hasher.hash('caf\u00e9-2026');
    expect(await hasher.verify('cafe\u0301-2026', stored)).toBe(true);
  });

  it('refuses malformed or out-of-bounds stored values instead of running the KDF on them', async () => {
    const calls: { password: string; params: ScryptParams }[] = [];
    const hasher = createPasswordHasher({ kdf: fakeKdf(calls), randomBytes });
    const good = await hasher.hash('x');
    calls.length = 0;
    const [, , r, p, salt, hash] = good.split('$');
    const bad = [
      '',
      'bcrypt$2b$10$abc',
      `scrypt$32768$${r}$${p}$${salt}`,
      `scrypt$30000$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 21}$${r}$${p}$${salt}$${hash}`, // N too large: gigabytes per verify
      `scrypt$32768$64$${p}$${salt}$${hash}`,
      `scrypt$32768$${r}$0$${salt}$${hash}`,
      `scrypt$032768$${r}$${p}$${salt}$${hash}`,
      `scrypt$32768$${r}$${p}$${salt}$AAAA`, // key too short
      `scrypt$32768$${r}$${p}$!!$${hash}`,
    ];
    for (const stored of bad) {
      expect(parsePasswordHash(stored), stored).toBeUndefined();
      expect(await hasher.verify('x', stored)).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(() => createPasswordHasher({ kdf: fakeKdf(), randomBytes, params: { N: 1000 } })).toThrow(/Unsupported/);
  });

  it('parses what it formats', () => {
    const parsed = { params: { N: 16384, r: 8, p: 2, keyLength: 32, maxmem: maxmemFor({ N: 16384, r: 8, p: 2 }) }, salt: new Uint8Array(16).fill(1), hash: new Uint8Array(32).fill(2) };
    expect(parsePasswordHash(formatPasswordHash(parsed))).toEqual(parsed);
  });

  it('compares in constant time over equal lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});

describe('login keys', () => {
  it('fold width, case and spaces', () => {
    expect(loginKey('  Wang   Fang ')).toBe('wang fang');
    expect(loginKey('ｗａｎｇ\u3000fang')).toBe('wang fang');
    expect(loginKey('王芳')).toBe('王芳');
  });
});
