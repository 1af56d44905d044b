import {
  REASON_CLASS,
  REASON_PURPOSE,
  type BlockReason,
  type CallbackFacts,
  type ConsentState,
  type CustomerFacts,
} from '../domain/model';
import type { Settings } from '../settings';
import { checkCallingWindow } from './calling-window';

export interface Block {
  reason: BlockReason;
  /** When the block lifts, if it lifts on its own (scheduled time, cap window, DNC expiry). */
  until?: number | null;
  /** Customer-local wall time, for window blocks. */
  localTime?: string;
}

export type Callability = { callable: true } | { callable: false; blocks: Block[] };

export interface CallabilityInput {
  callback: CallbackFacts;
  customer: CustomerFacts & { capUntil: number | null };
  agentId: string;
  now: number;
  settings: Settings;
}

/** Marketing needs an explicit opt-in; service and survey calls go ahead unless the customer refused. */
export function consentAllows(purposeState: ConsentState, needsOptIn: boolean): boolean {
  return needsOptIn ? purposeState === 'granted' : purposeState !== 'refused';
}

/**
 * The compliance guard. Runs when the queue is built and again when an attempt is recorded, so a
 * stale screen can never lead to a non-compliant call. Returns every reason, in explanation order.
 */
export function assessCallability({ callback, customer, agentId, now, settings }: CallabilityInput): Callability {
  const blocks: Block[] = [];
  if (callback.state !== 'open') blocks.push({ reason: 'closed' });
  if (
    callback.leaseAgentId !== null &&
    callback.leaseAgentId !== agentId &&
    callback.leaseExpiresAt !== null &&
    callback.leaseExpiresAt > now
  ) {
    blocks.push({ reason: 'leased', until: callback.leaseExpiresAt });
  }
  if (customer.phoneStatus === 'bad') blocks.push({ reason: 'bad_number' });
  const marketing = REASON_CLASS[callback.reason] === 'marketing';
  if (marketing && customer.dncUntil !== null && customer.dncUntil > now) {
    blocks.push({ reason: 'dnc', until: customer.dncUntil });
  }
  const purpose = REASON_PURPOSE[callback.reason];
  if (!consentAllows(customer.consents[purpose], purpose === 'marketing')) blocks.push({ reason: 'no_consent' });
  if (callback.dueAt !== null && callback.dueAt > now) blocks.push({ reason: 'scheduled_later', until: callback.dueAt });
  const window = checkCallingWindow(now, customer.timezone, settings);
  if (!window.allowed) blocks.push({ reason: window.reason, until: window.nextOpenAt, localTime: window.localTime });
  if (customer.capUntil !== null && customer.capUntil > now) blocks.push({ reason: 'contact_cap', until: customer.capUntil });
  return blocks.length === 0 ? { callable: true } : { callable: false, blocks };
}
