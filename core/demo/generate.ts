import { v7 as uuidv7 } from 'uuid';
import { FOREVER } from '../domain/model';
import type { Reason } from '../domain/model';
import type { AttemptRecord, CallbackRecord, CustomerRecord, DncRecord } from '../domain/records';
import { attemptNote, closedPlan, fitsCaps, isFailed, openPlan, placeAttempts, RETRY_SPACING } from './attempts';
import type { PlacedAttempt, Plan } from './attempts';
import { chooseNote, choosePriority, chooseReasons, consentGranted } from './callbacks';
import { atLocalMinute, randomLocalSlot } from './localtime';
import { makeHome, makeName, makePhone } from './people';
import { createPrng, weighted } from './prng';
import type { Prng } from './prng';
import { DAY, HOUR, makeConsents, makeProfile } from './profile';

/**
 * The first-run demo queue. The lead records `{seed, now, customers, agentIds}` as a mutation and
 * replays it to rebuild state, so the output is a pure function of the options: seeded draws only,
 * `now` as the only clock, and ids made from those draws.
 */

export interface DemoOptions {
  seed: number;
  /** Epoch ms everything is placed relative to. */
  now: number;
  customers: number;
  /** Existing users credited with past attempts; none means no call history at all. */
  agentIds: string[];
}

export interface DemoData {
  customers: CustomerRecord[];
  callbacks: CallbackRecord[];
  attempts: AttemptRecord[];
  dncEntries: DncRecord[];
}

export const DEMO_DEFAULTS = { seed: 20261122, customers: 5000 };

const MINUTE = 60_000;
const ABROAD_RATE = 0.08;
const COMPLAINT_RATE = 0.2;
const DNC_RATE = 0.03;
const BAD_PHONE_RATE = 0.01;
// Closure needs a call history, and only callable callbacks get one; this lands near 25% overall:
// five weeks of finished work beside this fortnight's open queue.
const CLOSED_RATE = 0.3;
const OPEN_WITH_HISTORY_RATE = 0.07;
/** Closed callbacks were dialled over the last five weeks (so a 30-day report has every day), open ones in the last 10 days. */
const CLOSED_HISTORY_DAYS = 35;
const OPEN_HISTORY_DAYS = 10;
/** The open queue was built over the last fortnight; a closed callback was queued a few days before its first call. */
const QUEUE_DAYS = 14;
const QUEUED_BEFORE_FIRST_CALL = 4 * DAY;
/** How busy a Beijing weekday is (Sunday first): the team works weekends on a skeleton rota. */
const WEEKDAY_LOAD = [0.35, 1, 1, 1, 1, 0.95, 0.5];
const BEIJING = 8 * HOUR;
const CALLBACKS_PER_CUSTOMER = weighted<number>([[1, 71], [2, 23], [3, 6]]);
const DUE_KIND = weighted<'none' | 'past' | 'future'>([['none', 35], ['past', 35], ['future', 30]]);
// Due times are set by people, so they sit on quarter hours of the customer's working day.
const DUE_WINDOW = { firstMinute: 10 * 60, lastMinute: 19 * 60 + 30, step: 15 } as const;

export function generateDemoData(opts: DemoOptions): DemoData {
  const { now, agentIds } = opts;
  const count = Math.max(0, Math.floor(opts.customers));
  // Separate streams: ids never shift when the content draws change, and vice versa.
  const rng = createPrng(opts.seed, 0);
  const newId = idFactory(createPrng(opts.seed, 1));
  const phones = new Set<string>();
  const out: DemoData = { customers: [], callbacks: [], attempts: [], dncEntries: [] };

  for (let i = 0; i < count; i++) {
    const hadComplaint = rng.chance(COMPLAINT_RATE);
    const livesAbroad = rng.chance(ABROAD_RATE);
    const { name, gender } = makeName(rng);
    const home = makeHome(rng, livesAbroad);
    let phone = makePhone(rng, home);
    while (phones.has(phone)) phone = makePhone(rng, home);
    phones.add(phone);
    const profile = makeProfile(rng, { now, livesAbroad, hadComplaint });
    const onDnc = rng.chance(DNC_RATE);
    const badPhone = rng.chance(BAD_PHONE_RATE);
    const consents = makeConsents(rng, onDnc);
    // A customer row is born with its first callback: new users soon after sign-up, others in an
    // earlier import that this fortnight's queue builds on.
    const createdAt = Math.floor(
      profile.segment === 'new'
        ? Math.min(profile.registeredAt + rng.range(10 * MINUTE, 6 * HOUR), now - 2 * HOUR)
        : now - rng.range(15 * DAY, 180 * DAY),
    );
    const customer: CustomerRecord = {
      id: newId(createdAt),
      name,
      phone,
      phoneStatus: badPhone ? 'bad' : 'ok',
      timezone: home.timezone,
      gender,
      city: home.city,
      segment: profile.segment,
      registeredAt: profile.registeredAt,
      lastActiveAt: profile.lastActiveAt,
      txnCount30d: profile.txnCount30d,
      balanceBand: profile.balanceBand,
      tags: profile.tags,
      ...consents,
      dncUntil: null,
      capUntil: null,
      createdAt,
    };
    out.customers.push(customer);

    const reasons = chooseReasons(rng, { segment: profile.segment, hadComplaint, consents }, CALLBACKS_PER_CUSTOMER(rng));
    const earliest = Math.max(createdAt, now - QUEUE_DAYS * DAY);
    const earliestClosed = Math.max(createdAt, now - (CLOSED_HISTORY_DAYS + 1) * DAY);
    const attemptStarts: number[] = [];
    let firstCallbackAt = Number.POSITIVE_INFINITY;
    reasons.forEach((reason, index) => {
      const canCall = agentIds.length > 0 && !onDnc && consentGranted(consents, reason);
      // A bad number is known because someone dialled it: its first callback closed as wrong number.
      const plan: Plan | null =
        badPhone && canCall && index === 0
          ? { outcome: 'wrong_number', dispositions: ['wrong_number'] }
          : badPhone || !canCall
            ? null
            : rng.chance(CLOSED_RATE)
              ? closedPlan(rng)
              : rng.chance(OPEN_WITH_HISTORY_RATE)
                ? openPlan(rng)
                : null;
      const closing = plan?.outcome != null;
      const history = plan ? placeWithinCaps(rng, plan, closing ? earliestClosed : earliest, now, customer.timezone, attemptStarts, closing) : null;
      const first = history?.[0];
      const cb = buildCallback(rng, {
        customer,
        reason,
        plan: history ? plan : null,
        history,
        earliest: closing && first ? Math.max(earliestClosed, first.startedAt - QUEUED_BEFORE_FIRST_CALL) : earliest,
        now,
        note: chooseNote(rng, reason, { ...profile, now, livesAbroad }),
        id: newId,
      });
      firstCallbackAt = Math.min(firstCallbackAt, cb.createdAt);
      out.callbacks.push(cb);
      if (!history) return;
      const agent = rng.pick(agentIds);
      for (const a of history) {
        out.attempts.push({
          id: newId(a.startedAt),
          callbackId: cb.id,
          customerId: customer.id,
          // Follow-ups usually stay with the agent who made the first call.
          agentId: rng.chance(0.7) ? agent : rng.pick(agentIds),
          startedAt: a.startedAt,
          endedAt: a.endedAt,
          disposition: a.disposition,
          notes: attemptNote(rng, a.disposition),
          callbackAt: a.callbackAt,
        });
      }
    });

    if (onDnc) {
      // Listed before this fortnight's callbacks were queued, so none of them was ever dialled.
      const listedAt = Math.floor(rng.range(createdAt, Math.max(createdAt, firstCallbackAt - MINUTE)));
      const expiresAt = rng.chance(0.55)
        ? atLocalMinute(now + rng.range(7 * DAY, 365 * DAY), customer.timezone, 0)
        : null;
      out.dncEntries.push({
        id: newId(listedAt),
        customerId: customer.id,
        phone,
        source: 'demo',
        createdAt: listedAt,
        createdBy: null,
        expiresAt,
      });
      customer.dncUntil = expiresAt ?? FOREVER;
    }
  }
  return out;
}

/**
 * A few tries at placing the history; giving up leaves the callback without one. The first call falls
 * on a day drawn by how busy that weekday is: of the last five weeks for a closed callback, of the last
 * 10 days for an open one.
 */
function placeWithinCaps(
  rng: Prng,
  plan: Plan,
  earliest: number,
  now: number,
  zone: string,
  customerStarts: number[],
  closing: boolean,
): PlacedAttempt[] | null {
  for (let tries = 0; tries < 3; tries++) {
    const from = Math.max(earliest + HOUR, now - (closing ? CLOSED_HISTORY_DAYS : OPEN_HISTORY_DAYS) * DAY);
    const day = dialDay(rng, from, now - HOUR);
    if (!day) return null;
    const placed = placeAttempts(rng, plan, day.from, now - HOUR, zone, day.to);
    if (!placed) continue;
    const starts = [...customerStarts, ...placed.map((a) => a.startedAt)].sort((a, b) => a - b);
    if (!fitsCaps(starts)) continue;
    customerStarts.splice(0, customerStarts.length, ...starts);
    return placed;
  }
  return null;
}

/** A Beijing day inside [from, to], weighted by its weekday's load and by how much of it lies inside; null if none. */
function dialDay(rng: Prng, from: number, to: number): { from: number; to: number } | null {
  const days: { from: number; to: number; weight: number }[] = [];
  let total = 0;
  for (let start = Math.floor((from + BEIJING) / DAY) * DAY - BEIJING; start <= to; start += DAY) {
    const d = { from: Math.max(from, start), to: Math.min(to, start + DAY - 1) };
    if (d.to <= d.from) continue;
    const weekday = new Date(start + BEIJING).getUTCDay();
    const weight = (WEEKDAY_LOAD[weekday] as number) * ((d.to - d.from) / DAY);
    days.push({ ...d, weight });
    total += weight;
  }
  let x = rng.float() * total;
  for (const d of days) {
    x -= d.weight;
    if (x < 0) return d;
  }
  return days[days.length - 1] ?? null;
}

interface CallbackInput {
  customer: CustomerRecord;
  reason: Reason;
  plan: Plan | null;
  history: PlacedAttempt[] | null;
  earliest: number;
  now: number;
  note: string;
  id: (msecs: number) => string;
}

function buildCallback(rng: Prng, input: CallbackInput): CallbackRecord {
  const { customer, reason, plan, history, earliest, now } = input;
  const zone = customer.timezone;
  const first = history?.[0];
  const last = history?.[history.length - 1];
  const closed = plan?.outcome != null && last !== undefined;

  let dueAt: number | null = null;
  if (closed && first) {
    if (rng.chance(0.5)) {
      dueAt = randomLocalSlot(rng, { from: earliest + 30 * MINUTE, to: first.startedAt, zone, ...DUE_WINDOW });
    }
  } else {
    const kind = DUE_KIND(rng);
    if (kind === 'past') {
      const from = Math.max(now - 5 * DAY, earliest + 30 * MINUTE);
      dueAt = randomLocalSlot(rng, { from, to: now - HOUR, zone, ...DUE_WINDOW });
    } else if (kind === 'future') {
      dueAt = randomLocalSlot(rng, { from: now + HOUR, to: now + 7 * DAY, zone, ...DUE_WINDOW });
    }
  }

  // Queued before it fell due and before anyone dialled it.
  let latest = now;
  if (dueAt !== null && dueAt < latest) latest = dueAt;
  if (first && first.startedAt < latest) latest = first.startedAt;
  const createdAt = Math.floor(rng.range(earliest, Math.max(earliest, latest - 15 * MINUTE)));

  if (!closed && last) {
    // The retry spacing after the last unanswered call decides when it may be tried again.
    const retryAt = last.startedAt + RETRY_SPACING;
    if (retryAt > now) dueAt = retryAt;
  }

  const attempts = history?.length ?? 0;
  const failedAttempts = history ? history.filter((a) => isFailed(a.disposition)).length : 0;
  return {
    id: input.id(createdAt),
    customerId: customer.id,
    reason,
    priority: choosePriority(rng, reason, customer.segment ?? 'active'),
    dueAt,
    state: closed ? 'closed' : 'open',
    outcome: closed ? (plan?.outcome ?? null) : null,
    attempts,
    failedAttempts,
    leaseAgentId: null,
    leaseExpiresAt: null,
    notes: input.note,
    source: 'demo',
    importBatchId: null,
    createdAt,
    closedAt: closed && last ? last.endedAt : null,
  };
}

/** UUIDv7 from the record's own time and seeded bytes; a Set makes uniqueness certain, not likely. */
function idFactory(rng: Prng): (msecs: number) => string {
  const seen = new Set<string>();
  return (msecs) => {
    let id = uuidv7({ msecs, random: rng.bytes16() });
    while (seen.has(id)) id = uuidv7({ msecs, random: rng.bytes16() });
    seen.add(id);
    return id;
  };
}
