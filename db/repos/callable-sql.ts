import { REASON_CLASS, REASON_PURPOSE, REASONS, type Reason } from '../../core/domain/model';

/*
 * SQL twin of core/rules/callability.ts (the guard), for filtering whole queues in the database.
 * Zones whose calling window is open are worked out in core and passed in as JSON. A property test
 * (test/callable-parity.test.ts) keeps the two in step; the guard in core stays the authority and is
 * re-run on whatever this picks.
 */

const quote = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const reasonsWhere = (pred: (r: Reason) => boolean) => quote(REASONS.filter(pred));

const MARKETING = reasonsWhere((r) => REASON_CLASS[r] === 'marketing');
const consentClause = (['service', 'survey', 'marketing'] as const)
  .map((purpose) => {
    const reasons = reasonsWhere((r) => REASON_PURPOSE[r] === purpose);
    const test = purpose === 'marketing' ? `c.consent_marketing = 'granted'` : `c.consent_${purpose} <> 'refused'`;
    return `(cb.reason IN (${reasons}) AND ${test})`;
  })
  .join(' OR ');

/** Needs params @now, @agentId, @zones (JSON array of open zones). Aliases: cb = callbacks, c = customers. */
export const CALLABLE_SQL = `(
  cb.state = 'open'
  AND (cb.lease_agent_id IS NULL OR cb.lease_agent_id = @agentId OR cb.lease_expires_at IS NULL OR cb.lease_expires_at <= @now)
  AND c.phone_status = 'ok'
  AND (cb.reason NOT IN (${MARKETING}) OR c.dnc_until IS NULL OR c.dnc_until <= @now)
  AND (${consentClause})
  AND (cb.due_at IS NULL OR cb.due_at <= @now)
  AND c.timezone IN (SELECT value FROM json_each(@zones))
  AND (c.cap_until IS NULL OR c.cap_until <= @now)
)`;
