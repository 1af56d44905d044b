import type { Consents, Reason } from '../domain/model';
import type { CustomerRecord } from '../domain/records';
import { assessCallability } from '../rules/callability';
import type { Settings } from '../settings';
import type { ImportRow } from './types';

/*
 * Rows that import but deserve a second look before the commit: a due date long past (a typo or an old
 * list: "逾期 2532 天" in the queue), and callbacks that the compliance guard (core/rules/callability.ts)
 * will never let anyone dial as things stand (no consent for a marketing purpose, DNC, a number marked
 * bad). Time-of-day blocks (calling window, contact cap, scheduled later) lift on their own and are not
 * warnings.
 */

/** A due date more than this many days before the import is reported. */
export const STALE_DUE_DAYS = 30;
const DAY = 86_400_000;

/**
 * The consents a customer created by an import starts with (core/mutations/imports.ts writes the same):
 * an imported list is the team's own service relationship; surveys go ahead unless refused; marketing
 * stays opt-in.
 */
export const IMPORTED_CUSTOMER_CONSENTS: Consents = { service: 'granted', survey: 'unknown', marketing: 'unknown' };

/** The blocks that do not lift on their own: the row can never be called until someone changes the customer. */
export const LASTING_BLOCKS = ['no_consent', 'dnc', 'bad_number'] as const;
export type LastingBlock = (typeof LASTING_BLOCKS)[number];

export type ImportWarning =
  | { line: number; code: 'due_long_past'; days: number }
  | { line: number; code: 'not_callable'; reason: Reason; blocks: LastingBlock[] };

/** What the customer of a row will look like after the commit: the existing one, or a new one with the import's defaults. */
function customerFacts(row: ImportRow, existing: CustomerRecord | undefined) {
  return existing
    ? {
        id: existing.id,
        phoneStatus: existing.phoneStatus,
        timezone: existing.timezone,
        consents: { service: existing.consentService, survey: existing.consentSurvey, marketing: existing.consentMarketing },
        dncUntil: existing.dncUntil,
        capUntil: null,
      }
    : { id: '', phoneStatus: 'ok' as const, timezone: row.timezone, consents: IMPORTED_CUSTOMER_CONSENTS, dncUntil: null, capUntil: null };
}

function lastingBlocks(row: ImportRow, existing: CustomerRecord | undefined, now: number, settings: Settings): LastingBlock[] {
  const verdict = assessCallability({
    callback: { id: '', reason: row.reason, priority: row.priority, dueAt: null, state: 'open', leaseAgentId: null, leaseExpiresAt: null, createdAt: now },
    customer: customerFacts(row, existing),
    agentId: '',
    now,
    settings,
  });
  if (verdict.callable) return [];
  return verdict.blocks.map((b) => b.reason).filter((r): r is LastingBlock => (LASTING_BLOCKS as readonly string[]).includes(r));
}

/**
 * Checks the valid rows of one import at one instant: `check(row, existing)` gives a row's warnings, given
 * the customer its phone already belongs to (if any). Rows of new customers differ only by their reason
 * as far as lasting blocks go, so their verdict is computed once per reason (a 100k-row file stays fast).
 */
export function importChecker(now: number, settings: Settings): (row: ImportRow, existing: CustomerRecord | undefined) => ImportWarning[] {
  const forNew = new Map<Reason, LastingBlock[]>();
  return (row, existing) => {
    const out: ImportWarning[] = [];
    if (row.dueAt !== null && row.dueAt < now - STALE_DUE_DAYS * DAY) {
      out.push({ line: row.line, code: 'due_long_past', days: Math.floor((now - row.dueAt) / DAY) });
    }
    let blocks = existing ? undefined : forNew.get(row.reason);
    if (!blocks) {
      blocks = lastingBlocks(row, existing, now, settings);
      if (!existing) forNew.set(row.reason, blocks);
    }
    if (blocks.length > 0) out.push({ line: row.line, code: 'not_callable', reason: row.reason, blocks });
    return out;
  };
}

export interface ImportWarningCounts {
  /** Rows whose due date is more than STALE_DUE_DAYS in the past. */
  dueLongPast: number;
  /** Rows that cannot be called as things stand, and why (a row may have several reasons). */
  notCallable: number;
  notCallableBy: Record<LastingBlock, number>;
}

export const noWarnings = (): ImportWarningCounts => ({ dueLongPast: 0, notCallable: 0, notCallableBy: { no_consent: 0, dnc: 0, bad_number: 0 } });

export function countWarnings(counts: ImportWarningCounts, warnings: readonly ImportWarning[]): void {
  for (const w of warnings) {
    if (w.code === 'due_long_past') counts.dueLongPast++;
    else {
      counts.notCallable++;
      for (const b of w.blocks) counts.notCallableBy[b]++;
    }
  }
}

const BLOCK_TEXT: Record<LastingBlock, string> = {
  no_consent: 'no consent for this purpose (marketing needs an opt-in)',
  dnc: 'on the do-not-call list',
  bad_number: 'number marked wrong',
};

/** English lines for the command line: each warning by line, then the counts. */
export function warningLines(warnings: readonly ImportWarning[], counts: ImportWarningCounts): string[] {
  const lines = warnings.map((w) =>
    w.code === 'due_long_past'
      ? `  line ${w.line}: due_at — ${w.days} days in the past (imported; check the date)`
      : `  line ${w.line}: cannot be called (${w.reason}) — ${w.blocks.map((b) => BLOCK_TEXT[b]).join('; ')}`,
  );
  const shown = warnings.length;
  const total = counts.dueLongPast + counts.notCallable;
  if (total > shown) lines.push(`  … and ${total - shown} more warnings`);
  return lines;
}

/** The command line's summary lines: rows due long ago, and rows that cannot be called with why. */
export function warningSummary(counts: ImportWarningCounts): string[] {
  const by = LASTING_BLOCKS.filter((b) => counts.notCallableBy[b] > 0).map((b) => `${b} ${counts.notCallableBy[b]}`);
  return [
    `due long ago: ${counts.dueLongPast} (due more than ${STALE_DUE_DAYS} days ago; imported, check the dates)`,
    `not callable: ${counts.notCallable}${by.length ? ` (${by.join(', ')})` : ''} (the compliance rules will not let anyone call them)`,
  ];
}
