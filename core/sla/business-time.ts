import { DateTime, IANAZone } from 'luxon';
import { checkCalendar, civilDate, isoWeekday, parseLocalDate, WEEKDAYS } from './calendar';
import type { CalendarContent, CalendarProblem, Period } from './calendar';

/*
 * Business-time arithmetic on a calendar. SLA clocks call it for every ticket on every list, so the
 * calendar is compiled once (memoised by object identity: keep passing the same content object) into a
 * lazily filled cache of local days. Each day holds its working intervals as epoch milliseconds; luxon
 * is only used when a day is first built (a few wall-time conversions), never per call.
 *
 * Intervals come from wall-clock periods converted in the calendar's zone on that very date, so
 * daylight-saving days get their real length: a wall time skipped by a spring-forward gap moves to
 * the first instant after the gap, and each day is clipped to [its midnight, the next midnight) so days
 * never overlap even in zones whose midnight is ambiguous.
 *
 * Results are exact: nothing is rounded. With whole-millisecond inputs the *Ms functions stay whole.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Ten years without one working minute: no sane calendar gets here, and it bounds every loop. */
const MAX_IDLE_DAYS = 3660;

/** A calendar that has no working time left after some instant, so a target can never be reached. */
export class NoBusinessTimeError extends Error {
  readonly code = 'no_business_time';
  constructor(readonly from: number) {
    super(`The calendar has no working time after ${new Date(from).toISOString()}: a business-time target can never be reached.`);
    this.name = 'NoBusinessTimeError';
  }
}

/** Content that breaks a calendar rule (see checkCalendar) cannot be compiled. */
export class InvalidCalendarError extends Error {
  readonly code = 'invalid_calendar';
  constructor(readonly problems: CalendarProblem[]) {
    super(`The calendar cannot be used: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'InvalidCalendarError';
  }
}

interface Day {
  /** Local day number (days since 1970-01-01). */
  n: number;
  /** Epoch ms of this local midnight and of the next one. */
  start: number;
  end: number;
  /** Working intervals [start0, end0, start1, end1, …] in epoch ms, sorted, disjoint, non-empty. */
  iv: number[];
  /** Working ms in the whole day. */
  total: number;
}

export class CompiledCalendar {
  readonly zone: IANAZone;
  private readonly weekly: Period[][] = [];
  private readonly holidays = new Set<number>();
  private readonly workdays = new Set<number>();
  private readonly makeup: Period[];
  /** Past this local day there is no working time at all (Infinity when some weekday has hours). */
  private readonly lastWorkingDay: number;
  private readonly days = new Map<number, Day>();
  private last: Day | undefined;
  /** Local-minus-UTC offset of the last day looked up: the guess for the next instant → day mapping. */
  private offset = 0;

  constructor(readonly content: CalendarContent) {
    const problems = checkCalendar(content);
    if (problems.length > 0) throw new InvalidCalendarError(problems);
    this.zone = IANAZone.create(content.timezone);
    // Stryker disable next-line ArrayDeclaration: weekly has all seven days by type; the fallback never applies
    for (const wd of WEEKDAYS) this.weekly[Number(wd)] = sortPeriods(content.weekly[wd] ?? []);
    for (const h of content.holidays) this.holidays.add(parseLocalDate(h.date)!);
    for (const w of content.workdays) this.workdays.add(parseLocalDate(w.date)!);
    this.makeup = sortPeriods(content.makeupPeriods);
    // lastWorkingDay only ends the day walk early; without it the MAX_IDLE_DAYS bound throws the same NoBusinessTimeError (msBetween adds nothing more), later.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: see lastWorkingDay above
    const weeklyWorks = this.weekly.some((p) => p.length > 0);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: see lastWorkingDay above
    const makeupDays = this.makeup.length > 0 ? [...this.workdays] : [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: see lastWorkingDay above (Math.max() of no days is -Infinity too)
    this.lastWorkingDay = weeklyWorks ? Infinity : makeupDays.length > 0 ? Math.max(...makeupDays) : -Infinity;
  }

  /** The instant when `ms` of business time have passed after `from`; `from` itself when ms is 0. */
  addMs(from: number, ms: number): number {
    // Stryker disable next-line StringLiteral: message wording
    if (!Number.isFinite(from) || !Number.isFinite(ms) || ms < 0) throw new RangeError(`addBusinessMs: expected a finite instant and ms >= 0, got ${from}, ${ms}`);
    if (ms === 0) return from;
    let rem = ms;
    let day = this.dayAt(from);
    let cur = from;
    let idle = 0;
    for (;;) {
      const iv = day.iv;
      if (day.total > 0) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: a speed-up (the loop below walks the same day to the same remainder); only `rem > day.total` matters, and it is pinned
        if (cur <= iv[0]! && rem > day.total) {
          rem -= day.total; // the whole day is ahead of us and not enough: skip it in one step
        } else {
          for (let i = 0; i < iv.length; i += 2) {
            const e = iv[i + 1]!;
            // Stryker disable next-line EqualityOperator: an interval ending at `cur` adds 0 either way
            if (e <= cur) continue;
            // Stryker disable next-line EqualityOperator: equal values
            const s = iv[i]! > cur ? iv[i]! : cur;
            const len = e - s;
            if (rem <= len) return s + rem;
            rem -= len;
          }
        }
        idle = 0;
      } else if (
        // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,UpdateOperator: two bounds on one walk; either alone ends it with the same error (see lastWorkingDay)
        day.n > this.lastWorkingDay || ++idle > MAX_IDLE_DAYS
      ) {
        throw new NoBusinessTimeError(from);
      }
      day = this.day(day.n + 1);
      cur = day.start;
    }
  }

  /** Business ms in [from, to); 0 when to <= from. */
  msBetween(from: number, to: number): number {
    // Stryker disable next-line StringLiteral: message wording
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError(`businessMsBetween: expected finite instants, got ${from}, ${to}`);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a speed-up; the walk below sums nothing for an empty range
    if (to <= from) return 0;
    let day = this.dayAt(from);
    let sum = 0;
    for (;;) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a speed-up; a day without working time adds nothing
      if (day.total > 0) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: a speed-up; summing the intervals of a whole day gives its total
        if (from <= day.start && to >= day.end) sum += day.total;
        else {
          const iv = day.iv;
          for (let i = 0; i < iv.length; i += 2) {
            // Stryker disable next-line EqualityOperator: equal values
            const s = iv[i]! > from ? iv[i]! : from;
            // Stryker disable next-line EqualityOperator: equal values
            const e = iv[i + 1]! < to ? iv[i + 1]! : to;
            // Stryker disable next-line EqualityOperator: adds 0 when equal
            if (e > s) sum += e - s;
          }
        }
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: `to` at a day's end adds 0 from the next day; the lastWorkingDay stop is a speed-up (see above)
      if (to <= day.end || day.n >= this.lastWorkingDay) return sum;
      day = this.day(day.n + 1);
    }
  }

  isBusiness(ms: number): boolean {
    if (!Number.isFinite(ms)) return false;
    const iv = this.dayAt(ms).iv;
    // Stryker disable next-line EqualityOperator: one step past the end compares with undefined, which is false
    for (let i = 0; i < iv.length; i += 2) if (ms >= iv[i]! && ms < iv[i + 1]!) return true;
    return false;
  }

  /** The working intervals of the local day containing `ms`, as [start, end] epoch-ms pairs. */
  intervalsOn(ms: number): [number, number][] {
    const iv = this.dayAt(ms).iv;
    const out: [number, number][] = [];
    for (let i = 0; i < iv.length; i += 2) out.push([iv[i]!, iv[i + 1]!]);
    return out;
  }

  private dayAt(ms: number): Day {
    const l = this.last;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a memo of the last day; at its start the lookup below finds the same day (its end is pinned)
    if (l !== undefined && ms >= l.start && ms < l.end) return l;
    // Stryker disable next-line ArithmeticOperator: the guess only saves steps; the two loops below correct any guess
    let day = this.day(Math.floor((ms + this.offset) / DAY_MS));
    // Stryker disable next-line EqualityOperator: at a day's start the next loop steps forward to the same day
    while (ms < day.start) day = this.day(day.n - 1);
    while (ms >= day.end) day = this.day(day.n + 1);
    this.offset = day.n * DAY_MS - day.start;
    this.last = day;
    return day;
  }

  private day(n: number): Day {
    return this.days.get(n) ?? this.build(n);
  }

  private build(n: number): Day {
    const start = this.days.get(n - 1)?.end ?? this.midnight(n);
    const end = this.days.get(n + 1)?.start ?? this.midnight(n + 1);
    const periods = this.holidays.has(n) ? [] : this.workdays.has(n) ? this.makeup : this.weekly[isoWeekday(n)]!;
    const iv: number[] = [];
    let total = 0;
    let floor = start;
    for (const p of periods) {
      // Stryker disable next-line ConditionalExpression: wall(n, 0) is this midnight, which `start` already is
      const s = Math.min(end, Math.max(floor, p.start === 0 ? start : this.wall(n, p.start)));
      // Stryker disable next-line ConditionalExpression,EqualityOperator: luxon reads 24:00 as the next midnight, which `end` already is
      const e = Math.min(end, Math.max(s, p.end >= 1440 ? end : this.wall(n, p.end)));
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty interval adds 0 and contains no instant
      if (e > s) {
        iv.push(s, e);
        total += e - s;
        floor = e;
      }
    }
    const day: Day = { n, start, end, iv, total };
    this.days.set(n, day);
    return day;
  }

  private midnight(n: number): number {
    return this.wall(n, 0);
  }

  /** Epoch ms of a wall-clock minute on local day n (luxon resolves gaps forward and overlaps once). */
  private wall(n: number, minute: number): number {
    const { year, month, day } = civilDate(n);
    return DateTime.fromObject({ year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: this.zone }).toMillis();
  }
}

function sortPeriods(periods: readonly Period[]): Period[] {
  return [...periods].sort((a, b) => a.start - b.start);
}

const compiled = new WeakMap<CalendarContent, CompiledCalendar>();

/**
 * The compiled form of `content`, built once per content object. Throws InvalidCalendarError when the
 * content breaks a rule. Content is treated as immutable: edit a copy, never the object in place.
 */
export function compileCalendar(content: CalendarContent): CompiledCalendar {
  let c = compiled.get(content);
  if (c === undefined) {
    c = new CompiledCalendar(content);
    compiled.set(content, c);
  }
  return c;
}

export type AnyCalendar = CalendarContent | CompiledCalendar;

const resolve = (cal: AnyCalendar): CompiledCalendar => (cal instanceof CompiledCalendar ? cal : compileCalendar(cal));

/**
 * The instant when `minutes` of business time have passed after `fromMs` (fractional minutes allowed).
 * 0 minutes is `fromMs` itself, even outside working hours; a target that ends exactly at the end of a
 * period lands on that end (18:00), not on the next opening. Throws NoBusinessTimeError when the
 * calendar has no working time left to reach the target, RangeError for negative minutes.
 */
export function addBusinessMinutes(cal: AnyCalendar, fromMs: number, minutes: number): number {
  return resolve(cal).addMs(fromMs, minutes * MINUTE_MS);
}

/** Business minutes in [fromMs, toMs), fractional; 0 when toMs <= fromMs. Never throws for finite input. */
export function businessMinutesBetween(cal: AnyCalendar, fromMs: number, toMs: number): number {
  return resolve(cal).msBetween(fromMs, toMs) / MINUTE_MS;
}

/** Same as addBusinessMinutes with a millisecond amount: whole-ms inputs give whole-ms results. */
export function addBusinessMs(cal: AnyCalendar, fromMs: number, ms: number): number {
  return resolve(cal).addMs(fromMs, ms);
}

export function businessMsBetween(cal: AnyCalendar, fromMs: number, toMs: number): number {
  return resolve(cal).msBetween(fromMs, toMs);
}

/** Whether `ms` falls inside a working period (periods are half-open: 18:00 itself is closed). */
export function isBusinessTime(cal: AnyCalendar, ms: number): boolean {
  return resolve(cal).isBusiness(ms);
}
