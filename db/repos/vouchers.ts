import type { StoredVoucherState, VoucherKind } from '../../core/vouchers/policy';
import type { Db } from '../open';
import { stmt } from './stmt';

export interface VoucherRecord {
  id: string;
  code: string;
  requestKey: string;
  kind: VoucherKind;
  percentOff: number | null;
  amountFen: number | null;
  points: number | null;
  valueFen: number;
  reasonCode: string;
  customerId: string;
  ticketId: string | null;
  note: string;
  state: StoredVoucherState;
  requestedBy: string;
  requestedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  issuedAt: number | null;
  expiresAt: number;
  redeemedAt: number | null;
  voidedAt: number | null;
  stateReason: string | null;
}

const COLUMNS = `v.id, v.code, v.request_key AS requestKey, v.kind, v.percent_off AS percentOff, v.amount_fen AS amountFen,
  v.points, v.value_fen AS valueFen, v.reason_code AS reasonCode, v.customer_id AS customerId, v.ticket_id AS ticketId, v.note,
  v.state, v.requested_by AS requestedBy, v.requested_at AS requestedAt, v.decided_by AS decidedBy, v.decided_at AS decidedAt,
  v.issued_at AS issuedAt, v.expires_at AS expiresAt, v.redeemed_at AS redeemedAt, v.voided_at AS voidedAt,
  v.state_reason AS stateReason`;

export interface VoucherRow extends VoucherRecord {
  customerName: string | null;
  ticketSubject: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  approvalReasons: string | null;
}

const ROW_SELECT = `SELECT ${COLUMNS}, c.name AS customerName, t.subject AS ticketSubject, ru.name AS requestedByName,
    du.name AS decidedByName,
    (SELECT json_extract(e.data, '$.approvalReasons') FROM voucher_events e WHERE e.voucher_id = v.id AND e.type = 'requested') AS approvalReasons
  FROM vouchers v
  LEFT JOIN customers c ON c.id = v.customer_id
  LEFT JOIN tickets t ON t.id = v.ticket_id
  LEFT JOIN users ru ON ru.id = v.requested_by
  LEFT JOIN users du ON du.id = v.decided_by`;

export function insertVoucher(db: Db, v: VoucherRecord): void {
  stmt(
    db,
    `INSERT INTO vouchers (id, code, request_key, kind, percent_off, amount_fen, points, value_fen, reason_code, customer_id,
       ticket_id, note, state, requested_by, requested_at, decided_by, decided_at, issued_at, expires_at, redeemed_at, voided_at,
       state_reason)
     VALUES (@id, @code, @requestKey, @kind, @percentOff, @amountFen, @points, @valueFen, @reasonCode, @customerId, @ticketId,
       @note, @state, @requestedBy, @requestedAt, @decidedBy, @decidedAt, @issuedAt, @expiresAt, @redeemedAt, @voidedAt,
       @stateReason)`,
  ).run(v);
}

export function getVoucher(db: Db, id: string): VoucherRecord | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM vouchers v WHERE v.id = ?`).get(id) as VoucherRecord | undefined;
}

export function voucherByRequestKey(db: Db, key: string): VoucherRecord | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM vouchers v WHERE v.request_key = ?`).get(key) as VoucherRecord | undefined;
}

export function voucherCodeExists(db: Db, code: string): boolean {
  return stmt(db, 'SELECT 1 FROM vouchers WHERE code = ?').get(code) !== undefined;
}

export function getVoucherRow(db: Db, id: string): VoucherRow | undefined {
  return stmt(db, `${ROW_SELECT} WHERE v.id = ?`).get(id) as VoucherRow | undefined;
}

export function updateVoucherState(
  db: Db,
  id: string,
  change: Partial<Pick<VoucherRecord, 'state' | 'decidedBy' | 'decidedAt' | 'issuedAt' | 'redeemedAt' | 'voidedAt' | 'stateReason'>>,
): void {
  const sets = Object.keys(change).map((k) => `${k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)} = @${k}`);
  stmt(db, `UPDATE vouchers SET ${sets.join(', ')} WHERE id = @id`).run({ ...change, id });
}

export function insertVoucherEvent(db: Db, e: { id: string; voucherId: string; at: number; actorId: string; type: string; data: Record<string, unknown> }): void {
  stmt(db, 'INSERT INTO voucher_events (id, voucher_id, at, actor_id, type, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.id,
    e.voucherId,
    e.at,
    e.actorId,
    e.type,
    JSON.stringify(e.data),
  );
}

/** What this requester issued on their own authority (no approval) in [from, to). */
export function selfIssuedFen(db: Db, requestedBy: string, from: number, to: number): number {
  return (
    stmt(
      db,
      `SELECT coalesce(sum(value_fen), 0) AS n FROM vouchers
        WHERE requested_by = @requestedBy AND decided_by IS NULL AND issued_at >= @from AND issued_at < @to
          AND state IN ('issued', 'redeemed')`,
    ).get({ requestedBy, from, to }) as { n: number }
  ).n;
}

/** The team's spend in [from, to): issued or redeemed vouchers (voided ones give their value back). */
export function spentFen(db: Db, from: number, to: number): number {
  return (
    stmt(
      db,
      `SELECT coalesce(sum(value_fen), 0) AS n FROM vouchers
        WHERE issued_at >= @from AND issued_at < @to AND state IN ('issued', 'redeemed')`,
    ).get({ from, to }) as { n: number }
  ).n;
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
