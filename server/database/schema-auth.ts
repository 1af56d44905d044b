import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './schema-shared';

/*
 * Server-only tables: accounts, their sessions and what rate limiting and token signing need. None
 * of them syncs to a console; the shared `users` row (same id as the account) is what consoles see.
 * Rate limiting and the signing key live here, not in a process, so any number of server processes
 * on one database behave as one.
 */

export const teams = pgTable(
  'teams',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('teams_name').on(t.name)],
);

export const accounts = pgTable(
  'accounts',
  {
    /** The id of the shared `users` row this account signs in as. */
    id: text('id')
      .primaryKey()
      .references(() => users.id),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** The name as typed by the admin: what the team sees. */
    name: text('name').notNull(),
    /** The name folded (NFKC, trimmed, lower case) so sign-in does not depend on width or case. */
    loginKey: text('login_key').notNull(),
    /** E.164, or null when the account signs in by name only. */
    phone: text('phone'),
    role: text('role', { enum: ['agent', 'supervisor'] }).notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    passwordHash: text('password_hash').notNull(),
    disabledAt: bigint('disabled_at', { mode: 'number' }),
    /** Access tokens issued before this instant are refused (password reset, disable). */
    credentialsChangedAt: bigint('credentials_changed_at', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('accounts_login_key').on(t.loginKey),
    uniqueIndex('accounts_phone').on(t.phone),
    index('accounts_team').on(t.teamId, t.name),
    check('accounts_role', sql`${t.role} IN ('agent', 'supervisor')`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Every token rotated from one sign-in shares it, so reuse or sign-out ends the whole chain at once. */
    familyId: text('family_id').notNull(),
    /** sha256 of the token (hex): a leaked table cannot be replayed. */
    tokenHash: text('token_hash').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    /** Set when the token was rotated; a revoked token without it ended its chain (sign-out, reuse, reset). */
    replacedBy: text('replaced_by'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash').on(t.tokenHash),
    index('refresh_tokens_family').on(t.familyId),
    index('refresh_tokens_account').on(t.accountId),
  ],
);

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: text('id').primaryKey(),
    at: bigint('at', { mode: 'number' }).notNull(),
    /** sha256 of the folded login: a password typed into the login field is not kept in clear. */
    loginHash: text('login_hash').notNull(),
    ip: text('ip').notNull(),
  },
  (t) => [index('sign_in_failures_login').on(t.loginHash, t.at), index('sign_in_failures_ip').on(t.ip, t.at), index('sign_in_failures_at').on(t.at)],
);

export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});
