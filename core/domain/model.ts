/**
 * The vocabulary of the callback queue. Every other layer (db, services, renderer, server) speaks in
 * these terms, so they live in core/ and carry no runtime dependencies.
 */

export const REASONS = ['complaint_followup', 'satisfaction', 'winback', 'onboarding', 'care'] as const;
export type Reason = (typeof REASONS)[number];

/** Chinese labels are accepted wherever a reason is typed by a person (CSV import). */
export const REASON_LABELS_ZH: Record<Reason, string> = {
  complaint_followup: '投诉回访',
  satisfaction: '满意度回访',
  winback: '流失挽回',
  onboarding: '新用户引导',
  care: '关怀',
};

/**
 * Service callbacks answer something the customer started (a complaint, a service interaction) and
 * survive a do-not-call request; marketing callbacks are our own outreach and stop for DNC.
 * Onboarding counts as marketing: nobody asked for it, so a DNC request must stop it too.
 */
export type ReasonClass = 'service' | 'marketing';
export const REASON_CLASS: Record<Reason, ReasonClass> = {
  complaint_followup: 'service',
  satisfaction: 'service',
  winback: 'marketing',
  onboarding: 'marketing',
  care: 'marketing',
};

/** Consent is recorded per purpose; each reason needs the consent of one purpose. */
export const CONSENT_PURPOSES = ['service', 'survey', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const REASON_PURPOSE: Record<Reason, ConsentPurpose> = {
  complaint_followup: 'service',
  satisfaction: 'survey',
  winback: 'marketing',
  onboarding: 'marketing',
  care: 'marketing',
};
export const CONSENT_STATES = ['granted', 'refused', 'unknown'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export type Consents = Record<ConsentPurpose, ConsentState>;

export const PRIORITIES = [1, 2, 3, 4, 5] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DISPOSITIONS = [
  'reached',
  'no_answer',
  'busy',
  'voicemail',
  'wrong_number',
  'callback_later',
  'refused',
  'dnc_requested',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const CALLBACK_STATES = ['open', 'closed'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

export const CALLBACK_OUTCOMES = [
  'completed',
  'unreachable',
  'wrong_number',
  'refused',
  'dnc_requested',
  'cancelled_dnc',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const PHONE_STATUSES = ['ok', 'bad'] as const;
export type PhoneStatus = (typeof PHONE_STATUSES)[number];

export const ROLES = ['agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** Why a callback cannot be called right now. Order is the order the UI explains them in. */
export const BLOCK_REASONS = [
  'closed',
  'leased',
  'bad_number',
  'dnc',
  'no_consent',
  'scheduled_later',
  'no_call_day',
  'outside_window',
  'contact_cap',
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export interface CustomerFacts {
  id: string;
  phoneStatus: PhoneStatus;
  timezone: string;
  consents: Consents;
  /** Epoch ms until which the customer is on the internal DNC list; null = not listed. */
  dncUntil: number | null;
}

export interface CallbackFacts {
  id: string;
  reason: Reason;
  priority: Priority;
  /** Epoch ms; null means "as soon as callable". */
  dueAt: number | null;
  state: CallbackState;
  leaseAgentId: string | null;
  leaseExpiresAt: number | null;
  createdAt: number;
}

/** No DNC expiry is stored as this far-future instant so "until" comparisons stay uniform. */
export const FOREVER = 8_640_000_000_000_000;
