import { NoBusinessTimeError } from '../sla/business-time';
import type { CompiledCalendar } from '../sla/business-time';
import type { SlaWarning } from '../sla/policy';
import type { ClockState } from './model';

/*
 * One SLA clock from its running segments. Everything is in whole milliseconds of business time so that
 * event times in ms give exact sums; minutes appear only in the output.
 *
 * "Due" is the instant at which the business time consumed along the running segments reaches the
 * target. For a clock still inside its open segment that is the future due time; when a stricter target
 * arrived later (priority raised) or the target was passed before a pause, it is the past instant where
 * the target was crossed, so breachedAt and breachedByMs read the same way in every case.
 */

const MINUTE_MS = 60_000;

export interface ClockInput {
  cal: CompiledCalendar;
  /** Closed running segments, flat: [start0, end0, start1, end1, …]. */
  segs: readonly number[];
  /** Start of the segment still running at `now`, else null. */
  openStart: number | null;
  now: number;
  targetMinutes: number;
  warning: SlaWarning;
  /** How the clock stands apart from its segments: stopped clocks are met or missed. */
  state: 'running' | 'paused' | 'stopped';
  stoppedAt: number | null;
}

export const NOT_STARTED: ClockState = Object.freeze({
  target: 0,
  consumedMinutes: 0,
  remainingMinutes: 0,
  status: 'not_started',
  dueAt: null,
  warnAt: null,
  level: 'ok',
  breachedByMinutes: 0,
  breachedByMs: 0,
  breachedAt: null,
  stoppedAt: null,
}) as ClockState;

/** Business ms of each closed segment, shared by both clocks of a ticket (see deriveTicket). */
export function measure(cal: CompiledCalendar, segs: readonly number[]): number[] {
  const out: number[] = new Array<number>(segs.length >> 1);
  for (let i = 0; i < segs.length; i += 2) out[i >> 1] = cal.msBetween(segs[i]!, segs[i + 1]!);
  return out;
}

export function computeClock(input: ClockInput, segMs: readonly number[]): ClockState {
  const { cal, segs, openStart, now, state } = input;
  const targetMs = input.targetMinutes * MINUTE_MS;
  const warnMs = input.warning.kind === 'percent' ? (targetMs * input.warning.value) / 100 : targetMs - input.warning.value * MINUTE_MS;
  let closedMs = 0;
  for (let i = 0; i < segMs.length; i++) closedMs += segMs[i]!;
  const running = state === 'running' && openStart !== null;
  const consumed = closedMs + (running && now > openStart ? cal.msBetween(openStart, now) : 0);

  /** The instant the consumed time reached `limit`, or null when it has not and cannot yet. */
  const crossing = (limit: number): number | null => {
    if (limit <= 0) return segs.length > 0 ? segs[0]! : openStart;
    let cum = 0;
    for (let i = 0; i < segMs.length; i++) {
      const len = segMs[i]!;
      if (cum + len >= limit) return cal.addMs(segs[2 * i]!, limit - cum);
      cum += len;
    }
    if (!running) return null;
    try {
      return cal.addMs(openStart, limit - cum);
    } catch (e) {
      if (e instanceof NoBusinessTimeError) return null;
      throw e;
    }
  };

  const dueAt = running ? crossing(targetMs) : null;
  // Breached once the clock was still running after its due instant: over the target, or exactly at
  // it with calendar time gone by (due 18:00, still open at 19:00 though no business minute passed).
  let breachedAt: number | null = null;
  if (running) {
    if (dueAt !== null && now > dueAt) breachedAt = dueAt;
  } else if (consumed >= targetMs && segs.length > 0) {
    const at = crossing(targetMs);
    if (at !== null && (consumed > targetMs || segs[segs.length - 1]! > at)) breachedAt = at;
  }
  const breached = breachedAt !== null;
  const level = breached ? 'breached' : state !== 'stopped' && consumed >= warnMs ? 'warning' : 'ok';
  return {
    target: input.targetMinutes,
    consumedMinutes: consumed / MINUTE_MS,
    remainingMinutes: Math.max(0, targetMs - consumed) / MINUTE_MS,
    status: state === 'stopped' ? (breached ? 'missed' : 'met') : running ? 'running' : 'paused',
    dueAt,
    warnAt: running ? crossing(warnMs) : null,
    level,
    breachedByMinutes: Math.max(0, consumed - targetMs) / MINUTE_MS,
    breachedByMs: running && dueAt !== null && breached ? now - dueAt : 0,
    breachedAt,
    stoppedAt: state === 'stopped' ? input.stoppedAt : null,
  };
}
