import { compileCalendar } from '../sla/business-time';
import type { CompiledCalendar } from '../sla/business-time';
import { DEFAULT_CALENDAR } from '../sla/calendar';
import type { CalendarContent } from '../sla/calendar';
import { computeClock, measure, NOT_STARTED } from './clock';
import type { ClockState, SlaAppliedData, SlaClock, TicketEvent, TicketLevel, TicketState, TicketStatus } from './model';

/*
 * A ticket's state and SLA clocks, derived from its events at `now`. The product rules:
 *
 * - Two clocks, first_response and resolution, both counted in business minutes of the calendar named
 *   by the LATEST sla_applied event, over the ticket's running segments.
 * - A clock runs while the status is new or open, from creation on. It is paused while
 *   pending_customer (resumes on the move back to open) and does not count while resolved or closed.
 *   Reopening (resolved/closed → open) resumes the resolution clock with the minutes already used.
 * - first_response stops at the first `replied` event (an internal `noted` does not stop it); a resolve
 *   before any reply counts as the response. It never restarts.
 * - Targets and the warning rule come from the latest sla_applied: a priority or category change
 *   appends a new one, consumed time is kept and the new target applies. No sla_applied yet: both
 *   clocks are not_started.
 * - Due times are never stored. While running, dueAt is where the consumed time reaches the target
 *   (addBusinessMinutes from the open segment's start by what is left); paused or stopped: null.
 * - Breached: the clock ran on after its due instant (consumed > target, or = target with calendar time
 *   gone by). breachedByMinutes = consumed − target; breachedByMs = now − dueAt while running.
 *   Stopped within target: met; over: missed.
 * - Warning: percent → consumed ≥ target × value / 100; minutes → remaining ≤ value.
 *
 * Decided here (not in the brief): ticket level is done (resolved/closed) › breached (any clock,
 * including a missed first response on a ticket still open) › paused › warning › ok; nextDueAt is the
 * earliest dueAt of a running clock even when past; resolvedAt/closedAt clear on reopen; a calendar
 * version that cannot be found falls back to DEFAULT_CALENDAR with calendarMissing set, so one bad
 * reference never hides a ticket; events are trusted as recorded (status_changed applies `to` even if
 * `from` disagrees: the service validated it when writing).
 *
 * Calendars are compiled once per content object: `calendars` should return the same object for the
 * same version on every call, or every ticket pays for compiling it again.
 */

export type CalendarLookup = (versionId: string) => CalendarContent | undefined;

const RUNNING: Readonly<Record<TicketStatus, boolean>> = { new: true, open: true, pending_customer: false, resolved: false, closed: false };
const DONE: Readonly<Record<TicketStatus, boolean>> = { new: false, open: false, pending_customer: false, resolved: true, closed: true };

export function deriveTicket(events: readonly TicketEvent[], calendars: CalendarLookup, now: number): TicketState {
  const first = events[0];
  // Same-instant events may sort before their 'created' by id; no 'created' at all is a broken history.
  const created = first !== undefined && isCreated(first) ? first : events.find(isCreated);
  if (created === undefined) throw new Error(`deriveTicket: no 'created' event among ${events.length} events`);
  const c = created.data;
  const s: TicketState = {
    id: created.ticketId,
    status: 'new',
    priority: c.priority,
    category: c.category,
    subject: c.subject,
    description: c.description,
    channel: c.channel,
    customerId: c.customerId,
    callbackId: c.callbackId,
    attemptId: c.attemptId,
    assigneeId: c.assigneeId,
    createdAt: created.at,
    createdBy: created.actorId,
    updatedAt: created.at,
    firstRespondedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenCount: 0,
    calendarVersionId: null,
    calendarMissing: false,
    policyId: null,
    firstResponse: { ...NOT_STARTED },
    resolution: { ...NOT_STARTED },
    level: 'ok',
    nextDueAt: null,
    escalated: false,
    breachesRecorded: [],
    pendingBreaches: [],
  };

  const segs: number[] = [];
  let openStart: number | null = created.at;
  let frSegs: number[] | null = null;
  let sla: SlaAppliedData | null = null;

  for (const e of events) {
    // Stryker disable next-line ConditionalExpression: only says it plainly; the 'created' event falls into the no-op case below
    if (e === created) continue;
    // Stryker disable next-line EqualityOperator: at an equal instant the assignment writes the same value
    if (e.at > s.updatedAt) s.updatedAt = e.at;
    switch (e.type) {
      case 'created':
        break; // a second 'created' is a duplicate fact: the first one stands
      case 'sla_applied':
        sla = e.data;
        break;
      case 'assigned':
        s.assigneeId = e.data.assigneeId;
        break;
      case 'priority_changed':
        s.priority = e.data.to;
        break;
      case 'category_changed':
        s.category = e.data.to;
        break;
      case 'replied':
        if (s.firstRespondedAt === null) {
          s.firstRespondedAt = e.at;
          frSegs = cut(segs, openStart, e.at);
        }
        break;
      case 'noted':
        break;
      case 'breach_recorded':
        s.escalated = true;
        if (!s.breachesRecorded.includes(e.data.clock)) s.breachesRecorded.push(e.data.clock);
        break;
      case 'status_changed': {
        const from = s.status;
        const to = e.data.to;
        if (to === 'resolved' || to === 'closed') {
          if (s.firstRespondedAt === null) {
            s.firstRespondedAt = e.at;
            frSegs = cut(segs, openStart, e.at);
          }
          s.resolvedAt ??= e.at;
          if (to === 'closed') s.closedAt = e.at;
        } else if (DONE[from]) {
          s.reopenCount++;
          s.resolvedAt = null;
          s.closedAt = null;
        }
        if (RUNNING[from] && !RUNNING[to]) {
          segs.push(openStart!, e.at);
          openStart = null;
        } else if (!RUNNING[from] && RUNNING[to]) openStart = e.at;
        s.status = to;
        break;
      }
    }
  }

  if (sla !== null) {
    const applied: SlaAppliedData = sla;
    s.calendarVersionId = applied.calendarVersionId;
    s.policyId = applied.policyId;
    let content = calendars(applied.calendarVersionId);
    if (content === undefined) {
      content = DEFAULT_CALENDAR;
      s.calendarMissing = true;
    }
    const cal = compileCalendar(content);
    const segMs = measure(cal, segs);
    const paused = s.status === 'pending_customer';
    s.resolution = computeClock(
      {
        cal,
        segs,
        openStart,
        now,
        targetMinutes: applied.resolutionMinutes,
        warning: applied.warning,
        state: openStart !== null ? 'running' : paused ? 'paused' : 'stopped',
        stoppedAt: s.resolvedAt,
      },
      segMs,
    );
    const fr = frSegs;
    s.firstResponse =
      fr === null
        ? // Stryker disable next-line ConditionalExpression: computeClock treats 'running' without an open segment as paused, so the state here only says it plainly
          computeClock({ cal, segs, openStart, now, targetMinutes: applied.firstResponseMinutes, warning: applied.warning, state: openStart !== null ? 'running' : 'paused', stoppedAt: null }, segMs)
        : computeClock(
            { cal, segs: fr, openStart: null, now, targetMinutes: applied.firstResponseMinutes, warning: applied.warning, state: 'stopped', stoppedAt: s.firstRespondedAt },
            reuse(cal, fr, segs, segMs),
          );
  }

  s.level = ticketLevel(s.status, s.firstResponse, s.resolution);
  for (const k of [s.firstResponse, s.resolution]) {
    // Stryker disable next-line EqualityOperator: with equal due times either one is the same next due time
    if (k.dueAt !== null && (s.nextDueAt === null || k.dueAt < s.nextDueAt)) s.nextDueAt = k.dueAt;
  }
  if (s.firstResponse.level === 'breached' && !s.breachesRecorded.includes('first_response')) s.pendingBreaches.push('first_response');
  if (s.resolution.level === 'breached' && !s.breachesRecorded.includes('resolution')) s.pendingBreaches.push('resolution');
  return s;
}

type CreatedEvent = Extract<TicketEvent, { type: 'created' }>;
const isCreated = (e: TicketEvent): e is CreatedEvent => e.type === 'created';

/** The running segments as they stand at `at`, the open one closed there. */
function cut(segs: readonly number[], openStart: number | null, at: number): number[] {
  return openStart !== null ? [...segs, openStart, at] : segs.slice();
}

/** The first-response segments are the resolution ones cut at the response: measure only what differs. */
function reuse(cal: CompiledCalendar, fr: readonly number[], segs: readonly number[], segMs: readonly number[]): number[] {
  // Stryker disable next-line ArrayDeclaration: presizing is a speed-up; every slot is written below
  const out: number[] = new Array<number>(fr.length >> 1);
  for (let i = 0; i < fr.length; i += 2) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a speed-up; measuring an unchanged segment again gives the number reused (fr is segs cut at the response: same starts, ends never earlier than the previous end)
    out[i >> 1] = fr[i] === segs[i] && fr[i + 1] === segs[i + 1] ? segMs[i >> 1]! : cal.msBetween(fr[i]!, fr[i + 1]!);
  }
  return out;
}

function ticketLevel(status: TicketStatus, fr: ClockState, res: ClockState): TicketLevel {
  if (DONE[status]) return 'done';
  if (fr.level === 'breached' || res.level === 'breached') return 'breached';
  if (status === 'pending_customer') return 'paused';
  if (fr.level === 'warning' || res.level === 'warning') return 'warning';
  return 'ok';
}

/** Clocks breached at `now` with no breach_recorded yet, as the service writes them. */
export function breachesToRecord(state: TicketState): { clock: SlaClock; dueAt: number }[] {
  const out: { clock: SlaClock; dueAt: number }[] = [];
  for (const clock of state.pendingBreaches) {
    const k = clock === 'first_response' ? state.firstResponse : state.resolution;
    if (k.breachedAt !== null) out.push({ clock, dueAt: k.breachedAt });
  }
  return out;
}

/** A breach recorded by a console that had not yet received the event that met the target in time. */
export interface SyncDelayedBreach {
  clock: SlaClock;
  /** The due instant the breach was recorded against. */
  dueAt: number;
  /** When the clock stopped (the reply, or the resolve), as recorded where it happened: before dueAt. */
  stoppedAt: number;
  /** When the breach was recorded. */
  recordedAt: number;
}

/**
 * Breaches caused by sync delay: a reply or resolve recorded (offline, on another console) before the due
 * time reached the team after it, so a console that could not see it recorded a breach. Events are
 * ordered by the time they happened, so the clock itself reads as met; the breach event stays (facts are
 * append-only), and the SLA board shows it apart instead of counting it against the agent.
 */
export function syncDelayedBreaches(events: readonly TicketEvent[], state: TicketState): SyncDelayedBreach[] {
  const out: SyncDelayedBreach[] = [];
  for (const e of events) {
    if (e.type !== 'breach_recorded') continue;
    const stoppedAt = e.data.clock === 'first_response' ? state.firstRespondedAt : state.resolvedAt;
    if (stoppedAt !== null && stoppedAt <= e.data.dueAt) {
      out.push({ clock: e.data.clock, dueAt: e.data.dueAt, stoppedAt, recordedAt: e.at });
    }
  }
  return out;
}
