import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * The queue side of the console's store: people, callbacks and their attempts, audit, settings, and the
 * device-local tables (outbox, local meta and credentials, call drafts). See db/schema.ts.
 */

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['agent', 'supervisor'] }).notNull(),
  createdAt: integer('created_at').notNull(),
});

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    phoneStatus: text('phone_status', { enum: ['ok', 'bad'] }).notNull().default('ok'),
    timezone: text('timezone').notNull(),
    gender: text('gender', { enum: ['male', 'female', 'unknown'] }).notNull().default('unknown'),
    city: text('city'),
    segment: text('segment'),
    registeredAt: integer('registered_at'),
    lastActiveAt: integer('last_active_at'),
    txnCount30d: integer('txn_count_30d'),
    balanceBand: text('balance_band'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    consentService: text('consent_service', { enum: ['granted', 'refused', 'unknown'] }).notNull().default('unknown'),
    consentSurvey: text('consent_survey', { enum: ['granted', 'refused', 'unknown'] }).notNull().default('unknown'),
    consentMarketing: text('consent_marketing', { enum: ['granted', 'refused', 'unknown'] }).notNull().default('unknown'),
    dncUntil: integer('dnc_until'),
    capUntil: integer('cap_until'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('customers_phone').on(t.phone),
    index('customers_timezone').on(t.timezone),
    index('customers_name').on(t.name),
    // The queue sorted by name walks customers in this order (db/repos/queue-list.ts).
    index('customers_name_nocase').on(sql`${t.name} COLLATE NOCASE`),
  ],
);

export const callbacks = sqliteTable(
  'callbacks',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    reason: text('reason', { enum: ['complaint_followup', 'satisfaction', 'winback', 'onboarding', 'care'] }).notNull(),
    priority: integer('priority').notNull(),
    dueAt: integer('due_at'),
    state: text('state', { enum: ['open', 'closed'] }).notNull(),
    outcome: text('outcome'),
    attempts: integer('attempts').notNull().default(0),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    leaseAgentId: text('lease_agent_id'),
    leaseExpiresAt: integer('lease_expires_at'),
    notes: text('notes').notNull().default(''),
    source: text('source', { enum: ['demo', 'import', 'manual'] }).notNull(),
    importBatchId: text('import_batch_id'),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
    /**
     * The customer's zone, copied on insert (customers' zones never change), so "next" can seek each
     * open zone's range at night instead of stepping past every closed zone's rows. Backfilled by the
     * migration; every insert sets it.
     */
    timezone: text('timezone'),
    /** The complaint ticket a follow-up callback was scheduled for (set when resolving a ticket). */
    ticketId: text('ticket_id'),
  },
  (t) => [
    // "Next" seeks each priority's overdue range, then its as-soon-as-callable rows, in exactly the order
    // of core/rules/queue-order.ts; two partial indexes make each of those a range seek.
    index('callbacks_queue_due')
      .on(t.priority, t.dueAt, t.createdAt, t.id)
      .where(sql`state = 'open' AND due_at IS NOT NULL`),
    index('callbacks_queue_asap').on(t.priority, t.createdAt, t.id).where(sql`state = 'open' AND due_at IS NULL`),
    // The same ranges per zone: when the head of a range is all closed zones (a night shift), "next"
    // seeks each open zone's range instead (db/repos/callbacks.ts pickNextCandidate).
    index('callbacks_queue_zone_due')
      .on(t.priority, t.timezone, t.dueAt, t.createdAt, t.id)
      .where(sql`state = 'open' AND due_at IS NOT NULL`),
    index('callbacks_queue_zone_asap')
      .on(t.priority, t.timezone, t.createdAt, t.id)
      .where(sql`state = 'open' AND due_at IS NULL`),
    index('callbacks_customer').on(t.customerId, t.state, t.reason),
    // activeLeaseOf: the callback an agent holds. Few rows are leased, so the index stays tiny.
    index('callbacks_lease').on(t.leaseAgentId, t.leaseExpiresAt).where(sql`lease_agent_id IS NOT NULL`),
    // "Closed today" on the summary bar, and later the outcome reports, range over closing time.
    index('callbacks_closed_at').on(t.closedAt).where(sql`state = 'closed'`),
    // Backlog over time (reports): how many were created up to each day.
    index('callbacks_created_at').on(t.createdAt),
    // Keyset paging of the queue list (db/repos/queue-list.ts): each range of a sort is a walk of one of
    // these from the cursor's key. State and reason (and for the queue order the due time) ride along at
    // the end, so the status and reason filters, and "overdue or not", are checked in the index: rows
    // the filter drops are stepped past without reading them.
    index('callbacks_list_queue_due').on(t.priority, t.dueAt, t.createdAt, t.id, t.state, t.reason),
    index('callbacks_list_priority_due').on(t.priority, t.dueAt, t.id, t.state, t.reason),
    index('callbacks_list_priority_created').on(t.priority, t.createdAt, t.id, t.dueAt, t.state, t.reason),
    index('callbacks_list_due').on(t.dueAt, t.id, t.state, t.reason),
    index('callbacks_list_attempts').on(t.attempts, t.id, t.state, t.reason),
    index('callbacks_list_created').on(t.createdAt, t.id, t.state, t.reason),
    index('callbacks_ticket').on(t.ticketId).where(sql`ticket_id IS NOT NULL`),
  ],
);

/**
 * How many callbacks there are per state, reason and priority: the queue list's total for its usual
 * filters without counting a million rows. Not synced and never written by the console's code: triggers
 * on callbacks keep it (migration 0007_queue_counts, hand-written because drizzle cannot declare
 * triggers), in the same transaction as the write that changes a count.
 */
export const queueCounts = sqliteTable(
  'queue_counts',
  {
    state: text('state').notNull(),
    reason: text('reason').notNull(),
    priority: integer('priority').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.state, t.reason, t.priority] })],
);

export const callAttempts = sqliteTable(
  'call_attempts',
  {
    id: text('id').primaryKey(),
    callbackId: text('callback_id').notNull().references(() => callbacks.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    agentId: text('agent_id').notNull(),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at').notNull(),
    disposition: text('disposition').notNull(),
    notes: text('notes').notNull().default(''),
    callbackAt: integer('callback_at'),
    /** Why a reached call has no completed questionnaire (asked when one applied). */
    surveySkipReason: text('survey_skip_reason'),
    /** The callback's reason, copied on insert so the outcome reports group 1M attempts from one index. */
    reason: text('reason'),
    /** Set when the call was made on a callback a colleague held or had closed (two agents took it offline). */
    leaseConflict: text('lease_conflict', { enum: ['leased_by_other', 'closed_by_other', 'rescheduled_by_other'] }),
  },
  (t) => [
    index('attempts_customer').on(t.customerId, t.startedAt),
    index('attempts_callback').on(t.callbackId),
    // Covering index of the outcome reports: a date range grouped by day, reason, agent and disposition.
    index('attempts_report').on(t.startedAt, t.reason, t.agentId, t.disposition),
  ],
);

export const dncEntries = sqliteTable(
  'dnc_entries',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    phone: text('phone').notNull(),
    source: text('source', { enum: ['agent', 'import', 'demo'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    expiresAt: integer('expires_at'),
  },
  (t) => [index('dnc_customer').on(t.customerId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [index('audit_at').on(t.at), index('audit_subject').on(t.subjectType, t.subjectId)],
);

export const importBatches = sqliteTable('import_batches', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  totalRows: integer('total_rows').notNull(),
  imported: integer('imported').notNull(),
  duplicates: integer('duplicates').notNull(),
  invalid: integer('invalid').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/**
 * Device-local: every named mutation, in the order it was applied here. Once the console is connected
 * to a server each gets `mutation_id` (one above the previous) and waits as `pending` until a pull
 * confirms it `applied` or reports it `refused` (then it is in "Needs attention" until retried or
 * discarded). `local` marks what was recorded before the console joined a team: kept, never sent.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    name: text('name').notNull(),
    args: text('args').notNull(),
    createdAt: integer('created_at').notNull(),
    pushedAt: integer('pushed_at'),
    mutationId: integer('mutation_id'),
    /** Who made the change: it is pushed under their sign-in, never someone else's. */
    authorId: text('author_id'),
    status: text('status', { enum: ['local', 'pending', 'applied', 'refused', 'discarded', 'retried'] })
      .notNull()
      .default('local'),
    /** The server's refusal ({code, message, details}) as JSON. */
    error: text('error'),
    resolvedAt: integer('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [uniqueIndex('outbox_mutation_id').on(t.mutationId), index('outbox_status').on(t.status, t.mutationId)],
);

/** Device-local preferences (signed-in user, language). Never synced, never in the outbox. */
export const localMeta = sqliteTable('local_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Device-local sign-in credentials of this console's local accounts (never synced, never in the outbox):
 * the password hash in core/auth/password.ts's format, and when the account was disabled on this console.
 */
export const localCredentials = sqliteTable('local_credentials', {
  userId: text('user_id').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  updatedAt: integer('updated_at').notNull(),
  disabledAt: integer('disabled_at'),
});

/**
 * Device-local: the call an agent is in the middle of on this console (never synced, never in the outbox),
 * so a reload or a restart loses nothing. `started_at` is when "start call" was first pressed (null until
 * then): the attempt's duration runs from it, and a dialling outcome needs it. Notes and the chosen
 * disposition are saved as the agent types. Recording the outcome or releasing the callback deletes it.
 */
export const callDrafts = sqliteTable(
  'call_drafts',
  {
    callbackId: text('callback_id').notNull(),
    agentId: text('agent_id').notNull(),
    startedAt: integer('started_at'),
    disposition: text('disposition'),
    notes: text('notes').notNull().default(''),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callbackId, t.agentId] })],
);
