import type { PasswordHasher } from '../core/auth/password';
import type { AccountView, Role } from '../core/auth/wire';
import { createAccount, createTeam } from './auth/accounts';
import { SYSTEM_ACTOR } from './auth/audit';
import { createNodePasswordHasher } from './auth/crypto';
import type { ServerDb } from './database/open';
import { DEMO_DEFAULTS } from '../core/demo/generate';
import { applyOnServer } from './store/apply';
import { v7 as uuidv7 } from 'uuid';
import { BUILTIN_SCRIPTS, builtinKey } from '../core/questionnaire/builtin';

/*
 * `npm run server -- --demo`: a team a newcomer can sign in to at once. The passwords are fixed and
 * printed at start, which is only acceptable because this runs on an empty database by request.
 * Returns the ids so the shared demo data (customers, callbacks, tickets) can be seeded for them.
 */

export const DEMO_TEAM = '演示团队';

export const DEMO_ACCOUNTS: readonly { name: string; role: Role; isAdmin: boolean; phone: string; password: string }[] = [
  { name: '周敏', role: 'supervisor', isAdmin: true, phone: '13800000001', password: 'zhoumin-demo' },
  { name: '陈伟', role: 'supervisor', isAdmin: false, phone: '13800000002', password: 'chenwei-demo' },
  { name: '王芳', role: 'agent', isAdmin: false, phone: '13800000003', password: 'wangfang-demo' },
  { name: '李娜', role: 'agent', isAdmin: false, phone: '13800000004', password: 'lina-demo' },
  { name: '李静', role: 'agent', isAdmin: false, phone: '13800000005', password: 'lijing-demo' },
];

export interface DemoSeed {
  teamId: string;
  /** Every demo account with its printed password, in DEMO_ACCOUNTS order. */
  accounts: (AccountView & { password: string })[];
  /** 周敏: the admin supervisor (approves vouchers in the demo data). */
  supervisorId: string;
  agentIds: string[];
}

/** Seeds the demo team when the database has no account yet; null (and nothing written) otherwise. */
export async function seedDemo(db: ServerDb, options: { now: number; hasher?: PasswordHasher }): Promise<DemoSeed | null> {
  const { rows } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM accounts) AS any`);
  if (rows[0]!.any) return null;
  const hasher = options.hasher ?? createNodePasswordHasher();
  const team = await createTeam(db, { name: DEMO_TEAM, now: options.now, actorId: SYSTEM_ACTOR });
  const accounts: DemoSeed['accounts'] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const account = await createAccount(db, hasher, { ...demo, teamId: team.id, now: options.now, actorId: SYSTEM_ACTOR });
    accounts.push({ ...account, password: demo.password });
  }
  return {
    teamId: team.id,
    accounts,
    supervisorId: accounts.find((a) => a.isAdmin)!.id,
    agentIds: accounts.filter((a) => a.role === 'agent').map((a) => a.id),
  };
}

/**
 * The same shared demo data a console's first run loads (customers across Chinese cities and a few
 * abroad, callbacks, past attempts, DNC entries, tickets and vouchers), applied through the shared
 * appliers as the system: the rows are exactly what a console's demo would hold.
 */
export async function seedDemoData(
  db: ServerDb,
  seed: DemoSeed,
  now: number,
  customers: number = DEMO_DEFAULTS.customers,
): Promise<{ customers: number; callbacks: number; tickets: number; vouchers: number }> {
  const loaded = await applyOnServer(db, 'demo.load', { seed: DEMO_DEFAULTS.seed, now, customers, agentIds: seed.agentIds }, 'local', { teamId: seed.teamId });
  const cases = await applyOnServer(db, 'demo.loadCases', { seed: DEMO_DEFAULTS.seed, now, agentIds: seed.agentIds, supervisorId: seed.supervisorId }, 'local', { teamId: seed.teamId });
  return { ...loaded, ...cases };
}

/**
 * The built-in questionnaires (both languages) for the demo team, mapped in Chinese, as a console's first
 * run installs them: connected consoles take the team's scripts from the server instead of their own.
 */
export async function seedDemoScripts(db: ServerDb, seed: DemoSeed, now: number): Promise<number> {
  const mapping: Record<string, string> = {};
  for (const content of BUILTIN_SCRIPTS) {
    const scriptId = uuidv7();
    await applyOnServer(
      db,
      'scripts.create',
      { scriptId, versionId: uuidv7(), content, builtinKey: builtinKey(content.purpose, content.locale), published: true, at: now, by: null },
      'local',
      { teamId: seed.teamId },
    );
    if (content.locale === 'zh-CN') mapping[content.purpose] = scriptId;
  }
  await applyOnServer(db, 'scripts.setMapping', { mapping, at: now, by: null }, 'local', { teamId: seed.teamId });
  return BUILTIN_SCRIPTS.length;
}
