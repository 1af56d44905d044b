import type { SlaPolicy, TicketPriority } from '../sla/policy';
import type { SlaClock, TicketCreatedData, TicketEvent, TicketStatus } from './model';

/*
 * A ticket history written the way the service would append it, for tests and the bench. Event ids are
 * a zero-padded counter so (at, id) order is the order of the calls.
 */

type EventOf<T extends TicketEvent['type']> = Extract<TicketEvent, { type: T }>;

export const CALENDAR_2026 = 'cal-2026';

export class TicketHistory {
  readonly events: TicketEvent[] = [];
  status: TicketStatus = 'new';
  private n = 0;

  constructor(
    readonly ticketId = 't-1',
    readonly actorId: string | null = 'agent-1',
  ) {}

  private push<T extends TicketEvent['type']>(type: T, at: number, data: EventOf<T>['data']): this {
    const id = `${this.ticketId}-${String(this.n++).padStart(4, '0')}`;
    this.events.push({ id, ticketId: this.ticketId, at, actorId: this.actorId, type, data } as TicketEvent);
    return this;
  }

  create(at: number, patch: Partial<TicketCreatedData> = {}): this {
    return this.push('created', at, {
      priority: 'P2',
      category: 'payments',
      subject: '转账未到账',
      description: '客户反映昨天的转账至今未到账。',
      channel: 'callback',
      customerId: 'cust-1',
      callbackId: null,
      attemptId: null,
      assigneeId: null,
      ...patch,
    });
  }

  /** Targets from a policy (or given directly), on the 2026 China calendar unless said otherwise. */
  sla(at: number, p: Pick<SlaPolicy, 'firstResponseMinutes' | 'resolutionMinutes' | 'warning'> & { id?: string }, calendarVersionId = CALENDAR_2026): this {
    return this.push('sla_applied', at, {
      policyId: p.id ?? null,
      firstResponseMinutes: p.firstResponseMinutes,
      resolutionMinutes: p.resolutionMinutes,
      warning: p.warning,
      calendarVersionId,
    });
  }

  to(at: number, status: TicketStatus, reason?: string): this {
    const from = this.status;
    this.status = status;
    return this.push('status_changed', at, reason === undefined ? { from, to: status } : { from, to: status, reason });
  }

  reply(at: number, body = '您好，我们已收到您的反馈。'): this {
    return this.push('replied', at, { body });
  }

  note(at: number, body = '内部备注'): this {
    return this.push('noted', at, { body });
  }

  assign(at: number, assigneeId: string | null): this {
    return this.push('assigned', at, { assigneeId });
  }

  priority(at: number, from: TicketPriority, to: TicketPriority): this {
    return this.push('priority_changed', at, { from, to });
  }

  category(at: number, from: string, to: string): this {
    return this.push('category_changed', at, { from, to });
  }

  breach(at: number, clock: SlaClock, dueAt: number): this {
    return this.push('breach_recorded', at, { clock, dueAt });
  }
}
