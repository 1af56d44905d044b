import type { CustomerRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/customers';
import { onDb } from '../store';
import { CUSTOMER_COLUMNS, customerFromRow } from '../../core/store/customers';
import type { CustomerRow } from '../../core/store/customers';

export function findCustomerByPhone(db: Db, phone: string): CustomerRecord | undefined {
  const row = stmt(db, `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE phone = ?`).get(phone) as CustomerRow | undefined;
  return row && customerFromRow(row);
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

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertCustomer = onDb(store.insertCustomer);
export const getCustomer = onDb(store.getCustomer);
export const customerIdByPhone = onDb(store.customerIdByPhone);
export const setPhoneStatus = onDb(store.setPhoneStatus);
export const setDncUntil = onDb(store.setDncUntil);
export const setCapUntil = onDb(store.setCapUntil);
export const customerIdsWithAttemptsSince = onDb(store.customerIdsWithAttemptsSince);
export { CUSTOMER_COLUMNS, customerFromRow };
export type { CustomerRow };
