import type {
  CallbackOutcome,
  CallbackState,
  ConsentState,
  Disposition,
  PhoneStatus,
  Priority,
  Reason,
  Role,
} from './model';

/**
 * Plain records as stored (camelCase mirrors of the db columns). Times are UTC epoch ms, money is
 * integer fen. Ids are UUIDv7 strings made where the record is born.
 */

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
}

export const WALLET_SEGMENTS = ['new', 'active', 'dormant', 'high_value', 'merchant'] as const;
export type WalletSegment = (typeof WALLET_SEGMENTS)[number];
export const BALANCE_BANDS = ['lt_100', '100_1k', '1k_10k', '10k_50k', 'gte_50k'] as const;
export type BalanceBand = (typeof BALANCE_BANDS)[number];
export const GENDERS = ['male', 'female', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export interface CustomerRecord {
  id: string;
  name: string;
  /** E.164, e.g. +8613812345678. */
  phone: string;
  phoneStatus: PhoneStatus;
  /** IANA zone of the customer, used for their calling window. */
  timezone: string;
  gender: Gender;
  city: string | null;
  segment: WalletSegment | null;
  registeredAt: number | null;
  lastActiveAt: number | null;
  txnCount30d: number | null;
  balanceBand: BalanceBand | null;
  tags: string[];
  consentService: ConsentState;
  consentSurvey: ConsentState;
  consentMarketing: ConsentState;
  /** Derived from dnc entries by the mutation that changes them; null = not on the list. */
  dncUntil: number | null;
  /** Derived from the attempt history by the mutation that records an attempt. */
  capUntil: number | null;
  createdAt: number;
}

export interface CallbackRecord {
  id: string;
  customerId: string;
  reason: Reason;
  priority: Priority;
  dueAt: number | null;
  state: CallbackState;
  outcome: CallbackOutcome | null;
  attempts: number;
  /** Unanswered attempts (no answer, busy, voicemail) that count towards the maximum. */
  failedAttempts: number;
  leaseAgentId: string | null;
  leaseExpiresAt: number | null;
  notes: string;
  source: 'demo' | 'import' | 'manual';
  importBatchId: string | null;
  createdAt: number;
  closedAt: number | null;
  /** A complaint follow-up: the ticket it follows up. */
  ticketId?: string | null;
}

export interface AttemptRecord {
  id: string;
  callbackId: string;
  customerId: string;
  agentId: string;
  startedAt: number;
  endedAt: number;
  disposition: Disposition;
  notes: string;
  /** For callback_later: the agreed time. */
  callbackAt: number | null;
}

export interface DncRecord {
  id: string;
  customerId: string;
  phone: string;
  source: 'agent' | 'import' | 'demo';
  createdAt: number;
  createdBy: string | null;
  expiresAt: number | null;
}
