import type { CallbackOutcome, Disposition } from '../domain/model';
import { DEFAULT_SETTINGS } from '../settings';
import { randomLocalSlot } from './localtime';
import { weighted } from './prng';
import type { Prng } from './prng';
import { DAY, HOUR } from './profile';

/**
 * Past call history for demo callbacks. The history must be one the real rules could have produced:
 * retries no sooner than the retry spacing, never more than the contact caps per customer, and only
 * inside the calling window of the customer's day — otherwise the first screen would show rule
 * violations the product claims to prevent.
 */

const MINUTE = 60_000;
export const RETRY_SPACING = DEFAULT_SETTINGS.retrySpacingMinutes * MINUTE;
const FAILED: ReadonlySet<Disposition> = new Set(['no_answer', 'busy', 'voicemail']);

export function isFailed(d: Disposition): boolean {
  return FAILED.has(d);
}

export interface Plan {
  outcome: CallbackOutcome | null;
  dispositions: Disposition[];
}

const failed = weighted<Disposition>([['no_answer', 60], ['busy', 25], ['voicemail', 15]]);
const closedOutcome = weighted<CallbackOutcome>([['completed', 78], ['unreachable', 12], ['refused', 10]]);

export function closedPlan(rng: Prng): Plan {
  const outcome = closedOutcome(rng);
  switch (outcome) {
    case 'completed': {
      const x = rng.float();
      if (x < 0.6) return { outcome, dispositions: ['reached'] };
      if (x < 0.85) return { outcome, dispositions: [failed(rng), 'reached'] };
      return { outcome, dispositions: ['callback_later', 'reached'] };
    }
    case 'refused':
      return { outcome, dispositions: rng.chance(0.7) ? ['refused'] : [failed(rng), 'refused'] };
    default:
      // Unreachable means the maximum number of unanswered attempts was used up.
      return {
        outcome: 'unreachable',
        dispositions: Array.from({ length: DEFAULT_SETTINGS.maxAttempts }, () => failed(rng)),
      };
  }
}

/** Open callbacks keep fewer failures than the maximum, or they would have closed as unreachable. */
export function openPlan(rng: Prng): Plan {
  const n = Math.min(rng.chance(0.6) ? 1 : 2, DEFAULT_SETTINGS.maxAttempts - 1);
  return { outcome: null, dispositions: Array.from({ length: n }, () => failed(rng)) };
}

export interface PlacedAttempt {
  startedAt: number;
  endedAt: number;
  disposition: Disposition;
  callbackAt: number | null;
}

/** Ring-out and short calls take seconds; a real conversation a few minutes. */
function durationMs(rng: Prng, d: Disposition): number {
  switch (d) {
    case 'reached':
      return rng.int(90, 480) * 1000;
    case 'no_answer':
      return rng.int(25, 60) * 1000;
    case 'busy':
    case 'wrong_number':
    case 'callback_later':
    case 'dnc_requested':
      return rng.int(20, 60) * 1000;
    case 'voicemail':
    case 'refused':
      return rng.int(25, 90) * 1000;
  }
}

// Dialling happens inside the default calling window (09:00–21:00) with room to finish the call.
const DIAL = { firstMinute: 9 * 60, lastMinute: 20 * 60 + 50, step: 1 } as const;
const AGREED = { firstMinute: 9 * 60, lastMinute: 20 * 60 + 30, step: 15 } as const;

/** Smallest gap after an attempt with this disposition before the next one of the same callback. */
function minGap(d: Disposition): number {
  return d === 'callback_later' ? HOUR : RETRY_SPACING;
}

/**
 * Times for a planned sequence of attempts inside [from, to], or null when they do not fit (a young
 * customer record leaves no room for three spaced-out retries, say). `firstBy` bounds the first call
 * (the day it was dialled); the retries may run on until `to`.
 */
export function placeAttempts(rng: Prng, plan: Plan, from: number, to: number, zone: string, firstBy = to): PlacedAttempt[] | null {
  const ds = plan.dispositions;
  let span = 0;
  for (let i = 0; i < ds.length - 1; i++) span += minGap(ds[i] as Disposition);
  const firstStart = randomLocalSlot(rng, { from, to: Math.min(firstBy, to - span), zone, ...DIAL });
  if (firstStart === null) return null;
  const placed: PlacedAttempt[] = [];
  let start = firstStart + rng.int(0, 59) * 1000;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i] as Disposition;
    const endedAt = start + durationMs(rng, d);
    let callbackAt: number | null = null;
    let next: number | null = null;
    if (i < ds.length - 1) {
      if (d === 'callback_later') {
        callbackAt = randomLocalSlot(rng, { from: start + HOUR, to: Math.min(to, start + 30 * HOUR), zone, ...AGREED });
        if (callbackAt === null) return null;
        // Agents ring back at the agreed time, give or take a few minutes.
        next = callbackAt + rng.int(0, 300) * 1000;
      } else {
        const earliest = start + minGap(d);
        const latest = Math.min(to, earliest + 2 * DAY);
        const slot = randomLocalSlot(rng, { from: earliest, to: latest, zone, ...DIAL });
        if (slot === null) return null;
        next = slot + rng.int(0, 59) * 1000;
      }
    }
    placed.push({ startedAt: start, endedAt, disposition: d, callbackAt });
    if (next !== null) {
      if (next > to) return null;
      start = next;
    }
  }
  return placed;
}

/** Overlapping calls to one person are implausible even when the caps would allow them. */
const MIN_SEPARATION = 10 * MINUTE;

/**
 * Whether a customer's attempt start times (sorted) respect the contact caps. A window that merely
 * touches its boundary is treated as a violation too, so the demo stays clear of either reading of
 * "within 24 hours".
 */
export function fitsCaps(sortedStarts: readonly number[]): boolean {
  const limits: [number, number][] = [
    [DEFAULT_SETTINGS.capPer24h, DAY],
    [DEFAULT_SETTINGS.capPer7d, 7 * DAY],
  ];
  for (let i = 0; i < sortedStarts.length; i++) {
    const t = sortedStarts[i] as number;
    const prev = sortedStarts[i - 1];
    if (prev !== undefined && t - prev < MIN_SEPARATION) return false;
    for (const [cap, window] of limits) {
      const later = sortedStarts[i + cap];
      if (later !== undefined && later - t <= window) return false;
    }
  }
  return true;
}

const NOTES: Partial<Record<Disposition, readonly string[]>> = {
  reached: ['用户表示满意', '用户确认问题已解决', '已完成回访，用户无其他诉求', '用户对处理结果基本满意', '已告知活动详情，用户表示会关注'],
  refused: ['用户表示不需要回访', '用户拒绝沟通，已致歉', '用户称忙，不愿继续通话'],
  callback_later: ['用户在忙，约定稍后回电', '用户在开会，约定时间再联系'],
  no_answer: ['无人接听'],
  busy: ['占线'],
  voicemail: ['转语音信箱，未留言'],
  wrong_number: ['号码错误，非本人'],
};

export function attemptNote(rng: Prng, d: Disposition): string {
  const pool = NOTES[d];
  // Agents rarely type anything after an unanswered ring.
  if (!pool || (isFailed(d) && rng.chance(0.6))) return '';
  return rng.pick(pool);
}
