import { z } from 'zod';
import { fromBase64, toBase64 } from './base64';

/*
 * Password hashes shared by the console (local accounts, offline verifiers) and the server, in one
 * self-describing format: `scrypt$N$r$p$saltB64$hashB64`. The parameters travel with each hash, so
 * raising them later only needs `needsRehash` at the next successful sign-in, never a migration.
 *
 * core/ has no crypto, so the KDF and the random source are injected: both sides pass node's
 * crypto.scrypt / randomBytes, which makes one implementation of the format and its checks.
 */

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
  /** Derived key length in bytes. */
  keyLength: number;
  /**
   * Memory ceiling handed to the KDF. Node refuses to run when 128·N·r·p reaches its 32 MiB default,
   * and N = 2^15, r = 8 needs exactly that, so it is always set with room to spare.
   */
  maxmem: number;
}

/** (password NFC-normalised, salt, params) → derived key of params.keyLength bytes. */
export type Kdf = (password: string, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>;
export type RandomBytes = (length: number) => Uint8Array;

/*
 * 32 MiB per guess is what makes GPU and ASIC guessing expensive. OWASP's floor (2024) is N=2^17 r=8 p=1,
 * or N=2^15 r=8 p=3 for the same work; p=1 here keeps a sign-in near 100 ms on this 2-core machine class,
 * and the parameters can be raised later without a migration (see needsRehash).
 */
export const SCRYPT_DEFAULTS: Readonly<Omit<ScryptParams, 'maxmem'>> = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
export const SALT_BYTES = 16;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** What a new password must satisfy, wherever it is typed (console, server admin, CLI). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`);

// A stored hash comes from our own database, but a corrupted or hostile row must not make one sign-in
// allocate gigabytes or spin for minutes: parameters outside these bounds are refused as malformed.
const LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16, minKey: 16, maxKey: 64, minSalt: 8, maxSalt: 64 };

export function maxmemFor(params: Pick<ScryptParams, 'N' | 'r' | 'p'>): number {
  return 2 * 128 * params.N * params.r * params.p + 1024 * 1024;
}

export interface ParsedPasswordHash {
  params: ScryptParams;
  salt: Uint8Array;
  hash: Uint8Array;
}

export function formatPasswordHash(parsed: ParsedPasswordHash): string {
  const { N, r, p } = parsed.params;
  return `scrypt$${N}$${r}$${p}$${toBase64(parsed.salt)}$${toBase64(parsed.hash)}`;
}

const INT = /^[1-9]\d{0,9}$/;

/** The parts of a stored hash, or undefined when it is not one this code would have written. */
export function parsePasswordHash(stored: string): ParsedPasswordHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, r, p, saltText, hashText] = parts as [string, string, string, string, string, string];
  if (!INT.test(n) || !INT.test(r) || !INT.test(p)) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (params.N < 2 || params.N > LIMITS.maxN || (params.N & (params.N - 1)) !== 0) return undefined;
  if (params.r > LIMITS.maxR || params.p > LIMITS.maxP) return undefined;
  const salt = fromBase64(saltText);
  const hash = fromBase64(hashText);
  if (!salt || salt.length < LIMITS.minSalt || salt.length > LIMITS.maxSalt) return undefined;
  if (!hash || hash.length < LIMITS.minKey || hash.length > LIMITS.maxKey) return undefined;
  return { params: { ...params, keyLength: hash.length, maxmem: maxmemFor(params) }, salt, hash };
}

/** Compares every byte whatever the first difference, so the time taken does not say where it was. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Unicode has several byte spellings of one visible password (an IME may compose é either way). */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

export interface PasswordHasher {
  readonly params: ScryptParams;
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a stored value that is not a hash; never throws for either. */
  verify(password: string, stored: string): Promise<boolean>;
  /** True when the stored hash was made with other parameters than this hasher's (rehash after sign-in). */
  needsRehash(stored: string): boolean;
}

export interface PasswordHasherDeps {
  kdf: Kdf;
  randomBytes: RandomBytes;
  /** Defaults to SCRYPT_DEFAULTS; tests pass a small N to stay fast. */
  params?: Partial<Omit<ScryptParams, 'maxmem'>>;
}

export function createPasswordHasher(deps: PasswordHasherDeps): PasswordHasher {
  const base = { ...SCRYPT_DEFAULTS, ...deps.params };
  const params: ScryptParams = { ...base, maxmem: maxmemFor(base) };
  if (!parsePasswordHash(formatPasswordHash({ params, salt: new Uint8Array(SALT_BYTES), hash: new Uint8Array(params.keyLength) }))) {
    throw new Error(`Unsupported scrypt parameters N=${params.N} r=${params.r} p=${params.p} keyLength=${params.keyLength}.`);
  }
  return {
    params,
    async hash(password) {
      const salt = deps.randomBytes(SALT_BYTES);
      const hash = await deps.kdf(normalizePassword(password), salt, params);
      return formatPasswordHash({ params, salt, hash });
    },
    async verify(password, stored) {
      const parsed = parsePasswordHash(stored);
      if (!parsed) return false;
      const derived = await deps.kdf(normalizePassword(password), parsed.salt, parsed.params);
      return constantTimeEqual(derived, parsed.hash);
    },
    needsRehash(stored) {
      const parsed = parsePasswordHash(stored);
      if (!parsed) return true;
      const p = parsed.params;
      return p.N !== params.N || p.r !== params.r || p.p !== params.p || p.keyLength !== params.keyLength || parsed.salt.length < SALT_BYTES;
    },
  };
}
