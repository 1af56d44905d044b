import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/*
 * The console's local store. Synced tables use UUIDv7 text ids born where the record is born; facts
 * (attempts, dnc entries, audit) are append-only; state changes only through named mutations. Times are
 * UTC epoch ms. Only `outbox` and `local_meta` are device-local.
 */

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['agent', 'supervisor'] }).notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

export const customers = pgTable(
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
    registeredAt: bigint('registered_at', { mode: 'number' }),
    lastActiveAt: bigint('last_active_at', { mode: 'number' }),
    txnCount30d: bigint('txn_count_30d', { mode: 'number' }),
    balanceBand: text('balance_band'),
    tags: text('tags').notNull().default(sql`'[]'`),
    consentService: text('consent_service', { enum: ['granted', 'refused', 'unknown'] }).notNull().default('unknown'),
    consentSurvey: text('consent_survey', { enum: ['granted', 'refused', 'unknown'] }).notNull().default('unknown'),
    consentMarketing: text('consent_marketing', { enum: ['granted', 'refused', 'unknown'] }).notNull().default('unknown'),
    dncUntil: bigint('dnc_until', { mode: 'number' }),
    capUntil: bigint('cap_until', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('customers_phone').on(t.phone), index('customers_timezone').on(t.timezone), index('customers_name').on(t.name)],
);

export const callbacks = pgTable(
  'callbacks',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    reason: text('reason', { enum: ['complaint_followup', 'satisfaction', 'winback', 'onboarding', 'care'] }).notNull(),
    priority: bigint('priority', { mode: 'number' }).notNull(),
    dueAt: bigint('due_at', { mode: 'number' }),
    state: text('state', { enum: ['open', 'closed'] }).notNull(),
    outcome: text('outcome'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    failedAttempts: bigint('failed_attempts', { mode: 'number' }).notNull().default(0),
    leaseAgentId: text('lease_agent_id'),
    leaseExpiresAt: bigint('lease_expires_at', { mode: 'number' }),
    notes: text('notes').notNull().default(''),
    source: text('source', { enum: ['demo', 'import', 'manual'] }).notNull(),
    importBatchId: text('import_batch_id'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    closedAt: bigint('closed_at', { mode: 'number' }),
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
    // The server runs no queue and no reports (each console does, on its own copy): only the lookups its
    // appliers make are indexed — by customer (other open callbacks, duplicates) and by ticket. Every
    // index here is rewritten by each lease, outcome and release, the server's commonest writes.
    index('callbacks_customer').on(t.customerId, t.state, t.reason),
    index('callbacks_ticket').on(t.ticketId).where(sql`ticket_id IS NOT NULL`),
  ],
);

export const callAttempts = pgTable(
  'call_attempts',
  {
    id: text('id').primaryKey(),
    callbackId: text('callback_id').notNull().references(() => callbacks.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    agentId: text('agent_id').notNull(),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    endedAt: bigint('ended_at', { mode: 'number' }).notNull(),
    disposition: text('disposition').notNull(),
    notes: text('notes').notNull().default(''),
    callbackAt: bigint('callback_at', { mode: 'number' }),
    /** Why a reached call has no completed questionnaire (asked when one applied). */
    surveySkipReason: text('survey_skip_reason'),
    /** The callback's reason, copied on insert so the outcome reports group 1M attempts from one index. */
    reason: text('reason'),
    /** Set when the call was made on a callback a colleague held or had closed (two agents took it offline). */
    leaseConflict: text('lease_conflict'),
  },
  (t) => [
    index('attempts_customer').on(t.customerId, t.startedAt),
    index('attempts_callback').on(t.callbackId),
    // Covering index of the outcome reports: a date range grouped by day, reason, agent and disposition.
    index('attempts_report').on(t.startedAt, t.reason, t.agentId, t.disposition),
  ],
);

export const dncEntries = pgTable(
  'dnc_entries',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    phone: text('phone').notNull(),
    source: text('source', { enum: ['agent', 'import', 'demo'] }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    expiresAt: bigint('expires_at', { mode: 'number' }),
  },
  (t) => [index('dnc_customer').on(t.customerId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: bigint('at', { mode: 'number' }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: text('details').notNull().default(sql`'{}'`),
  },
  (t) => [index('audit_at').on(t.at), index('audit_subject').on(t.subjectType, t.subjectId)],
);

export const importBatches = pgTable('import_batches', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  createdBy: text('created_by').notNull(),
  totalRows: bigint('total_rows', { mode: 'number' }).notNull(),
  imported: bigint('imported', { mode: 'number' }).notNull(),
  duplicates: bigint('duplicates', { mode: 'number' }).notNull(),
  invalid: bigint('invalid', { mode: 'number' }).notNull(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  updatedBy: text('updated_by'),
});

/** Device-local: every named mutation, in the order it was applied here, waiting to be pushed. */


/** Device-local preferences (signed-in user, language). Never synced, never in the outbox. */


export const scripts = pgTable('scripts', {
  id: text('id').primaryKey(),
  purpose: text('purpose', { enum: ['complaint_followup', 'satisfaction', 'winback', 'onboarding', 'care'] }).notNull(),
  locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull(),
  title: text('title').notNull(),
  builtinKey: text('builtin_key'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  createdBy: text('created_by'),
  retiredAt: bigint('retired_at', { mode: 'number' }),
});

/** A published version never changes; editing works on the one draft that follows it. */
export const scriptVersions = pgTable(
  'script_versions',
  {
    id: text('id').primaryKey(),
    scriptId: text('script_id').notNull().references(() => scripts.id),
    version: bigint('version', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    content: text('content').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    publishedAt: bigint('published_at', { mode: 'number' }),
    publishedBy: text('published_by'),
  },
  (t) => [uniqueIndex('script_versions_script_version').on(t.scriptId, t.version)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: text('id').primaryKey(),
    callbackId: text('callback_id').notNull().references(() => callbacks.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    agentId: text('agent_id').notNull(),
    scriptVersionId: text('script_version_id').notNull().references(() => scriptVersions.id),
    status: text('status', { enum: ['in_progress', 'completed', 'partial', 'declined'] }).notNull(),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    endedAt: bigint('ended_at', { mode: 'number' }),
  },
  (t) => [
    index('responses_callback').on(t.callbackId),
    index('responses_version').on(t.scriptVersionId, t.status),
    index('responses_started').on(t.startedAt),
  ],
);

/** Append-only: every answer given, and every clearing (value null), in order; the latest per key counts. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: text('id').primaryKey(),
    responseId: text('response_id').notNull().references(() => surveyResponses.id),
    questionKey: text('question_key').notNull(),
    value: text('value'),
    otherText: text('other_text'),
    answeredAt: bigint('answered_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('answers_response').on(t.responseId, t.questionKey, t.answeredAt)],
);

/*
 * Complaint tickets. `ticket_events` are the facts (append-only); `tickets` is their projection, rewritten
 * from the events by every ticket mutation (core/tickets deriveTicket), so the SLA board and the lists can
 * filter and sort in SQL. Due times in the projection are a cache of the derivation, never an input to it.
 */
export const tickets = pgTable(
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
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    firstRespondedAt: bigint('first_responded_at', { mode: 'number' }),
    resolvedAt: bigint('resolved_at', { mode: 'number' }),
    closedAt: bigint('closed_at', { mode: 'number' }),
    reopenCount: bigint('reopen_count', { mode: 'number' }).notNull().default(0),
    calendarVersionId: text('calendar_version_id'),
    policyId: text('policy_id'),
    /** The earliest running clock's due and warning instants (null while paused or stopped). */
    nextDueAt: bigint('next_due_at', { mode: 'number' }),
    nextWarnAt: bigint('next_warn_at', { mode: 'number' }),
    /** 'running' | 'paused' | 'met' | 'missed' | 'not_started' per clock, for attainment. */
    firstResponseStatus: text('first_response_status').notNull(),
    resolutionStatus: text('resolution_status').notNull(),
    /** Business minutes used to first response / resolution (set once the clock stops). */
    firstResponseMinutes: doublePrecision('first_response_minutes'),
    resolutionMinutes: doublePrecision('resolution_minutes'),
    /** Any clock already over its target when the projection was written, or a breach recorded. */
    breached: bigint('breached', { mode: 'number' }).notNull().default(0),
    escalated: bigint('escalated', { mode: 'number' }).notNull().default(0),
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

export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
    at: bigint('at', { mode: 'number' }).notNull(),
    actorId: text('actor_id'),
    type: text('type').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId, t.at, t.id)],
);

/** Business calendars: every save is a new immutable version; tickets name the version that timed them. */
export const calendarVersions = pgTable('calendar_versions', {
  id: text('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().unique(),
  content: text('content').notNull(),
  note: text('note').notNull().default(''),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  createdBy: text('created_by'),
});

/**
 * Compensation vouchers. State changes only through voucher mutations, each of which also appends to
 * `voucher_events` (the ledger) and to the audit log. Money is integer fen; points are integers.
 */
export const vouchers = pgTable(
  'vouchers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    /** The requester's idempotency key: a retried or double-clicked request finds the same voucher. */
    requestKey: text('request_key').notNull().unique(),
    kind: text('kind', { enum: ['discount_percent', 'discount_fixed', 'cashback', 'points'] }).notNull(),
    percentOff: bigint('percent_off', { mode: 'number' }),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    points: bigint('points', { mode: 'number' }),
    /** What the voucher counts against limits and the budget, in fen. */
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    reasonCode: text('reason_code').notNull(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    ticketId: text('ticket_id').references(() => tickets.id),
    note: text('note').notNull().default(''),
    state: text('state', { enum: ['pending_approval', 'issued', 'redeemed', 'voided', 'rejected'] }).notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: bigint('requested_at', { mode: 'number' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: bigint('decided_at', { mode: 'number' }),
    issuedAt: bigint('issued_at', { mode: 'number' }),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    redeemedAt: bigint('redeemed_at', { mode: 'number' }),
    voidedAt: bigint('voided_at', { mode: 'number' }),
    stateReason: text('state_reason'),
  },
  (t) => [
    index('vouchers_state').on(t.state, t.requestedAt),
    index('vouchers_customer').on(t.customerId, t.issuedAt),
    index('vouchers_ticket').on(t.ticketId),
    index('vouchers_issued').on(t.issuedAt, t.requestedBy),
  ],
);

export const voucherEvents = pgTable(
  'voucher_events',
  {
    id: text('id').primaryKey(),
    voucherId: text('voucher_id').notNull().references(() => vouchers.id),
    at: bigint('at', { mode: 'number' }).notNull(),
    actorId: text('actor_id').notNull(),
    type: text('type').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('voucher_events_voucher').on(t.voucherId, t.at)],
);

/** In-app notifications for one user (an SLA breach on their ticket, a decision on their voucher). */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    ticketId: text('ticket_id'),
    voucherId: text('voucher_id'),
    data: text('data').notNull(),
    readAt: bigint('read_at', { mode: 'number' }),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.at)],
);

/** FAQ entries curated from resolved tickets; every edit is a new revision, history kept. */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: text('id').primaryKey(),
    status: text('status', { enum: ['draft', 'in_review', 'published', 'retired'] }).notNull(),
    category: text('category').notNull(),
    latestRevision: bigint('latest_revision', { mode: 'number' }).notNull(),
    /** The revision the help centre shows; kept while a newer revision is drafted and reviewed. */
    publishedRevision: bigint('published_revision', { mode: 'number' }),
    needsReview: bigint('needs_review', { mode: 'number' }).notNull().default(0),
    needsReviewReason: text('needs_review_reason'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    publishedAt: bigint('published_at', { mode: 'number' }),
    publishedBy: text('published_by'),
  },
  (t) => [index('faq_status').on(t.status, t.category)],
);

export const faqRevisions = pgTable(
  'faq_revisions',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull().references(() => faqEntries.id),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    category: text('category').notNull(),
    questionZh: text('question_zh').notNull().default(''),
    answerZh: text('answer_zh').notNull().default(''),
    questionEn: text('question_en').notNull().default(''),
    answerEn: text('answer_en').notNull().default(''),
    keywords: text('keywords').notNull(),
    /** What was masked when the draft was pre-filled from tickets (kind and replacement; never the original). */
    redactions: text('redactions').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('faq_revisions_entry_revision').on(t.entryId, t.revision)],
);

export const faqSources = pgTable(
  'faq_sources',
  {
    entryId: text('entry_id').notNull().references(() => faqEntries.id),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.ticketId] }), index('faq_sources_ticket').on(t.ticketId)],
);
