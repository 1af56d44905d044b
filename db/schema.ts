import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * The console's local store. Synced tables use UUIDv7 text ids born where the record is born; facts
 * (attempts, dnc entries, audit) are append-only; state changes only through named mutations. Times are
 * UTC epoch ms. Only `outbox`, `local_meta`, `local_credentials` and `call_drafts` are device-local.
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

export const scripts = sqliteTable('scripts', {
  id: text('id').primaryKey(),
  purpose: text('purpose', { enum: ['complaint_followup', 'satisfaction', 'winback', 'onboarding', 'care'] }).notNull(),
  locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull(),
  title: text('title').notNull(),
  builtinKey: text('builtin_key'),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by'),
  retiredAt: integer('retired_at'),
});

/** A published version never changes; editing works on the one draft that follows it. */
export const scriptVersions = sqliteTable(
  'script_versions',
  {
    id: text('id').primaryKey(),
    scriptId: text('script_id').notNull().references(() => scripts.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    content: text('content').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    publishedAt: integer('published_at'),
    publishedBy: text('published_by'),
  },
  (t) => [uniqueIndex('script_versions_script_version').on(t.scriptId, t.version)],
);

export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: text('id').primaryKey(),
    callbackId: text('callback_id').notNull().references(() => callbacks.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    agentId: text('agent_id').notNull(),
    scriptVersionId: text('script_version_id').notNull().references(() => scriptVersions.id),
    status: text('status', { enum: ['in_progress', 'completed', 'partial', 'declined'] }).notNull(),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    index('responses_callback').on(t.callbackId),
    index('responses_version').on(t.scriptVersionId, t.status),
    index('responses_started').on(t.startedAt),
  ],
);

/** Append-only: every answer given, and every clearing (value null), in order; the latest per key counts. */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: text('id').primaryKey(),
    responseId: text('response_id').notNull().references(() => surveyResponses.id),
    questionKey: text('question_key').notNull(),
    value: text('value'),
    otherText: text('other_text'),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [index('answers_response').on(t.responseId, t.questionKey, t.answeredAt)],
);

/*
 * Complaint tickets. `ticket_events` are the facts (append-only); `tickets` is their projection, rewritten
 * from the events by every ticket mutation (core/tickets deriveTicket), so the SLA board and the lists can
 * filter and sort in SQL. Due times in the projection are a cache of the derivation, never an input to it.
 */
export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').references(() => customers.id),
    callbackId: text('callback_id'),
    attemptId: text('attempt_id'),
    subject: text('subject').notNull(),
    category: text('category').notNull(),
    priority: text('priority', { enum: ['P1', 'P2', 'P3', 'P4'] }).notNull(),
    channel: text('channel').notNull(),
    status: text('status', { enum: ['new', 'open', 'pending_customer', 'resolved', 'closed'] }).notNull(),
    assigneeId: text('assignee_id'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
    firstRespondedAt: integer('first_responded_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    calendarVersionId: text('calendar_version_id'),
    policyId: text('policy_id'),
    /** The earliest running clock's due and warning instants (null while paused or stopped). */
    nextDueAt: integer('next_due_at'),
    nextWarnAt: integer('next_warn_at'),
    /** 'running' | 'paused' | 'met' | 'missed' | 'not_started' per clock, for attainment. */
    firstResponseStatus: text('first_response_status').notNull(),
    resolutionStatus: text('resolution_status').notNull(),
    /** Business minutes used to first response / resolution (set once the clock stops). */
    firstResponseMinutes: real('first_response_minutes'),
    resolutionMinutes: real('resolution_minutes'),
    /** Any clock already over its target when the projection was written, or a breach recorded. */
    breached: integer('breached').notNull().default(0),
    escalated: integer('escalated').notNull().default(0),
    /** The whole derived state (clocks, levels) as JSON, for the detail view. */
    derived: text('derived').notNull(),
  },
  (t) => [
    index('tickets_status_due').on(t.status, t.nextDueAt),
    index('tickets_assignee').on(t.assigneeId, t.status),
    index('tickets_customer').on(t.customerId),
    index('tickets_created').on(t.createdAt, t.category),
    index('tickets_resolved').on(t.resolvedAt),
  ],
);

export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
    at: integer('at').notNull(),
    actorId: text('actor_id'),
    type: text('type').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId, t.at, t.id)],
);

/** Business calendars: every save is a new immutable version; tickets name the version that timed them. */
export const calendarVersions = sqliteTable('calendar_versions', {
  id: text('id').primaryKey(),
  version: integer('version').notNull().unique(),
  content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  note: text('note').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by'),
});

/**
 * Compensation vouchers. State changes only through voucher mutations, each of which also appends to
 * `voucher_events` (the ledger) and to the audit log. Money is integer fen; points are integers.
 */
export const vouchers = sqliteTable(
  'vouchers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    /** The requester's idempotency key: a retried or double-clicked request finds the same voucher. */
    requestKey: text('request_key').notNull().unique(),
    kind: text('kind', { enum: ['discount_percent', 'discount_fixed', 'cashback', 'points'] }).notNull(),
    percentOff: integer('percent_off'),
    amountFen: integer('amount_fen'),
    points: integer('points'),
    /** What the voucher counts against limits and the budget, in fen. */
    valueFen: integer('value_fen').notNull(),
    reasonCode: text('reason_code').notNull(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    ticketId: text('ticket_id').references(() => tickets.id),
    note: text('note').notNull().default(''),
    state: text('state', { enum: ['pending_approval', 'issued', 'redeemed', 'voided', 'rejected'] }).notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: integer('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    issuedAt: integer('issued_at'),
    expiresAt: integer('expires_at').notNull(),
    redeemedAt: integer('redeemed_at'),
    voidedAt: integer('voided_at'),
    stateReason: text('state_reason'),
  },
  (t) => [
    index('vouchers_state').on(t.state, t.requestedAt),
    index('vouchers_customer').on(t.customerId, t.issuedAt),
    index('vouchers_ticket').on(t.ticketId),
    index('vouchers_issued').on(t.issuedAt, t.requestedBy),
  ],
);

export const voucherEvents = sqliteTable(
  'voucher_events',
  {
    id: text('id').primaryKey(),
    voucherId: text('voucher_id').notNull().references(() => vouchers.id),
    at: integer('at').notNull(),
    actorId: text('actor_id').notNull(),
    type: text('type').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('voucher_events_voucher').on(t.voucherId, t.at)],
);

/** In-app notifications for one user (an SLA breach on their ticket, a decision on their voucher). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    ticketId: text('ticket_id'),
    voucherId: text('voucher_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.at)],
);

/** FAQ entries curated from resolved tickets; every edit is a new revision, history kept. */
export const faqEntries = sqliteTable(
  'faq_entries',
  {
    id: text('id').primaryKey(),
    status: text('status', { enum: ['draft', 'in_review', 'published', 'retired'] }).notNull(),
    category: text('category').notNull(),
    latestRevision: integer('latest_revision').notNull(),
    /** The revision the help centre shows; kept while a newer revision is drafted and reviewed. */
    publishedRevision: integer('published_revision'),
    needsReview: integer('needs_review').notNull().default(0),
    needsReviewReason: text('needs_review_reason'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
    publishedAt: integer('published_at'),
    publishedBy: text('published_by'),
  },
  (t) => [index('faq_status').on(t.status, t.category)],
);

export const faqRevisions = sqliteTable(
  'faq_revisions',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull().references(() => faqEntries.id),
    revision: integer('revision').notNull(),
    category: text('category').notNull(),
    questionZh: text('question_zh').notNull().default(''),
    answerZh: text('answer_zh').notNull().default(''),
    questionEn: text('question_en').notNull().default(''),
    answerEn: text('answer_en').notNull().default(''),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull(),
    /** What was masked when the draft was pre-filled from tickets (kind and replacement; never the original). */
    redactions: text('redactions', { mode: 'json' }).$type<Record<string, unknown>[]>().notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('faq_revisions_entry_revision').on(t.entryId, t.revision)],
);

export const faqSources = sqliteTable(
  'faq_sources',
  {
    entryId: text('entry_id').notNull().references(() => faqEntries.id),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.ticketId] }), index('faq_sources_ticket').on(t.ticketId)],
);

export * from './schema-sync';
