import type { QueueFilter, QueueSort } from '../../core/contract/api';
import { REASONS } from '../../core/domain/model';

/*
 * The queue's filters and sort, kept per user in localStorage so a reload (or a restart of the app)
 * shows the queue as the agent left it. What is read back is checked field by field: anything unknown
 * or malformed falls back to the default, never into a query.
 */

export interface QueuePrefs {
  filter: QueueFilter;
  sort: QueueSort;
  direction: 'asc' | 'desc';
}

const KEY = 'callback-console.queue.v1.';
const STATUSES = ['open', 'callable', 'blocked', 'closed', 'all'] as const satisfies readonly QueueFilter['status'][];
// The contract's QUEUE_SORTS, repeated so the renderer does not pull the contract's schemas (zod) in.
const SORTS = ['queue', 'due', 'priority', 'attempts', 'name', 'created'] as const satisfies readonly QueueSort[];

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: the queue simply starts from the defaults
  }
}

/** A stored value made safe: every field checked against what the contract accepts. */
export function parseQueuePrefs(raw: unknown, defaults: QueuePrefs): QueuePrefs {
  if (typeof raw !== 'object' || raw === null) return defaults;
  const r = raw as Record<string, unknown>;
  const f = (typeof r.filter === 'object' && r.filter !== null ? r.filter : {}) as Record<string, unknown>;
  const d = defaults.filter;
  const filter: QueueFilter = {
    ...d,
    status: STATUSES.includes(f.status as (typeof STATUSES)[number]) ? (f.status as QueueFilter['status']) : d.status,
    reasons: Array.isArray(f.reasons) ? (f.reasons.filter((x) => (REASONS as readonly unknown[]).includes(x)) as QueueFilter['reasons']) : d.reasons,
    priorities: Array.isArray(f.priorities) ? (f.priorities.filter((x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 5) as QueueFilter['priorities']) : d.priorities,
    search: typeof f.search === 'string' ? f.search.slice(0, 64) : d.search,
    mine: typeof f.mine === 'boolean' ? f.mine : d.mine,
  };
  const sort = (SORTS as readonly unknown[]).includes(r.sort) ? (r.sort as QueueSort) : defaults.sort;
  const direction = r.direction === 'asc' || r.direction === 'desc' ? r.direction : defaults.direction;
  return { filter, sort, direction };
}

export function loadQueuePrefs(userId: string, defaults: QueuePrefs): QueuePrefs {
  const text = storage()?.getItem(KEY + userId);
  if (!text) return defaults;
  try {
    return parseQueuePrefs(JSON.parse(text), defaults);
  } catch {
    return defaults;
  }
}

export function saveQueuePrefs(userId: string, prefs: QueuePrefs): void {
  try {
    storage()?.setItem(KEY + userId, JSON.stringify(prefs));
  } catch {
    // Full or disabled storage: the preference is not kept, nothing else is affected.
  }
}
