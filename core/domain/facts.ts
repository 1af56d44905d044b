import type { CallbackFacts, CustomerFacts } from './model';
import type { CallbackRecord, CustomerRecord } from './records';

export const toCallbackFacts = (c: CallbackRecord): CallbackFacts => ({
  id: c.id,
  reason: c.reason,
  priority: c.priority,
  dueAt: c.dueAt,
  state: c.state,
  leaseAgentId: c.leaseAgentId,
  leaseExpiresAt: c.leaseExpiresAt,
  createdAt: c.createdAt,
});

export const toCustomerFacts = (c: CustomerRecord): CustomerFacts & { capUntil: number | null } => ({
  id: c.id,
  phoneStatus: c.phoneStatus,
  timezone: c.timezone,
  consents: { service: c.consentService, survey: c.consentSurvey, marketing: c.consentMarketing },
  dncUntil: c.dncUntil,
  capUntil: c.capUntil,
});
