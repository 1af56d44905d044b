import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/vouchers';
import { onDb } from '../store';
import { VOUCHER_COLUMNS } from '../../core/store/vouchers';
import type { VoucherRecord } from '../../core/store/vouchers';

export interface VoucherRow extends VoucherRecord {
  customerName: string | null;
  ticketSubject: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  approvalReasons: string | null;
}

const ROW_SELECT = `SELECT ${VOUCHER_COLUMNS}, c.name AS customerName, t.subject AS ticketSubject, ru.name AS requestedByName,
    du.name AS decidedByName,
    (SELECT json_extract(e.data, '$.approvalReasons') FROM voucher_events e WHERE e.voucher_id = v.id AND e.type = 'requested') AS approvalReasons
  FROM vouchers v
  LEFT JOIN customers c ON c.id = v.customer_id
  LEFT JOIN tickets t ON t.id = v.ticket_id
  LEFT JOIN users ru ON ru.id = v.requested_by
  LEFT JOIN users du ON du.id = v.decided_by`;

export function getVoucherRow(db: Db, id: string): VoucherRow | undefined {
  return stmt(db, `${ROW_SELECT} WHERE v.id = ?`).get(id) as VoucherRow | undefined;
}

export function pendingFen(db: Db): number {
  return (stmt(db, `SELECT coalesce(sum(value_fen), 0) AS n FROM vouchers WHERE state = 'pending_approval'`).get() as { n: number }).n;
}

export function spendByReason(db: Db, from: number, to: number): { reasonCode: string; count: number; valueFen: number }[] {
  return stmt(
    db,
    `SELECT reason_code AS reasonCode, count(*) AS count, sum(value_fen) AS valueFen FROM vouchers
      WHERE issued_at >= @from AND issued_at < @to AND state IN ('issued', 'redeemed')
      GROUP BY reason_code ORDER BY valueFen DESC`,
  ).all({ from, to }) as { reasonCode: string; count: number; valueFen: number }[];
}

/** Vouchers a customer was given (requested, not rejected or voided) since `since`. */
export function customerVoucherCount(db: Db, customerId: string, since: number): number {
  return (
    stmt(
      db,
      `SELECT count(*) AS n FROM vouchers WHERE customer_id = ? AND requested_at >= ? AND state IN ('pending_approval', 'issued', 'redeemed')`,
    ).get(customerId, since) as { n: number }
  ).n;
}

export interface VoucherQuery {
  states?: readonly string[];
  expiredBefore?: number;
  notExpiredAt?: number;
  ticketId?: string;
  customerId?: string;
  requestedBy?: string;
  offset: number;
  limit: number;
}

export function listVoucherRows(db: Db, q: VoucherQuery): { rows: VoucherRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  if (q.states) {
    where.push('v.state IN (SELECT value FROM json_each(@states))');
    params.states = JSON.stringify(q.states);
  }
  if (q.expiredBefore !== undefined) {
    where.push('v.expires_at <= @expiredBefore');
    params.expiredBefore = q.expiredBefore;
  }
  if (q.notExpiredAt !== undefined) {
    where.push('v.expires_at > @notExpiredAt');
    params.notExpiredAt = q.notExpiredAt;
  }
  if (q.ticketId) {
    where.push('v.ticket_id = @ticketId');
    params.ticketId = q.ticketId;
  }
  if (q.customerId) {
    where.push('v.customer_id = @customerId');
    params.customerId = q.customerId;
  }
  if (q.requestedBy) {
    where.push('v.requested_by = @requestedBy');
    params.requestedBy = q.requestedBy;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = stmt(db, `${ROW_SELECT} ${clause} ORDER BY v.requested_at DESC, v.id DESC LIMIT @limit OFFSET @offset`).all(params) as VoucherRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM vouchers v ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertVoucher = onDb(store.insertVoucher);
export const getVoucher = onDb(store.getVoucher);
export const voucherByRequestKey = onDb(store.voucherByRequestKey);
export const voucherCodeExists = onDb(store.voucherCodeExists);
export const updateVoucherState = onDb(store.updateVoucherState);
export const insertVoucherEvent = onDb(store.insertVoucherEvent);
export const selfIssuedFen = onDb(store.selfIssuedFen);
export const spentFen = onDb(store.spentFen);
export { VOUCHER_COLUMNS };
export type { VoucherRecord };
