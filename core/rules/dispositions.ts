import { REASON_CLASS, type CallbackOutcome, type Disposition, type Reason } from '../domain/model';
import type { Settings } from '../settings';

export const UNANSWERED: readonly Disposition[] = ['no_answer', 'busy', 'voicemail'];

/**
 * Outcomes that say what happened when the number was dialled: every disposition there is (reached, the
 * three unanswered ones, wrong number, call back later, refused, DNC requested all describe a call). So
 * each needs a started call; a future outcome that records no dial (say, "not called") would not be listed.
 */
export function isDialled(disposition: Disposition): boolean {
  switch (disposition) {
    case 'reached':
    case 'no_answer':
    case 'busy':
    case 'voicemail':
    case 'wrong_number':
    case 'callback_later':
    case 'refused':
    case 'dnc_requested':
      return true;
  }
}

export interface CallbackProgress {
  attempts: number;
  failedAttempts: number;
  dueAt: number | null;
}

export type DispositionEffect =
  | { kind: 'close'; outcome: CallbackOutcome; attempts: number; failedAttempts: number }
  | { kind: 'reschedule'; dueAt: number; attempts: number; failedAttempts: number };

export interface DispositionExtras {
  /** Agreed time for callback_later. */
  callbackAt?: number | null;
}

/**
 * What a recorded attempt does to its callback. Side effects on the customer (bad number, DNC, other
 * callbacks cancelled) are listed by `customerEffects`; both are pure so the server can re-run them.
 */
export function applyDisposition(
  progress: CallbackProgress,
  disposition: Disposition,
  startedAt: number,
  settings: Pick<Settings, 'retrySpacingMinutes' | 'maxAttempts'>,
  extras: DispositionExtras = {},
): DispositionEffect {
  const attempts = progress.attempts + 1;
  switch (disposition) {
    case 'reached':
      return { kind: 'close', outcome: 'completed', attempts, failedAttempts: progress.failedAttempts };
    case 'no_answer':
    case 'busy':
    case 'voicemail': {
      const failedAttempts = progress.failedAttempts + 1;
      if (failedAttempts >= settings.maxAttempts) {
        return { kind: 'close', outcome: 'unreachable', attempts, failedAttempts };
      }
      return { kind: 'reschedule', dueAt: startedAt + settings.retrySpacingMinutes * 60_000, attempts, failedAttempts };
    }
    case 'wrong_number':
      return { kind: 'close', outcome: 'wrong_number', attempts, failedAttempts: progress.failedAttempts };
    case 'callback_later': {
      if (extras.callbackAt == null) throw new Error('callback_later needs a callback time');
      return { kind: 'reschedule', dueAt: extras.callbackAt, attempts, failedAttempts: progress.failedAttempts };
    }
    case 'refused':
      return { kind: 'close', outcome: 'refused', attempts, failedAttempts: progress.failedAttempts };
    case 'dnc_requested':
      return { kind: 'close', outcome: 'dnc_requested', attempts, failedAttempts: progress.failedAttempts };
  }
}

export interface CustomerEffects {
  markPhoneBad: boolean;
  addToDnc: boolean;
  /** Reasons whose other open callbacks for this customer are cancelled. */
  cancelReasons: readonly Reason[];
}

const MARKETING_REASONS = (Object.keys(REASON_CLASS) as Reason[]).filter((r) => REASON_CLASS[r] === 'marketing');

export function customerEffects(disposition: Disposition): CustomerEffects {
  return {
    markPhoneBad: disposition === 'wrong_number',
    addToDnc: disposition === 'dnc_requested',
    cancelReasons: disposition === 'dnc_requested' ? MARKETING_REASONS : [],
  };
}

/** The last moment an agreed callback may be set for, relative to the call. */
export const MAX_CALLBACK_LATER_MS = 60 * 24 * 3_600_000;
