import { v7 as uuidv7 } from 'uuid';
import { loginKey } from '../../core/auth/login';
import { newPasswordSchema, type PasswordHasher } from '../../core/auth/password';
import type { AccountView, Role } from '../../core/auth/wire';
import { normalizePhone } from '../../core/rules/phone';
import type { Queryable, ServerDb } from '../database/open';
import { ServerError } from '../http/errors';
import { writeAudit } from './audit';
import { insertUser } from '../../core/store/users';
import { onPg } from '../store/pg';

/*
 * Teams and accounts: the one implementation behind both the admin HTTP routes and the admin command
 * line. Every change writes its audit entry in the same transaction as the change.
 */

export interface Team {
  id: string;
  name: string;
  createdAt: number;
}

export interface AccountRow extends AccountView {
  passwordHash: string;
  credentialsChangedAt: number;
}

const ACCOUNT_COLUMNS = `id, team_id AS "teamId", name, phone, role, is_admin AS "isAdmin", disabled_at AS "disabledAt",
  created_at AS "createdAt", password_hash AS "passwordHash", credentials_changed_at AS "credentialsChangedAt"`;

export function viewOf(row: AccountRow): AccountView {
  const { passwordHash: _hash, credentialsChangedAt: _changed, ...view } = row;
  return view;
}

function isUniqueViolation(error: unknown): error is { constraint?: string; message: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

function checkName(raw: string, what: string): string {
  const name = raw.trim();
  if (name === '' || name.length > 64) throw new ServerError('BAD_INPUT', `A ${what} name has 1 to 64 characters.`);
  return name;
}

export async function createTeam(db: ServerDb, input: { name: string; now: number; actorId: string }): Promise<Team> {
  const team = { id: uuidv7(), name: checkName(input.name, 'team'), createdAt: input.now };
  try {
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)`, [team.id, team.name, team.createdAt]);
      await writeAudit(tx, { at: input.now, actorId: input.actorId, action: 'team.created', subjectType: 'team', subjectId: team.id, details: { name: team.name } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServerError('CONFLICT', `A team named ${team.name} already exists.`);
    throw error;
  }
  return team;
}

/** By id or by exact name: the command line names teams the way people do. */
export async function findTeam(q: Queryable, idOrName: string): Promise<Team | undefined> {
  const { rows } = await q.query<Team>(`SELECT id, name, created_at AS "createdAt" FROM teams WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1`, [
    idOrName.trim(),
  ]);
  return rows[0];
}

/**
 * `lock` takes the account row for the rest of the transaction. Everything that changes credentials or
 * issues tokens locks it first, so a sign-in or refresh racing a password reset or a disable either
 * finishes before it (and its tokens are revoked by it) or sees its result; never a session that
 * outlives the reset.
 */
export async function findAccount(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<AccountRow | undefined> {
  const { rows } = await q.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

/** A login is a name (folded) or a phone number in any format the console accepts. */
export async function findAccountByLogin(q: Queryable, login: string): Promise<AccountRow | undefined> {
  const phone = normalizePhone(login);
  const { rows } = await q.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE login_key = $1 OR phone = $2 ORDER BY (login_key = $1) DESC LIMIT 1`,
    [loginKey(login), phone.ok ? phone.e164 : null],
  );
  return rows[0];
}

export async function listAccounts(q: Queryable, teamId?: string): Promise<AccountView[]> {
  const { rows } = await q.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE ($1::text IS NULL OR team_id = $1) ORDER BY team_id, disabled_at IS NOT NULL, name, id`,
    [teamId ?? null],
  );
  return rows.map(viewOf);
}

export interface NewAccount {
  teamId: string;
  name: string;
  phone?: string | null;
  role: Role;
  isAdmin?: boolean;
  password: string;
  now: number;
  actorId: string;
}

/** The account and the shared `users` row the consoles see, with one id, in one transaction. */
export async function createAccount(db: ServerDb, hasher: PasswordHasher, input: NewAccount): Promise<AccountView> {
  const name = checkName(input.name, 'user');
  // A name that reads as a phone number would make "sign in with name or phone" ambiguous.
  if (normalizePhone(name).ok) throw new ServerError('BAD_INPUT', 'A name cannot be a phone number; give the phone separately.');
  let phone: string | null = null;
  if (input.phone != null && input.phone.trim() !== '') {
    const parsed = normalizePhone(input.phone);
    if (!parsed.ok) throw new ServerError('BAD_INPUT', `${input.phone} is not a phone number.`);
    phone = parsed.e164;
  }
  checkPassword(input.password);
  const passwordHash = await hasher.hash(input.password);
  const account: AccountRow = {
    id: uuidv7(),
    teamId: input.teamId,
    name,
    phone,
    role: input.role,
    isAdmin: input.isAdmin ?? false,
    disabledAt: null,
    createdAt: input.now,
    passwordHash,
    credentialsChangedAt: input.now,
  };
  try {
    await db.transaction(async (tx) => {
      if (!(await findTeam(tx, account.teamId))) throw new ServerError('NOT_FOUND', `No team ${account.teamId}.`);
      // The new colleague's users row reaches the team's consoles through sync.
      await tx.query('SELECT sync_begin($1)', [account.teamId]);
      // The shared row, written by the same store function the users.create applier uses.
      await onPg(tx, insertUser({ id: account.id, name, role: account.role, createdAt: account.createdAt }));
      await tx.query(
        `INSERT INTO accounts (id, team_id, name, login_key, phone, role, is_admin, password_hash, credentials_changed_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [account.id, account.teamId, name, loginKey(name), phone, account.role, account.isAdmin, passwordHash, account.credentialsChangedAt, account.createdAt],
      );
      await writeAudit(tx, {
        at: input.now,
        actorId: input.actorId,
        action: 'account.created',
        subjectType: 'account',
        subjectId: account.id,
        details: { name, teamId: account.teamId, role: account.role, isAdmin: account.isAdmin, phone: phone !== null },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      if (error.constraint === 'accounts_phone' || /accounts_phone/.test(error.message)) {
        throw new ServerError('CONFLICT', 'Another account already has this phone number.');
      }
      throw new ServerError('CONFLICT', `An account named ${name} already exists; add something that tells them apart (王芳2, 王芳·二组).`);
    }
    throw error;
  }
  return viewOf(account);
}

function checkPassword(password: string): void {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) throw new ServerError('BAD_INPUT', parsed.error.issues[0]!.message);
}

/** Ends every session of the account: its refresh chains now, its access tokens via credentials_changed_at. */
async function revokeSessions(tx: Queryable, accountId: string, now: number): Promise<void> {
  await tx.query(`UPDATE accounts SET credentials_changed_at = $2 WHERE id = $1`, [accountId, now]);
  await tx.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, now]);
}

export async function resetPassword(
  db: ServerDb,
  hasher: PasswordHasher,
  input: { accountId: string; password: string; now: number; actorId: string },
): Promise<AccountView> {
  checkPassword(input.password);
  const passwordHash = await hasher.hash(input.password);
  return db.transaction(async (tx) => {
    const account = await findAccount(tx, input.accountId, { lock: true });
    if (!account) throw new ServerError('NOT_FOUND', 'No such account.');
    await tx.query(`UPDATE accounts SET password_hash = $2 WHERE id = $1`, [account.id, passwordHash]);
    await revokeSessions(tx, account.id, input.now);
    await writeAudit(tx, { at: input.now, actorId: input.actorId, action: 'account.password_reset', subjectType: 'account', subjectId: account.id });
    return viewOf(account);
  });
}

/** Idempotent: disabling a disabled account changes nothing and writes no second audit entry. */
export async function disableAccount(db: ServerDb, input: { accountId: string; now: number; actorId: string }): Promise<AccountView> {
  return db.transaction(async (tx) => {
    const account = await findAccount(tx, input.accountId, { lock: true });
    if (!account) throw new ServerError('NOT_FOUND', 'No such account.');
    if (account.disabledAt !== null) return viewOf(account);
    await tx.query(`UPDATE accounts SET disabled_at = $2 WHERE id = $1`, [account.id, input.now]);
    await revokeSessions(tx, account.id, input.now);
    await writeAudit(tx, { at: input.now, actorId: input.actorId, action: 'account.disabled', subjectType: 'account', subjectId: account.id });
    return { ...viewOf(account), disabledAt: input.now };
  });
}
