import type { CustomerRecord } from '../core/domain/records';

/**
 * A plain callable customer in Shanghai, every consent granted and nothing else known: the base the test
 * seeders (test/helpers.ts on the console, test/appliers-helpers.ts on the store seam) fill in. Imports
 * nothing but types, so the appliers' mutation run can copy it into its sandbox alone.
 */
export function plainCustomer(identity: Pick<CustomerRecord, 'id' | 'name' | 'phone' | 'createdAt'>): CustomerRecord {
  return {
    ...identity,
    phoneStatus: 'ok',
    timezone: 'Asia/Shanghai',
    gender: 'unknown',
    city: null,
    segment: null,
    registeredAt: null,
    lastActiveAt: null,
    txnCount30d: null,
    balanceBand: null,
    tags: [],
    consentService: 'granted',
    consentSurvey: 'granted',
    consentMarketing: 'granted',
    dncUntil: null,
    capUntil: null,
  };
}
