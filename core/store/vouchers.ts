import type { StoredVoucherState, VoucherKind } from '../vouchers/policy';
import { get, type Q, write } from './sql';

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

export const VOUCHER_COLUMNS = `v.id, v.code, v.request_key AS "requestKey", v.kind, v.percent_off AS "percentOff", v.amount_fen AS "amountFen",
  v.points, v.value_fen AS "valueFen", v.reason_code AS "reasonCode", v.customer_id AS "customerId", v.ticket_id AS "ticketId", v.note,
  v.state, v.requested_by AS "requestedBy", v.requested_at AS "requestedAt", v.decided_by AS "decidedBy", v.decided_at AS "decidedAt",
  v.issued_at AS "issuedAt", v.expires_at AS "expiresAt", v.redeemed_at AS "redeemedAt", v.voided_at AS "voidedAt",
  v.state_reason AS "stateReason"`;

export function* insertVoucher(v: VoucherRecord): Q<void> {
  yield* write(
    `INSERT INTO vouchers (id, code, request_key, kind, percent_off, amount_fen, points, value_fen, reason_code, customer_id,
       ticket_id, note, state, requested_by, requested_at, decided_by, decided_at, issued_at, expires_at, redeemed_at, voided_at,
       state_reason)
     VALUES (@id, @code, @requestKey, @kind, @percentOff, @amountFen, @points, @valueFen, @reasonCode, @customerId, @ticketId,
       @note, @state, @requestedBy, @requestedAt, @decidedBy, @decidedAt, @issuedAt, @expiresAt, @redeemedAt, @voidedAt,
       @stateReason)`,
    v,
  );
}

export function getVoucher(id: string): Q<VoucherRecord | undefined> {
  return get<VoucherRecord>(`SELECT ${VOUCHER_COLUMNS} FROM vouchers v WHERE v.id = ?`, [id]);
}

export function voucherByRequestKey(key: string): Q<VoucherRecord | undefined> {
  return get<VoucherRecord>(`SELECT ${VOUCHER_COLUMNS} FROM vouchers v WHERE v.request_key = ?`, [key]);
}

export function* voucherCodeExists(code: string): Q<boolean> {
  return (yield* get('SELECT 1 AS one FROM vouchers WHERE code = ?', [code])) !== undefined;
}

const STATE_COLUMNS = {
  state: 'state',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  issuedAt: 'issued_at',
  redeemedAt: 'redeemed_at',
  voidedAt: 'voided_at',
  stateReason: 'state_reason',
} as const;

export function* updateVoucherState(
  id: string,
  change: Partial<Pick<VoucherRecord, keyof typeof STATE_COLUMNS>>,
): Q<void> {
  const keys = Object.keys(change) as (keyof typeof STATE_COLUMNS)[];
  const sets = keys.map((k) => `${STATE_COLUMNS[k]} = @${k}`);
  yield* write(`UPDATE vouchers SET ${sets.join(', ')} WHERE id = @id`, { ...change, id });
}

export function* insertVoucherEvent(e: { id: string; voucherId: string; at: number; actorId: string; type: string; data: Record<string, unknown> }): Q<void> {
  yield* write('INSERT INTO voucher_events (id, voucher_id, at, actor_id, type, data) VALUES (?, ?, ?, ?, ?, ?)', [
    e.id,
    e.voucherId,
    e.at,
    e.actorId,
    e.type,
    JSON.stringify(e.data),
  ]);
}

/** What this requester issued on their own authority (no approval) in [from, to). */
export function* selfIssuedFen(requestedBy: string, from: number, to: number): Q<number> {
  const row = yield* get<{ n: number }>(
    `SELECT coalesce(sum(value_fen), 0) AS n FROM vouchers
      WHERE requested_by = @requestedBy AND decided_by IS NULL AND issued_at >= @from AND issued_at < @to
        AND state IN ('issued', 'redeemed')`,
    { requestedBy, from, to },
  );
  return row!.n;
}

/** The team's spend in [from, to): issued or redeemed vouchers (voided ones give their value back). */
export function* spentFen(from: number, to: number): Q<number> {
  const row = yield* get<{ n: number }>(
    `SELECT coalesce(sum(value_fen), 0) AS n FROM vouchers
      WHERE issued_at >= @from AND issued_at < @to AND state IN ('issued', 'redeemed')`,
    { from, to },
  );
  return row!.n;
}
