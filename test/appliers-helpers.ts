import { AppError } from '../core/contract/result';
import type { CallbackRecord, CustomerRecord } from '../core/domain/records';
import { applyMutation, type Acting, type ApplierResult } from '../core/mutations/registry';
import { insertCallback } from '../core/store/callbacks';
import { insertCustomer } from '../core/store/customers';
import type { MutationArgs, MutationName } from '../core/sync/mutations';
import { openDatabase, type Db } from '../db/open';
import { inTransaction } from '../db/repos/stmt';
import { onSqlite } from '../db/store';
import { plainCustomer } from './customer-fixture';

/*
 * The shared appliers driven straight through `applyMutation` on an in-memory SQLite: what the console's
 * services call inside their transaction, and what the server runs with the signed-in user as the actor,
 * without the services' own checks in front. A test here is a few milliseconds, so the mutation run of
 * core/mutations (stryker.appliers.config.mjs) can afford to run them for every mutant. Only core and db
 * are imported (not the console's backend), which keeps each run's start short.
 */

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 2026-12-07 10:00 in Shanghai (02:00 UTC): inside the default calling window. */
export const T = Date.UTC(2026, 11, 7, 2, 0);

/** A fixed, readable id (UUIDv7-shaped, as the console makes them). */
export const uid = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const SUPERVISOR = uid(9001);
export const AGENT = uid(9002);
export const OTHER_SUPERVISOR = uid(9003);
export const OTHER_AGENT = uid(9004);

/** One mutation with its arguments, for tables of cases. */
export type Step = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];
export const step = <N extends MutationName>(name: N, args: MutationArgs<N>): Step => ({ name, args }) as Step;

export interface Store {
  db: Db;
  /** Applies one mutation in its own transaction, as the console does (a throw rolls it back). */
  apply<N extends MutationName>(name: N, args: MutationArgs<N>, acting?: Acting): ApplierResult<N>;
  /** The AppError code the mutation is refused with, or 'applied'. */
  code<N extends MutationName>(name: N, args: MutationArgs<N>, acting?: Acting): string;
  /** The AppError the mutation is refused with (fails the test when it applies). */
  refusal<N extends MutationName>(name: N, args: MutationArgs<N>, acting?: Acting): AppError;
  rows<R = Record<string, unknown>>(sql: string, ...params: unknown[]): R[];
  row<R = Record<string, unknown>>(sql: string, ...params: unknown[]): R | undefined;
  count(table: string, where?: string, ...params: unknown[]): number;
}

export function openStore(): Store {
  const db = openDatabase(':memory:');
  const s: Store = {
    db,
    apply: (name, args, acting = 'local') => inTransaction(db, () => onSqlite(db, applyMutation(name, args, acting))),
    code(name, args, acting) {
      try {
        s.apply(name, args, acting);
      } catch (error) {
        if (error instanceof AppError) return error.code;
        throw error;
      }
      return 'applied';
    },
    refusal(name, args, acting) {
      try {
        s.apply(name, args, acting);
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
      throw new Error(`${name} was applied; a refusal was expected`);
    },
    rows: (sql, ...params) => db.$client.prepare(sql).all(...params) as never,
    row: (sql, ...params) => db.$client.prepare(sql).get(...params) as never,
    count: (table, where = '1=1', ...params) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n,
  };
  return s;
}

/** The team most tests need: the first supervisor, an agent, a second supervisor and a second agent. */
export function withTeam(s: Store): Store {
  s.apply('users.create', { id: SUPERVISOR, name: '周敏', role: 'supervisor', createdAt: T - DAY, by: null });
  s.apply('users.create', { id: AGENT, name: '王芳', role: 'agent', createdAt: T - DAY, by: SUPERVISOR });
  s.apply('users.create', { id: OTHER_SUPERVISOR, name: '孙丽', role: 'supervisor', createdAt: T - DAY, by: SUPERVISOR });
  s.apply('users.create', { id: OTHER_AGENT, name: '李静', role: 'agent', createdAt: T - DAY, by: SUPERVISOR });
  return s;
}

let phones = 0;

/** Inserts a customer through the store seam (arranging state; no mutation). */
export function seedCustomer(s: Store, over: Partial<CustomerRecord> = {}): CustomerRecord {
  phones++;
  const c: CustomerRecord = {
    ...plainCustomer({ id: uid(100_000 + phones), name: `客户${phones}`, phone: `+86139${String(phones).padStart(8, '0')}`, createdAt: T - 30 * DAY }),
    ...over,
  };
  inTransaction(s.db, () => onSqlite(s.db, insertCustomer(c)));
  return c;
}

let callbacks = 0;

/** Inserts an open callback, due now, through the store seam. */
export function seedCallback(s: Store, customerId: string, over: Partial<CallbackRecord> = {}): CallbackRecord {
  callbacks++;
  const c: CallbackRecord = {
    id: uid(200_000 + callbacks),
    customerId,
    reason: 'satisfaction',
    priority: 3,
    dueAt: T - HOUR,
    state: 'open',
    outcome: null,
    attempts: 0,
    failedAttempts: 0,
    leaseAgentId: null,
    leaseExpiresAt: null,
    notes: '',
    source: 'manual',
    importBatchId: null,
    createdAt: T - DAY,
    closedAt: null,
    ...over,
  };
  inTransaction(s.db, () => onSqlite(s.db, insertCallback(c)));
  return c;
}

/** JSON columns as stored (text), parsed. */
export const parsed = (text: unknown): unknown => JSON.parse(text as string);
