/** Tickets: event types, status transitions and the derivation of state and SLA clocks from events. */
export * from './model';
export { canReopenClosed, canTransition, isReopen, TRANSITIONS } from './transitions';
export { breachesToRecord, deriveTicket, syncDelayedBreaches, type SyncDelayedBreach } from './derive';
export type { CalendarLookup } from './derive';
export { nextWarnAt, ticketCode } from './summary';
