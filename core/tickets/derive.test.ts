import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../sla/calendar';
import { DEFAULT_POLICIES } from '../sla/policy';
import type { SlaPolicy } from '../sla/policy';
import { breachesToRecord, deriveTicket, syncDelayedBreaches } from './derive';
import type { ClockState, TicketState } from './model';
import { CALENDAR_2026, TicketHistory } from './testing';

/** 'YYYY-MM-DD HH:mm' in Shanghai. 2026-03-02 is a Monday. */
const sh = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const calendars = (v: string) => (v === CALENDAR_2026 ? DEFAULT_CALENDAR : undefined);
const policy = (id: string): SlaPolicy => DEFAULT_POLICIES.find((p) => p.id === id)!;
const P1 = policy('sla-p1'); // 30 / 240
const P2 = policy('sla-p2'); // 60 / 480
const P3 = policy('sla-p3'); // 240 / 1440
const P4 = policy('sla-p4'); // 480 / 2400
const MIN = 60_000;

/** A P2 ticket created (and given its SLA) at `at`. */
const ticket = (at: string, p: SlaPolicy = P2) =>
  new TicketHistory()
    .create(sh(at), { priority: p.priority })
    .sla(sh(at), p);

type Expect = { ticket?: Partial<TicketState>; fr?: Partial<ClockState>; res?: Partial<ClockState> };
type Case = [string, TicketHistory, string, Expect];

const due = (s: string) => sh(s);

const cases: Case[] = [
  [
    'running inside a period',
    ticket('2026-03-02 10:00'),
    '2026-03-02 10:30',
    {
      ticket: { status: 'new', level: 'ok', nextDueAt: due('2026-03-02 11:00') },
      fr: { status: 'running', consumedMinutes: 30, remainingMinutes: 30, dueAt: due('2026-03-02 11:00'), warnAt: due('2026-03-02 10:48'), level: 'ok' },
      res: { status: 'running', target: 480, consumedMinutes: 30, dueAt: due('2026-03-03 10:00') },
    },
  ],
  ['warning at 80 %', ticket('2026-03-02 10:00'), '2026-03-02 10:50', { ticket: { level: 'warning' }, fr: { level: 'warning', remainingMinutes: 10 } }],
  ['the lunch break does not count', ticket('2026-03-02 11:30'), '2026-03-02 13:10', { fr: { consumedMinutes: 40, dueAt: due('2026-03-02 13:30') } }],
  [
    'a start outside hours waits for the opening',
    ticket('2026-03-02 19:30'),
    '2026-03-03 08:00',
    { fr: { consumedMinutes: 0, dueAt: due('2026-03-03 10:00') }, res: { dueAt: due('2026-03-03 18:00') } },
  ],
  [
    'breached first response while running',
    ticket('2026-03-02 10:00'),
    '2026-03-02 11:30',
    {
      ticket: { level: 'breached', pendingBreaches: ['first_response'], escalated: false },
      fr: { level: 'breached', breachedByMinutes: 30, breachedByMs: 30 * MIN, breachedAt: due('2026-03-02 11:00'), remainingMinutes: 0 },
    },
  ],
  [
    'due at closing and still open in the evening is breached by 0 business minutes',
    ticket('2026-03-02 17:00'),
    '2026-03-02 19:00',
    { fr: { level: 'breached', consumedMinutes: 60, breachedByMinutes: 0, breachedByMs: 60 * MIN, dueAt: due('2026-03-02 18:00') } },
  ],
  ['an internal note is not a response', ticket('2026-03-02 10:00').note(sh('2026-03-02 10:20')), '2026-03-02 10:40', { fr: { status: 'running', consumedMinutes: 40 } }],
  [
    'a reply stops the first-response clock within target',
    ticket('2026-03-02 10:00').note(sh('2026-03-02 10:20')).reply(sh('2026-03-02 10:50')),
    '2026-03-02 15:00',
    {
      ticket: { firstRespondedAt: sh('2026-03-02 10:50'), nextDueAt: due('2026-03-03 10:00') },
      fr: { status: 'met', consumedMinutes: 50, dueAt: null, warnAt: null, stoppedAt: sh('2026-03-02 10:50'), level: 'ok' },
      res: { status: 'running', consumedMinutes: 240 },
    },
  ],
  [
    'a late reply is a missed first response',
    ticket('2026-03-02 10:00').reply(sh('2026-03-02 11:10')),
    '2026-03-02 11:20',
    {
      ticket: { level: 'breached', pendingBreaches: ['first_response'] },
      fr: { status: 'missed', breachedByMinutes: 10, breachedByMs: 0, breachedAt: due('2026-03-02 11:00'), level: 'breached' },
    },
  ],
  [
    'a resolve before any reply counts as the response',
    ticket('2026-03-02 10:00').to(sh('2026-03-02 10:05'), 'open').to(sh('2026-03-02 10:40'), 'resolved'),
    '2026-03-03 10:00',
    {
      ticket: { status: 'resolved', level: 'done', firstRespondedAt: sh('2026-03-02 10:40'), resolvedAt: sh('2026-03-02 10:40'), nextDueAt: null },
      fr: { status: 'met', consumedMinutes: 40 },
      res: { status: 'met', consumedMinutes: 40, stoppedAt: sh('2026-03-02 10:40'), dueAt: null },
    },
  ],
  [
    'pending_customer pauses both clocks',
    ticket('2026-03-02 10:00').to(sh('2026-03-02 10:10'), 'open').to(sh('2026-03-02 10:30'), 'pending_customer'),
    '2026-03-02 16:00',
    { ticket: { level: 'paused', nextDueAt: null }, fr: { status: 'paused', consumedMinutes: 30, dueAt: null, warnAt: null }, res: { status: 'paused', consumedMinutes: 30 } },
  ],
  [
    'the clocks resume where they stopped',
    ticket('2026-03-02 10:00').to(sh('2026-03-02 10:10'), 'open').to(sh('2026-03-02 10:30'), 'pending_customer').to(sh('2026-03-02 14:00'), 'open'),
    '2026-03-02 14:20',
    { fr: { status: 'running', consumedMinutes: 50, dueAt: due('2026-03-02 14:30') }, res: { consumedMinutes: 50, dueAt: due('2026-03-03 13:30') } },
  ],
  [
    'a pause does not hide a breach',
    ticket('2026-03-02 10:00').to(sh('2026-03-02 11:15'), 'pending_customer'),
    '2026-03-02 15:00',
    { ticket: { level: 'breached', pendingBreaches: ['first_response'] }, fr: { status: 'paused', level: 'breached', breachedByMinutes: 15, breachedAt: due('2026-03-02 11:00') } },
  ],
  [
    'resolved while pending: the resolution clock stops where it paused',
    ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:10')).to(sh('2026-03-02 10:30'), 'pending_customer').to(sh('2026-03-05 10:00'), 'resolved'),
    '2026-03-06 10:00',
    { res: { status: 'met', consumedMinutes: 30, stoppedAt: sh('2026-03-05 10:00') } },
  ],
  [
    'National Day: nothing counts from Oct 1 to Oct 7',
    ticket('2026-09-30 17:00'),
    '2026-10-05 12:00',
    { fr: { dueAt: due('2026-09-30 18:00'), level: 'breached', breachedByMinutes: 0 }, res: { consumedMinutes: 60, dueAt: due('2026-10-08 17:00'), level: 'ok' } },
  ],
  [
    'make-up Saturday 2026-10-10 counts',
    ticket('2026-10-09 16:00', P1),
    '2026-10-09 16:10',
    { fr: { target: 30, dueAt: due('2026-10-09 16:30') }, res: { target: 240, dueAt: due('2026-10-10 11:00') } },
  ],
  ['Spring Festival with the Feb 14 make-up day', ticket('2026-02-13 14:00', P3), '2026-02-13 14:00', { res: { target: 1440, dueAt: due('2026-02-25 14:00') } }],
  [
    'reopen after resolve keeps the minutes already used',
    ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:20')).to(sh('2026-03-02 11:00'), 'resolved').to(sh('2026-03-03 10:00'), 'open'),
    '2026-03-03 11:00',
    {
      ticket: { status: 'open', reopenCount: 1, resolvedAt: null, level: 'ok' },
      fr: { status: 'met', consumedMinutes: 20 },
      res: { status: 'running', consumedMinutes: 120, dueAt: due('2026-03-03 18:00') },
    },
  ],
  [
    'reopen after close',
    ticket('2026-03-02 10:00')
      .reply(sh('2026-03-02 10:20'))
      .to(sh('2026-03-02 11:00'), 'resolved')
      .to(sh('2026-03-02 12:00'), 'closed')
      .to(sh('2026-03-04 09:00'), 'open'),
    '2026-03-04 10:00',
    { ticket: { reopenCount: 1, closedAt: null, resolvedAt: null }, res: { status: 'running', consumedMinutes: 120 } },
  ],
  [
    'closed: done, the clock stays stopped at the resolve',
    ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:20')).to(sh('2026-03-02 11:00'), 'resolved').to(sh('2026-03-02 12:00'), 'closed'),
    '2026-03-09 10:00',
    { ticket: { status: 'closed', level: 'done', resolvedAt: sh('2026-03-02 11:00'), closedAt: sh('2026-03-02 12:00') }, res: { status: 'met', consumedMinutes: 60 } },
  ],
  [
    'priority raised mid-way: the new target applies, consumed is kept',
    ticket('2026-03-02 09:00', P3).reply(sh('2026-03-02 09:30')).priority(sh('2026-03-02 11:00'), 'P3', 'P1').sla(sh('2026-03-02 11:00'), P1),
    '2026-03-02 13:30',
    {
      ticket: { priority: 'P1', policyId: 'sla-p1', level: 'warning' },
      res: { target: 240, consumedMinutes: 210, dueAt: due('2026-03-02 14:00'), warnAt: due('2026-03-02 13:12'), level: 'warning' },
    },
  ],
  [
    'priority raised past the new target: breached from where the target was crossed',
    ticket('2026-03-02 09:00', P4).reply(sh('2026-03-02 09:10')).priority(sh('2026-03-02 14:20'), 'P4', 'P1').sla(sh('2026-03-02 14:20'), P1),
    '2026-03-02 14:30',
    { res: { consumedMinutes: 270, dueAt: due('2026-03-02 14:00'), breachedByMinutes: 30, breachedByMs: 30 * MIN, level: 'breached' } },
  ],
  [
    'a recorded breach escalates and is not pending again',
    ticket('2026-03-02 10:00').breach(sh('2026-03-02 11:01'), 'first_response', sh('2026-03-02 11:00')),
    '2026-03-02 11:30',
    { ticket: { escalated: true, breachesRecorded: ['first_response'], pendingBreaches: [], level: 'breached' } },
  ],
  [
    'a minutes warning: warn with 15 business minutes left',
    new TicketHistory().create(sh('2026-03-02 10:00')).sla(sh('2026-03-02 10:00'), { firstResponseMinutes: 60, resolutionMinutes: 480, warning: { kind: 'minutes', value: 15 } }),
    '2026-03-02 10:45',
    { fr: { level: 'warning', warnAt: due('2026-03-02 10:45') }, res: { level: 'ok', warnAt: due('2026-03-03 09:45') } },
  ],
  [
    'no SLA applied yet: clocks not started',
    new TicketHistory().create(sh('2026-03-02 10:00')).assign(sh('2026-03-02 10:01'), 'agent-2'),
    '2026-03-03 10:00',
    { ticket: { assigneeId: 'agent-2', level: 'ok', nextDueAt: null, calendarVersionId: null }, fr: { status: 'not_started', dueAt: null }, res: { status: 'not_started' } },
  ],
  [
    'an unknown calendar version falls back to the default calendar',
    new TicketHistory().create(sh('2026-03-02 10:00')).sla(sh('2026-03-02 10:00'), P2, 'cal-gone'),
    '2026-03-02 10:30',
    { ticket: { calendarMissing: true, calendarVersionId: 'cal-gone' }, fr: { dueAt: due('2026-03-02 11:00') } },
  ],
];

describe('deriveTicket SLA clocks', () => {
  it.each(cases)('%s', (_what, h, now, expected) => {
    const s = deriveTicket(h.events, calendars, sh(now));
    if (expected.ticket) expect(s).toMatchObject(expected.ticket);
    if (expected.fr) expect(s.firstResponse).toMatchObject(expected.fr);
    if (expected.res) expect(s.resolution).toMatchObject(expected.res);
  });
});

describe('deriveTicket state', () => {
  it('carries the created fields and later edits', () => {
    const h = new TicketHistory('t-9', 'agent-7')
      .create(sh('2026-03-02 10:00'), { category: 'payments', callbackId: 'cb-1', attemptId: 'at-1' })
      .sla(sh('2026-03-02 10:00'), { ...P2, id: 'sla-p2' })
      .category(sh('2026-03-02 10:05'), 'payments', 'account_security')
      .assign(sh('2026-03-02 10:06'), 'agent-3');
    const s = deriveTicket(h.events, calendars, sh('2026-03-02 10:10'));
    expect(s).toMatchObject({
      id: 't-9',
      category: 'account_security',
      callbackId: 'cb-1',
      attemptId: 'at-1',
      assigneeId: 'agent-3',
      createdBy: 'agent-7',
      createdAt: sh('2026-03-02 10:00'),
      updatedAt: sh('2026-03-02 10:06'),
      policyId: 'sla-p2',
    });
  });

  it("accepts a same-instant event sorted before 'created'", () => {
    const h = ticket('2026-03-02 10:00');
    const [created, applied] = h.events;
    const s = deriveTicket([applied!, created!], calendars, sh('2026-03-02 10:30'));
    expect(s.firstResponse.consumedMinutes).toBe(30);
  });

  it("refuses a history without 'created'", () => {
    expect(() => deriveTicket([], calendars, 0)).toThrow(/created/);
  });

  it('breachesToRecord gives the service each pending breach with its due instant', () => {
    const h = ticket('2026-03-02 10:00').reply(sh('2026-03-02 11:10'));
    const s = deriveTicket(h.events, calendars, sh('2026-03-03 12:00'));
    expect(breachesToRecord(s)).toEqual([
      { clock: 'first_response', dueAt: sh('2026-03-02 11:00') },
      { clock: 'resolution', dueAt: sh('2026-03-03 10:00') },
    ]);
  });
});

describe('syncDelayedBreaches: a breach recorded before the reply or resolve that met the target arrived', () => {
  const at = (events: ReturnType<typeof ticket>) => deriveTicket(events.events, calendars, sh('2026-03-02 17:00'));
  it('a reply made in time (offline) behind a recorded breach: caused by sync delay', () => {
    const h = ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:30')).breach(sh('2026-03-02 11:10'), 'first_response', sh('2026-03-02 11:00'));
    expect(syncDelayedBreaches(h.events, at(h))).toEqual([
      { clock: 'first_response', dueAt: sh('2026-03-02 11:00'), stoppedAt: sh('2026-03-02 10:30'), recordedAt: sh('2026-03-02 11:10') },
    ]);
  });
  it('a reply at the due instant is in time; a resolve in time counts for the resolution clock', () => {
    const h = ticket('2026-03-02 10:00')
      .reply(sh('2026-03-02 11:00'))
      .to(sh('2026-03-02 12:00'), 'resolved')
      .breach(sh('2026-03-02 12:05'), 'first_response', sh('2026-03-02 11:00'))
      .breach(sh('2026-03-02 18:10'), 'resolution', sh('2026-03-02 18:00'));
    expect(syncDelayedBreaches(h.events, at(h)).map((d) => [d.clock, d.stoppedAt])).toEqual([
      ['first_response', sh('2026-03-02 11:00')],
      ['resolution', sh('2026-03-02 12:00')],
    ]);
  });
  it('a real breach (the reply came after the due time), or a clock never stopped, is not', () => {
    const late = ticket('2026-03-02 10:00').breach(sh('2026-03-02 11:05'), 'first_response', sh('2026-03-02 11:00')).reply(sh('2026-03-02 11:10'));
    expect(syncDelayedBreaches(late.events, at(late))).toEqual([]);
    const open = ticket('2026-03-02 10:00').breach(sh('2026-03-02 11:05'), 'first_response', sh('2026-03-02 11:00'));
    expect(syncDelayedBreaches(open.events, at(open))).toEqual([]);
  });
});

describe('deriveTicket: which event changes what', () => {
  /** The 2026 calendar as worked around the clock, every day: a second calendar a ticket can name. */
  const ROUND_THE_CLOCK = 'cal-24x7';
  const allDay = [{ start: 0, end: 1440 }];
  const roundTheClock = {
    ...DEFAULT_CALENDAR,
    weekly: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
    holidays: [],
    workdays: [],
    makeupPeriods: allDay,
  };
  const twoCalendars = (v: string) => (v === ROUND_THE_CLOCK ? roundTheClock : calendars(v));

  const rules: Case[] = [
    [
      'only the first reply is the first response; later replies change nothing',
      ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:20')).reply(sh('2026-03-02 10:50')).reply(sh('2026-03-02 11:30')),
      '2026-03-02 14:00',
      { ticket: { firstRespondedAt: sh('2026-03-02 10:20'), level: 'ok', pendingBreaches: [] }, fr: { status: 'met', consumedMinutes: 20, stoppedAt: sh('2026-03-02 10:20') } },
    ],
    [
      'a resolve after the reply does not move the first response',
      ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:20')).to(sh('2026-03-02 11:30'), 'resolved'),
      '2026-03-02 14:00',
      { ticket: { firstRespondedAt: sh('2026-03-02 10:20') }, fr: { status: 'met', consumedMinutes: 20 } },
    ],
    [
      'new → open and pending_customer → open are not reopens',
      ticket('2026-03-02 10:00').to(sh('2026-03-02 10:05'), 'open').to(sh('2026-03-02 10:10'), 'pending_customer').to(sh('2026-03-02 10:40'), 'open'),
      '2026-03-02 11:00',
      { ticket: { status: 'open', reopenCount: 0, resolvedAt: null, closedAt: null } },
    ],
    [
      'resolving sets resolvedAt, not closedAt',
      ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:20')).to(sh('2026-03-02 11:00'), 'resolved'),
      '2026-03-02 12:00',
      { ticket: { status: 'resolved', resolvedAt: sh('2026-03-02 11:00'), closedAt: null, level: 'done' } },
    ],
    [
      'every reopen is counted, and each resolve after a reopen is the new resolvedAt',
      ticket('2026-03-02 10:00')
        .reply(sh('2026-03-02 10:10'))
        .to(sh('2026-03-02 10:30'), 'resolved')
        .to(sh('2026-03-02 11:00'), 'open')
        .to(sh('2026-03-02 11:30'), 'resolved')
        .to(sh('2026-03-02 14:00'), 'closed')
        .to(sh('2026-03-02 15:00'), 'open')
        .to(sh('2026-03-02 16:00'), 'resolved'),
      '2026-03-02 17:00',
      { ticket: { reopenCount: 2, resolvedAt: sh('2026-03-02 16:00'), closedAt: null }, res: { status: 'met', consumedMinutes: 30 + 30 + 60, stoppedAt: sh('2026-03-02 16:00') } },
    ],
    [
      'closed after a reopen without a new resolve: resolved at the close',
      ticket('2026-03-02 10:00').reply(sh('2026-03-02 10:10')).to(sh('2026-03-02 10:30'), 'resolved').to(sh('2026-03-02 10:40'), 'open').to(sh('2026-03-02 11:00'), 'closed'),
      '2026-03-02 12:00',
      { ticket: { status: 'closed', resolvedAt: sh('2026-03-02 11:00'), closedAt: sh('2026-03-02 11:00'), reopenCount: 1 }, res: { status: 'met', consumedMinutes: 50 } },
    ],
    [
      'a ticket breached only on its resolution clock is breached',
      ticket('2026-03-02 09:00', P1).reply(sh('2026-03-02 09:10')),
      '2026-03-02 14:30',
      {
        ticket: { level: 'breached', pendingBreaches: ['resolution'], nextDueAt: due('2026-03-02 14:00') },
        fr: { status: 'met', level: 'ok' },
        res: { status: 'running', level: 'breached', consumedMinutes: 270, breachedAt: due('2026-03-02 14:00') },
      },
    ],
    [
      'a resolution breach is pending until it is recorded, whatever was recorded for the first response',
      ticket('2026-03-02 09:00', P1).breach(sh('2026-03-02 09:31'), 'first_response', sh('2026-03-02 09:30')).reply(sh('2026-03-02 09:40')),
      '2026-03-02 14:30',
      { ticket: { escalated: true, breachesRecorded: ['first_response'], pendingBreaches: ['resolution'], level: 'breached' } },
    ],
    [
      'a breach recorded twice is listed once',
      ticket('2026-03-02 10:00')
        .breach(sh('2026-03-02 11:01'), 'first_response', sh('2026-03-02 11:00'))
        .breach(sh('2026-03-02 11:02'), 'first_response', sh('2026-03-02 11:00')),
      '2026-03-02 11:30',
      { ticket: { breachesRecorded: ['first_response'], pendingBreaches: [] } },
    ],
    [
      'a paused ticket with a clock in its warning zone is paused, not warning',
      ticket('2026-03-02 10:00').to(sh('2026-03-02 10:50'), 'pending_customer'),
      '2026-03-02 11:30',
      { ticket: { level: 'paused' }, fr: { status: 'paused', level: 'warning' } },
    ],
    [
      'the resolution clock alone in its warning zone makes the ticket warning',
      ticket('2026-03-02 09:00', P1).reply(sh('2026-03-02 09:10')),
      '2026-03-02 13:20',
      { ticket: { level: 'warning' }, fr: { level: 'ok' }, res: { level: 'warning' } },
    ],
    [
      'the calendar is the one the latest sla_applied names',
      new TicketHistory()
        .create(sh('2026-03-07 10:00'))
        .sla(sh('2026-03-07 10:00'), P2)
        .sla(sh('2026-03-07 10:00'), P2, ROUND_THE_CLOCK),
      '2026-03-07 10:30',
      {
        ticket: { calendarVersionId: ROUND_THE_CLOCK, calendarMissing: false, nextDueAt: due('2026-03-07 11:00') },
        fr: { consumedMinutes: 30, dueAt: due('2026-03-07 11:00') },
        res: { dueAt: due('2026-03-07 18:00') },
      },
    ],
    [
      'a known calendar is not missing',
      ticket('2026-03-02 10:00'),
      '2026-03-02 10:30',
      { ticket: { calendarVersionId: CALENDAR_2026, calendarMissing: false } },
    ],
    [
      'the earlier due time of the running clocks is next due, even when it is the resolution',
      new TicketHistory().create(sh('2026-03-02 10:00')).sla(sh('2026-03-02 10:00'), { firstResponseMinutes: 240, resolutionMinutes: 60, warning: { kind: 'percent', value: 80 } }),
      '2026-03-02 10:30',
      { ticket: { nextDueAt: due('2026-03-02 11:00') }, fr: { dueAt: due('2026-03-02 15:00') }, res: { dueAt: due('2026-03-02 11:00') } },
    ],
    [
      'a second created event is a duplicate: the first one stands',
      new TicketHistory()
        .create(sh('2026-03-02 10:00'), { priority: 'P2', subject: 'first' })
        .create(sh('2026-03-02 10:05'), { priority: 'P4', subject: 'second' })
        .sla(sh('2026-03-02 10:00'), P2),
      '2026-03-02 10:30',
      { ticket: { priority: 'P2', subject: 'first', createdAt: sh('2026-03-02 10:00'), updatedAt: sh('2026-03-02 10:05') } },
    ],
  ];

  it.each(rules)('%s', (_what, h, now, expected) => {
    const s = deriveTicket(h.events, twoCalendars, sh(now));
    if (expected.ticket) expect(s).toMatchObject(expected.ticket);
    if (expected.fr) expect(s.firstResponse).toMatchObject(expected.fr);
    if (expected.res) expect(s.resolution).toMatchObject(expected.res);
  });

  it('updatedAt is the latest event time, even when a same-instant event sorts before creation', () => {
    const h = ticket('2026-03-02 10:00').note(sh('2026-03-02 10:20'));
    const [created, applied, noted] = h.events;
    expect(deriveTicket([applied!, created!, noted!], calendars, sh('2026-03-02 11:00')).updatedAt).toBe(sh('2026-03-02 10:20'));
    expect(deriveTicket([noted!, created!, applied!], calendars, sh('2026-03-02 11:00')).updatedAt).toBe(sh('2026-03-02 10:20'));
  });
});
