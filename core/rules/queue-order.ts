import type { CallbackFacts } from '../domain/model';

/**
 * The order in which "next" hands out callable callbacks:
 *   1. overdue first — a callback with a due time that has passed (appointments and retries that are
 *      already late) comes before any "as soon as callable" one;
 *   2. then priority, 1 (highest) before 5;
 *   3. then due time, earliest first (overdue ones only; the others have none);
 *   4. then creation time, oldest first, and finally id, so the order is total and every console agrees.
 * Only callable callbacks are ordered; one due in the future is not callable yet (scheduled later).
 * The db layer encodes the same order in SQL; a property test keeps the two in step.
 */
export function compareQueueOrder(a: CallbackFacts, b: CallbackFacts, now: number): number {
  const overdueA = a.dueAt !== null && a.dueAt <= now ? 0 : 1;
  const overdueB = b.dueAt !== null && b.dueAt <= now ? 0 : 1;
  if (overdueA !== overdueB) return overdueA - overdueB;
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (overdueA === 0 && a.dueAt !== b.dueAt) return a.dueAt! - b.dueAt!;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
