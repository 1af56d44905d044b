import { createHash, randomBytes, scrypt } from 'node:crypto';
import { createPasswordHasher, type Kdf, type PasswordHasher, type ScryptParams } from '../../core/auth/password';

/** node's scrypt behind core's KDF seam: the console passes the same function, so hashes move between them. */
export const nodeScrypt: Kdf = (password, salt, params) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: params.maxmem }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    );
  });

export function createNodePasswordHasher(params?: Partial<Omit<ScryptParams, 'maxmem'>>): PasswordHasher {
  return createPasswordHasher({ kdf: nodeScrypt, randomBytes: (n) => new Uint8Array(randomBytes(n)), params });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: the refresh token handed to the client (only its sha256 is stored). */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}
