import { z } from 'zod';
import { ERROR_CODES } from '../contract/result';
import { newPasswordSchema } from './password';

/*
 * The central server's auth and admin requests and replies, shared with the console that signs in
 * to it. Every reply is `{ok:true,value}` or `{ok:false,error:{code,message,details?}}`.
 */

/** The console's codes plus the two only a server with accounts can answer. */
export const SERVER_ERROR_CODES = [...ERROR_CODES, 'UNAUTHENTICATED', 'RATE_LIMITED', 'UNAVAILABLE'] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export const ROLES = ['agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

const name = z.string().trim().min(1, 'A name is required.').max(64, 'A name has at most 64 characters.');
const login = z.string().trim().min(1, 'Type a name or a phone number.').max(128);
const token = z.string().min(1).max(512);

export const signInInput = z.object({ login, password: z.string().min(1, 'Type the password.').max(1024) }).strict();
export const refreshInput = z.object({ refreshToken: token }).strict();
export const signOutInput = z.object({ refreshToken: token }).strict();

export const createUserInput = z
  .object({
    name,
    phone: z.string().trim().min(1).max(32).nullish(),
    role: z.enum(ROLES),
    isAdmin: z.boolean().default(false),
    password: newPasswordSchema,
  })
  .strict();
export const resetPasswordInput = z.object({ password: newPasswordSchema }).strict();

export type SignInInput = z.infer<typeof signInInput>;
export type CreateUserInput = z.input<typeof createUserInput>;

export interface AccountView {
  id: string;
  name: string;
  /** E.164, or null. */
  phone: string | null;
  role: Role;
  teamId: string;
  isAdmin: boolean;
  disabledAt: number | null;
  createdAt: number;
}

export interface SignedInUser {
  id: string;
  name: string;
  role: Role;
  teamId: string;
  isAdmin: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops being accepted (epoch ms); refresh before then. */
  expiresAt: number;
  /** When the refresh token stops being accepted (epoch ms) unless it is used first. */
  refreshExpiresAt: number;
}

export interface SignInReply extends TokenPair {
  user: SignedInUser;
}

/** The claims of an access token. Times are epoch milliseconds, like every instant in this project. */
export interface AccessClaims {
  sub: string;
  team: string;
  role: Role;
  admin: boolean;
  /** Issued at: refused when earlier than the account's last credentials change. */
  iat: number;
  exp: number;
  /** The refresh-token chain (one sign-in) the token belongs to: signing out ends both. */
  sid: string;
}
