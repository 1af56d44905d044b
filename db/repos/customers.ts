import type { CustomerRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { stmt } from './stmt';

const COLUMNS = `id, name, phone, phone_status AS phoneStatus, timezone, gender, city, segment,
  registered_at AS registeredAt, last_active_at AS lastActiveAt, txn_count_30d AS txnCount30d,
  balance_band AS balanceBand, tags, consent_service AS consentService, consent_survey AS consentSurvey,
  consent_marketing AS consentMarketing, dnc_until AS dncUntil, cap_until AS capUntil, created_at AS createdAt`;

type CustomerRow = Omit<CustomerRecord, 'tags'> & { tags: string };
const fromRow = (row: CustomerRow): CustomerRecord => ({ ...row, tags: JSON.parse(row.tags) as string[] });

export function insertCustomer(db: Db, c: CustomerRecord): void {
  stmt(
    db,
    `INSERT INTO customers (id, name, phone, phone_status, timezone, gender, city, segment, registered_at,
       last_active_at, txn_count_30d, balance_band, tags, consent_service, consent_survey, consent_marketing,
       dnc_until, cap_until, created_at)
     VALUES (@id, @name, @phone, @phoneStatus, @timezone, @gender, @city, @segment, @registeredAt, @lastActiveAt,
       @txnCount30d, @balanceBand, @tags, @consentService, @consentSurvey, @consentMarketing, @dncUntil, @capUntil,
       @createdAt)`,
  ).run({ ...c, tags: JSON.stringify(c.tags) });
}

export function getCustomer(db: Db, id: string): CustomerRecord | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM customers WHERE id = ?`).get(id) as CustomerRow | undefined;
  return row && fromRow(row);
}

export function findCustomerByPhone(db: Db, phone: string): CustomerRecord | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM customers WHERE phone = ?`).get(phone) as CustomerRow | undefined;
  return row && fromRow(row);
}

export function customerIdByPhone(db: Db, phone: string): string | undefined {
  return (stmt(db, 'SELECT id FROM customers WHERE phone = ?').get(phone) as { id: string } | undefined)?.id;
}

export function setPhoneStatus(db: Db, id: string, status: 'ok' | 'bad'): void {
  stmt(db, 'UPDATE customers SET phone_status = ? WHERE id = ?').run(status, id);
}

export function setDncUntil(db: Db, id: string, until: number | null): void {
  stmt(db, 'UPDATE customers SET dnc_until = ? WHERE id = ?').run(until, id);
}

export function setCapUntil(db: Db, id: string, until: number | null): void {
  stmt(db, 'UPDATE customers SET cap_until = ? WHERE id = ?').run(until, id);
}

/** The few zones customers live in; the queue checks each zone's calling window once, not per row. */
export function distinctTimezones(db: Db): string[] {
  // One seek per distinct zone on customers_timezone (a skip-scan); SELECT DISTINCT walks all of it.
  const rows = stmt(
    db,
    `WITH RECURSIVE z(tz) AS (
       SELECT min(timezone) FROM customers
       UNION ALL SELECT (SELECT min(timezone) FROM customers WHERE timezone > z.tz) FROM z WHERE z.tz IS NOT NULL)
     SELECT tz AS timezone FROM z WHERE tz IS NOT NULL`,
  ).all() as { timezone: string }[];
  return rows.map((r) => r.timezone);
}

export function customerIdsWithAttemptsSince(db: Db, since: number): string[] {
  return (
    stmt(db, 'SELECT DISTINCT customer_id AS id FROM call_attempts WHERE started_at > ?').all(since) as { id: string }[]
  ).map((r) => r.id);
}
