import type {
  BlockReason,
  CallbackOutcome,
  CallbackState,
  ConsentState,
  Disposition,
  Priority,
  Role,
  Reason,
} from '../domain/model';
import type { BalanceBand, Gender, UserRecord, WalletSegment } from '../domain/records';
import type { RowError } from '../csv';
import type { ImportWarning, ImportWarningCounts } from '../csv/warnings';
import type { Settings } from '../settings';
import type { ErrorCode } from './result';

/** Shapes returned across the contract. Phones are masked unless a method says otherwise. */

export type Locale = 'zh-CN' | 'en';

export interface SystemStatus {
  db: { state: 'ready' } | { state: 'error'; code: ErrorCode; message: string; path: string | null };
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  now: number;
  pendingOutbox: number;
}

export interface SessionInfo {
  setUp: boolean;
  /** Everyone on this console; empty for a caller that is not signed in. */
  users: UserRecord[];
  /** The user of the calling session (this window or tab), null when signed out. */
  currentUser: UserRecord | null;
  locale: Locale;
}

/** What the first run answers: the session, and the demo colleagues' passwords (shown once). */
export interface SetUpResult extends SessionInfo {
  demoAccounts: { name: string; role: Role; password: string }[];
}

export interface BlockView {
  reason: BlockReason;
  until: number | null;
  localTime: string | null;
}

export interface QueueRow {
  id: string;
  customerId: string;
  customerName: string;
  phoneMasked: string;
  timezone: string;
  reason: Reason;
  priority: Priority;
  dueAt: number | null;
  overdue: boolean;
  state: CallbackState;
  outcome: CallbackOutcome | null;
  attempts: number;
  leasedByMe: boolean;
  callable: boolean;
  blocks: BlockView[];
  createdAt: number;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  offset: number;
  /** Pass back as `cursor` to get the page after this one; null when this page is the last. */
  nextCursor: string | null;
}

export interface QueueSummary {
  open: number;
  callableNow: number;
  overdue: number;
  closedToday: number;
  myLease: string | null;
}

export interface HistoryItem {
  id: string;
  callbackId: string;
  reason: Reason;
  agentName: string | null;
  startedAt: number;
  endedAt: number;
  disposition: Disposition;
  notes: string;
  callbackAt: number | null;
}

export interface CustomerProfile {
  id: string;
  name: string;
  gender: Gender;
  phoneMasked: string;
  phoneStatus: 'ok' | 'bad';
  timezone: string;
  city: string | null;
  segment: WalletSegment | null;
  registeredAt: number | null;
  lastActiveAt: number | null;
  txnCount30d: number | null;
  balanceBand: BalanceBand | null;
  tags: string[];
  consents: { service: ConsentState; survey: ConsentState; marketing: ConsentState };
  dnc: { until: number | null; forever: boolean } | null;
  history: HistoryItem[];
  otherOpenCallbacks: { id: string; reason: Reason; priority: Priority; dueAt: number | null }[];
}

export interface TicketBriefView {
  id: string;
  code: string;
  subject: string;
  category: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  status: 'new' | 'open' | 'pending_customer' | 'resolved' | 'closed';
  createdAt: number;
  resolvedAt: number | null;
}

export interface CallbackDetail {
  callback: QueueRow & { notes: string; failedAttempts: number; leaseExpiresAt: number | null; closedAt: number | null };
  customer: CustomerProfile;
  /** A complaint follow-up: the ticket it follows up, and the compensation given on it. */
  followUpOf: (TicketBriefView & { vouchers: { code: string; kind: string; valueFen: number; percentOff: number | null; points: number | null; state: string }[] }) | null;
  /** The customer's recent tickets (any status). */
  tickets: TicketBriefView[];
  /** The signed-in agent's call in progress on this callback, kept on this console across reloads; null if none. */
  draft: CallDraftView | null;
}

/** A call in progress: when it started (null: not yet), the outcome picked and the notes typed so far. */
export interface CallDraftView {
  startedAt: number | null;
  disposition: Disposition | null;
  notes: string;
  updatedAt: number;
}

export interface OutcomeResult {
  callbackId: string;
  /** The attempt just recorded: a ticket raised from this call links to it. */
  attemptId: string;
  state: CallbackState;
  outcome: CallbackOutcome | null;
  nextDueAt: number | null;
  cancelledCallbacks: number;
}

export interface ImportReport {
  encoding: 'utf-8' | 'gbk';
  totalRows: number;
  valid: number;
  duplicates: number;
  invalid: number;
  blankLines: number;
  errors: RowError[];
  /** Rows that import but need a look: due date long past, or not callable as things stand (with why). By line, capped. */
  warnings: ImportWarning[];
  warningCounts: ImportWarningCounts;
}

export type ImportJob =
  | { jobId: string; fileName: string; phase: 'parsing' | 'validating'; processed: number; total: number }
  | { jobId: string; fileName: string; phase: 'ready'; processed: number; total: number; report: ImportReport }
  | { jobId: string; fileName: string; phase: 'committing'; processed: number; total: number; report: ImportReport }
  | { jobId: string; fileName: string; phase: 'done'; processed: number; total: number; report: ImportReport; batchId: string; imported: number; duplicates: number }
  | { jobId: string; fileName: string; phase: 'failed'; processed: number; total: number; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

export interface ImportBatchView {
  id: string;
  fileName: string;
  createdAt: number;
  createdByName: string | null;
  totalRows: number;
  imported: number;
  duplicates: number;
  invalid: number;
}

/** A customer found by name or the last digits of the phone (customers.search): the phone is masked. */
export interface CustomerHit {
  id: string;
  name: string;
  phoneMasked: string;
  city: string | null;
}

export interface AuditView {
  id: string;
  at: number;
  actorId: string;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  details: Record<string, unknown>;
  /** Display names of the ids the details and the subject refer to (customerId, requestedBy…): id → name or code. */
  refs: Record<string, string>;
}

export type { Settings };

export interface ScriptVersionView {
  id: string;
  version: number;
  status: 'draft' | 'published';
  content: import('../questionnaire/model').ScriptContent;
  createdAt: number;
  publishedAt: number | null;
  publishedByName: string | null;
  responses: number;
}

export interface ScriptSummary {
  id: string;
  purpose: Reason;
  locale: Locale;
  title: string;
  builtinKey: string | null;
  retiredAt: number | null;
  latestVersion: number;
  publishedVersion: number | null;
  hasDraft: boolean;
  /** Purposes whose calls open this script. */
  mappedFor: Reason[];
  /** Questionnaire responses taken on any of its versions. */
  responses: number;
}

export interface ScriptDetail {
  script: ScriptSummary;
  versions: ScriptVersionView[];
}

export interface RenderContext {
  customerName: string;
  gender: Gender;
  agentName: string;
  ticketSubject: string | null;
  voucher: string | null;
  locale: Locale;
}

export interface ResponseView {
  id: string;
  callbackId: string;
  status: import('../questionnaire/model').ResponseStatus;
  startedAt: number;
  endedAt: number | null;
  scriptId: string;
  versionId: string;
  version: number;
  content: import('../questionnaire/model').ScriptContent;
  answers: import('../questionnaire/model').Answers;
  context: RenderContext;
}

/** The questionnaire state of one callback: the script that applies, and the response if begun. */
export interface CallScriptState {
  applies: {
    scriptId: string;
    title: string;
    version: number;
    /** The content of that version: its opening is read before the questionnaire starts. */
    content: import('../questionnaire/model').ScriptContent;
    context: RenderContext;
  } | null;
  response: ResponseView | null;
}

export interface SurveyVersionFigures {
  scriptId: string;
  scriptTitle: string;
  purpose: Reason;
  version: number;
  versionId: string;
  started: number;
  completed: number;
  partial: number;
  declined: number;
  csat: number | null;
  csatAnswers: number;
  nps: number | null;
  npsAnswers: number;
}

export interface SurveyFigures {
  /** Reached calls in the filter: the base of the response rate. */
  reachedCalls: number;
  started: number;
  completed: number;
  responseRate: number | null;
  completionRate: number | null;
  csat: number | null;
  nps: number | null;
  byVersion: SurveyVersionFigures[];
  /** Answer distribution of each question key across versions. */
  questions: {
    key: string;
    type: import('../questionnaire/model').QuestionType;
    text: string;
    answers: number;
    counts: { value: string; label: string; count: number }[];
  }[];
}
