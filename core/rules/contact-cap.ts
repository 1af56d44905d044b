import type { Settings } from '../settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type CapRules = Pick<Settings, 'capPer24h' | 'capPer7d'>;

/**
 * The rolling contact cap: at most `capPer24h` attempts in any 24 h and `capPer7d` in any 7 days per
 * customer, across all their callbacks. Returns the first instant at which one more attempt is allowed
 * (null when one is allowed right now). Being an instant, it can be stored and indexed for the queue.
 */
export function capBlockedUntil(attemptTimes: readonly number[], now: number, rules: CapRules): number | null {
  const blockedBy = (windowMs: number, limit: number): number | null => {
    const inWindow = attemptTimes.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
    if (inWindow.length < limit) return null;
    // The window frees up when enough of its oldest attempts have aged out to leave room for one more.
    const mustAgeOut = inWindow.length - limit + 1;
    return inWindow[mustAgeOut - 1]! + windowMs;
  };
  const a = blockedBy(DAY, rules.capPer24h);
  const b = blockedBy(7 * DAY, rules.capPer7d);
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** How far back attempt history matters to the cap. */
export const CAP_LOOKBACK_MS = 7 * DAY;
