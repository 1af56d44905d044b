import type { CustomerRecord } from '../domain/records';
import { all, get, type Q, write } from './sql';

export const CUSTOMER_COLUMNS = `id, name, phone, phone_status AS "phoneStatus", timezone, gender, city, segment,
  registered_at AS "registeredAt", last_active_at AS "lastActiveAt", txn_count_30d AS "txnCount30d",
  balance_band AS "balanceBand", tags, consent_service AS "consentService", consent_survey AS "consentSurvey",
  consent_marketing AS "consentMarketing", dnc_until AS "dncUntil", cap_until AS "capUntil", created_at AS "createdAt"`;

export type CustomerRow = Omit<CustomerRecord, 'tags'> & { tags: string };
export const customerFromRow = (row: CustomerRow): CustomerRecord => ({ ...row, tags: JSON.parse(row.tags) as string[] });

export function* insertCustomer(c: CustomerRecord): Q<void> {
  yield* write(
    `INSERT INTO customers (id, name, phone, phone_status, timezone, gender, city, segment, registered_at,
       last_active_at, txn_count_30d, balance_band, tags, consent_service, consent_survey, consent_marketing,
       dnc_until, cap_until, created_at)
     VALUES (@id, @name, @phone, @phoneStatus, @timezone, @gender, @city, @segment, @registeredAt, @lastActiveAt,
       @txnCount30d, @balanceBand, @tags, @consentService, @consentSurvey, @consentMarketing, @dncUntil, @capUntil,
       @createdAt)`,
    { ...c, tags: JSON.stringify(c.tags) },
  );
}

export function* getCustomer(id: string): Q<CustomerRecord | undefined> {
  const row = yield* get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`, [id]);
  return row && customerFromRow(row);
}

export function* customerIdByPhone(phone: string): Q<string | undefined> {
  return (yield* get<{ id: string }>('SELECT id FROM customers WHERE phone = ?', [phone]))?.id;
}

export function* setPhoneStatus(id: string, status: 'ok' | 'bad'): Q<void> {
  yield* write('UPDATE customers SET phone_status = ? WHERE id = ?', [status, id]);
}

export function* setDncUntil(id: string, until: number | null): Q<void> {
  yield* write('UPDATE customers SET dnc_until = ? WHERE id = ?', [until, id]);
}

export function* setCapUntil(id: string, until: number | null): Q<void> {
  yield* write('UPDATE customers SET cap_until = ? WHERE id = ?', [until, id]);
}

/** In id order, so a replay walks them in the same order on every store. */
export function* customerIdsWithAttemptsSince(since: number): Q<string[]> {
  const rows = yield* all<{ id: string }>('SELECT DISTINCT customer_id AS id FROM call_attempts WHERE started_at > ? ORDER BY customer_id', [since]);
  return rows.map((r) => r.id);
}

/** The first customers in id order (the demo's tickets and vouchers go to them). */
export function firstCustomers(limit: number): Q<{ id: string; name: string }[]> {
  return all(`SELECT id, name FROM customers ORDER BY id LIMIT ${Math.trunc(limit)}`);
}
