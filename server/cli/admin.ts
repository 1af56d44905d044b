import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { compactAll } from '../sync/compact';
import type { AccountView, Role } from '../../core/auth/wire';
import { createAccount, createTeam, disableAccount, findAccountByLogin, findTeam, listAccounts, resetPassword } from '../auth/accounts';
import { SYSTEM_ACTOR } from '../auth/audit';
import { createNodePasswordHasher } from '../auth/crypto';
import type { ServerDb } from '../database/open';
import { CliError } from './errors';
import { readNewPassword } from './password';

/*
 * `npm run server -- admin <command>`: the same account functions the /admin routes use, acting as
 * 'system' in the audit log (whoever can open the database can do this anyway).
 */

export const ADMIN_USAGE = `Usage: npm run server -- admin <command> [--data-dir DIR]   (DATABASE_URL selects PostgreSQL)

  create-team NAME
  create-user --team TEAM --name NAME --role agent|supervisor [--phone PHONE] [--admin] [--password-stdin]
  reset-password --user NAME_OR_PHONE [--password-stdin]
  disable-user --user NAME_OR_PHONE
  list-users [--team TEAM]
  compact [--days N]          remove tombstones older than N days (default 30; the server also does it hourly)

The password comes from stdin with --password-stdin, else from SERVER_PASSWORD, else from a prompt.`;

type Print = (line: string) => void;

function options<T extends ParseArgsOptionsConfig>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true as const });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${ADMIN_USAGE}`, 2);
  }
}

function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`${flag} is required.\n\n${ADMIN_USAGE}`, 2);
  return value;
}

async function teamOf(db: ServerDb, name: string) {
  const team = await findTeam(db, name);
  if (!team) throw new CliError(`No team named ${name}. Create it first: npm run server -- admin create-team ${JSON.stringify(name)}`);
  return team;
}

async function accountOf(db: ServerDb, login: string) {
  const account = await findAccountByLogin(db, login);
  if (!account) throw new CliError(`No account with the name or phone ${login}. See: npm run server -- admin list-users`);
  return account;
}

function describe(a: AccountView, team?: string): string {
  const flags = [a.role, a.isAdmin ? 'admin' : null, a.disabledAt !== null ? 'DISABLED' : null].filter(Boolean).join(', ');
  return `${a.name}${a.phone ? ` (${a.phone})` : ''} — ${flags}${team ? ` — team ${team}` : ''} — id ${a.id}`;
}

export type AdminCommand =
  | { kind: 'help' }
  | { kind: 'create-team'; name: string }
  | { kind: 'create-user'; team: string; name: string; phone: string | null; role: Role; isAdmin: boolean; password: string }
  | { kind: 'reset-password'; user: string; password: string }
  | { kind: 'disable-user'; user: string }
  | { kind: 'list-users'; team?: string }
  | { kind: 'compact'; days: number };

/**
 * Reads the command and its password before any database is opened: a usage mistake answers at once,
 * and a prompt does not wait behind a slow start.
 */
export async function parseAdmin(args: string[]): Promise<AdminCommand> {
  const [command, ...rest] = args;
  switch (command) {
    case 'create-team': {
      const { positionals } = options(rest, {});
      if (positionals.length !== 1) throw new CliError(`create-team takes one name.\n\n${ADMIN_USAGE}`, 2);
      return { kind: 'create-team', name: positionals[0]! };
    }
    case 'create-user': {
      const { values } = options(rest, {
        team: { type: 'string' },
        name: { type: 'string' },
        phone: { type: 'string' },
        role: { type: 'string' },
        admin: { type: 'boolean' },
        'password-stdin': { type: 'boolean' },
      });
      const role = required(values.role, '--role');
      if (role !== 'agent' && role !== 'supervisor') throw new CliError(`--role is agent or supervisor, not ${role}.`, 2);
      const team = required(values.team, '--team');
      const name = required(values.name, '--name');
      const password = await readNewPassword({ stdin: values['password-stdin'] === true });
      return { kind: 'create-user', team, name, phone: values.phone ?? null, role, isAdmin: values.admin === true, password };
    }
    case 'reset-password': {
      const { values } = options(rest, { user: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
      const user = required(values.user, '--user');
      return { kind: 'reset-password', user, password: await readNewPassword({ stdin: values['password-stdin'] === true }) };
    }
    case 'disable-user': {
      const { values } = options(rest, { user: { type: 'string' } });
      return { kind: 'disable-user', user: required(values.user, '--user') };
    }
    case 'list-users': {
      const { values } = options(rest, { team: { type: 'string' } });
      return { kind: 'list-users', team: values.team };
    }
    case 'compact': {
      const { values } = options(rest, { days: { type: 'string' } });
      const days = values.days === undefined ? 30 : Number(values.days);
      if (!Number.isFinite(days) || days < 1) throw new CliError(`--days takes a number of days, at least 1.\n\n${ADMIN_USAGE}`, 2);
      return { kind: 'compact', days };
    }
    case undefined:
    case 'help':
    case '--help':
      return { kind: 'help' };
    default:
      throw new CliError(`Unknown admin command ${command}.\n\n${ADMIN_USAGE}`, 2);
  }
}

export async function runAdmin(db: ServerDb, command: AdminCommand, print: Print): Promise<void> {
  const now = Date.now();
  const hasher = createNodePasswordHasher();
  switch (command.kind) {
    case 'help':
      print(ADMIN_USAGE);
      return;
    case 'create-team': {
      const team = await createTeam(db, { name: command.name, now, actorId: SYSTEM_ACTOR });
      print(`Created team ${team.name} (id ${team.id}).`);
      return;
    }
    case 'create-user': {
      const team = await teamOf(db, command.team);
      const { kind: _kind, team: _team, ...input } = command;
      const account = await createAccount(db, hasher, { ...input, teamId: team.id, now, actorId: SYSTEM_ACTOR });
      print(`Created ${describe(account, team.name)}.`);
      return;
    }
    case 'reset-password': {
      const account = await accountOf(db, command.user);
      await resetPassword(db, hasher, { accountId: account.id, password: command.password, now, actorId: SYSTEM_ACTOR });
      print(`New password set for ${account.name}; every session they had is signed out.`);
      return;
    }
    case 'disable-user': {
      const account = await accountOf(db, command.user);
      if (account.disabledAt !== null) {
        print(`${account.name} was already disabled.`);
        return;
      }
      await disableAccount(db, { accountId: account.id, now, actorId: SYSTEM_ACTOR });
      print(`Disabled ${account.name}; every session they had is signed out.`);
      return;
    }
    case 'compact': {
      const runs = await compactAll(db, now, command.days * 24 * 3_600_000);
      const removed = runs.reduce((n, r) => n + r.removed, 0);
      print(`Compacted ${runs.length} team(s): ${removed} tombstone(s) older than ${command.days} days removed.`);
      for (const r of runs) print(`  team ${r.teamId}: compacted through version ${r.through}`);
      return;
    }
    case 'list-users': {
      const team = command.team ? await teamOf(db, command.team) : undefined;
      const accounts = await listAccounts(db, team?.id);
      if (accounts.length === 0) {
        print(team ? `Team ${team.name} has no accounts yet.` : 'No accounts yet. Start with: npm run server -- admin create-team NAME');
        return;
      }
      const { rows: teams } = await db.query<{ id: string; name: string }>(`SELECT id, name FROM teams`);
      const teamName = new Map(teams.map((t) => [t.id, t.name]));
      for (const a of accounts) print(describe(a, teamName.get(a.teamId)));
      return;
    }
  }
}
