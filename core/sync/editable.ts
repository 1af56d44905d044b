import type { MutationName } from './mutations';

/**
 * What a person may change before sending a refused change again ("Edit and retry" in Needs attention):
 * what they typed or chose, never who did it, when, or the ids that make the change exactly-once. The
 * applier checks the edited change like any other (limits, budget, permissions), here and on the server.
 */
export const EDITABLE_ARGS: Partial<Record<MutationName, readonly EditableField[]>> = {
  'vouchers.request': [
    { key: 'amountFen', kind: 'fen' },
    { key: 'percentOff', kind: 'int' },
    { key: 'points', kind: 'int' },
    { key: 'note', kind: 'text' },
  ],
  'tickets.create': [
    { key: 'subject', kind: 'text' },
    { key: 'description', kind: 'text' },
  ],
  'tickets.comment': [{ key: 'body', kind: 'text' }],
  'attempts.record': [{ key: 'notes', kind: 'text' }],
  'vouchers.reject': [{ key: 'reason', kind: 'text' }],
  'vouchers.void': [{ key: 'reason', kind: 'text' }],
};

export interface EditableField {
  key: string;
  /** text: free text; int: a whole number; fen: money kept in fen, shown and typed in yuan. */
  kind: 'text' | 'int' | 'fen';
}

/** The fields of `name` that may be edited, among those the original change actually carries a value for. */
export function editableFields(name: string, args: Record<string, unknown>): EditableField[] {
  return (EDITABLE_ARGS[name as MutationName] ?? []).filter((f) => args[f.key] !== null && args[f.key] !== undefined);
}
