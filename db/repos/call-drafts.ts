import type { Disposition } from '../../core/domain/model';
import type { Db } from '../open';
import { stmt } from './stmt';

/** The device-local draft of the call an agent is in the middle of (table `call_drafts`, never synced). */
export interface CallDraftRecord {
  callbackId: string;
  agentId: string;
  startedAt: number | null;
  disposition: Disposition | null;
  notes: string;
  updatedAt: number;
}

export function getCallDraft(db: Db, callbackId: string, agentId: string): CallDraftRecord | undefined {
  return stmt(
    db,
    `SELECT callback_id AS callbackId, agent_id AS agentId, started_at AS startedAt, disposition, notes, updated_at AS updatedAt
       FROM call_drafts WHERE callback_id = ? AND agent_id = ?`,
  ).get(callbackId, agentId) as CallDraftRecord | undefined;
}

/** Records when the call started; a draft that already has a start keeps it (the FIRST start counts). */
export function markCallStarted(db: Db, callbackId: string, agentId: string, at: number): number {
  stmt(
    db,
    `INSERT INTO call_drafts (callback_id, agent_id, started_at, disposition, notes, updated_at) VALUES (?, ?, ?, NULL, '', ?)
     ON CONFLICT (callback_id, agent_id) DO UPDATE SET started_at = coalesce(call_drafts.started_at, excluded.started_at), updated_at = excluded.updated_at`,
  ).run(callbackId, agentId, at, at);
  return getCallDraft(db, callbackId, agentId)!.startedAt!;
}

/** Forgets a start too old to be recorded, so the next "start call" starts afresh. */
export function clearCallStart(db: Db, callbackId: string, agentId: string): void {
  stmt(db, 'UPDATE call_drafts SET started_at = NULL WHERE callback_id = ? AND agent_id = ?').run(callbackId, agentId);
}

/** Saves what the agent typed or chose; fields left undefined keep their saved value. */
export function saveCallDraft(
  db: Db,
  draft: { callbackId: string; agentId: string; disposition?: Disposition | null; notes?: string; updatedAt: number },
): CallDraftRecord {
  const current = getCallDraft(db, draft.callbackId, draft.agentId);
  stmt(
    db,
    `INSERT INTO call_drafts (callback_id, agent_id, started_at, disposition, notes, updated_at) VALUES (@callbackId, @agentId, NULL, @disposition, @notes, @updatedAt)
     ON CONFLICT (callback_id, agent_id) DO UPDATE SET disposition = excluded.disposition, notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run({
    callbackId: draft.callbackId,
    agentId: draft.agentId,
    disposition: draft.disposition === undefined ? (current?.disposition ?? null) : draft.disposition,
    notes: draft.notes ?? current?.notes ?? '',
    updatedAt: draft.updatedAt,
  });
  return getCallDraft(db, draft.callbackId, draft.agentId)!;
}

export function deleteCallDraft(db: Db, callbackId: string, agentId: string): void {
  stmt(db, 'DELETE FROM call_drafts WHERE callback_id = ? AND agent_id = ?').run(callbackId, agentId);
}
