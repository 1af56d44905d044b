import { generateDemoData } from '../../core/demo/generate';

/*
 * The rows every first-sync contender copies: `n` customers from the demo generator (in chunks, phones
 * made unique across chunks) and one callback each (its first), as plain rows keyed by the server's
 * column names. Deterministic: the sync server, the PouchDB server and the floor all hold the same rows.
 */

export type Row = Record<string, string | number | null>;

export interface TeamRows {
  customers: Row[];
  callbacks: Row[];
}

export const ROWS_SEED = 20261201;
const CHUNK = 25_000;

export function teamRows(n: number, now: number, agentIds: string[] = []): TeamRows {
  const customers: Row[] = [];
  const callbacks: Row[] = [];
  const phones = new Set<string>();
  let synthetic = 0;
  for (let chunk = 0; customers.length < n; chunk++) {
    const data = generateDemoData({ seed: ROWS_SEED + chunk, now, customers: Math.min(CHUNK, n - customers.length + 100), agentIds });
    const first = new Map<string, (typeof data.callbacks)[number]>();
    for (const cb of data.callbacks) if (!first.has(cb.customerId)) first.set(cb.customerId, cb);
    for (const c of data.customers) {
      if (customers.length >= n) break;
      const cb = first.get(c.id);
      if (!cb) continue;
      if (phones.has(c.phone)) c.phone = `+86199${String(synthetic++).padStart(8, '0')}`;
      phones.add(c.phone);
      customers.push({
        id: c.id,
        name: c.name,
        phone: c.phone,
        phone_status: c.phoneStatus,
        timezone: c.timezone,
        gender: c.gender,
        city: c.city,
        segment: c.segment,
        registered_at: c.registeredAt,
        last_active_at: c.lastActiveAt,
        txn_count_30d: c.txnCount30d,
        balance_band: c.balanceBand,
        tags: JSON.stringify(c.tags),
        consent_service: c.consentService,
        consent_survey: c.consentSurvey,
        consent_marketing: c.consentMarketing,
        dnc_until: c.dncUntil,
        cap_until: c.capUntil,
        created_at: c.createdAt,
      });
      callbacks.push({
        id: cb.id,
        customer_id: cb.customerId,
        reason: cb.reason,
        priority: cb.priority,
        due_at: cb.dueAt,
        state: cb.state,
        outcome: cb.outcome,
        attempts: cb.attempts,
        failed_attempts: cb.failedAttempts,
        lease_agent_id: null,
        lease_expires_at: null,
        notes: cb.notes,
        source: cb.source,
        import_batch_id: cb.importBatchId,
        created_at: cb.createdAt,
        closed_at: cb.closedAt,
        timezone: c.timezone,
        ticket_id: null,
      });
    }
    if (data.customers.length === 0) throw new Error('bench: the demo generator produced no customers');
  }
  return { customers, callbacks };
}

/** Mean size of a row as JSON (what a document or a pulled row image roughly weighs). */
export function meanJsonBytes(rows: Row[]): number {
  let total = 0;
  const step = Math.max(1, Math.floor(rows.length / 2000));
  let n = 0;
  for (let i = 0; i < rows.length; i += step, n++) total += Buffer.byteLength(JSON.stringify(rows[i]));
  return n ? total / n : 0;
}
