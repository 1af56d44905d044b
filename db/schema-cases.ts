import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { callbacks, customers } from './schema-queue';

/*
 * The case side of the console's store: questionnaire scripts and responses, tickets and their events,
 * business calendars, vouchers, notifications and FAQ entries. See db/schema.ts.
 */

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
