import type { TFunction } from 'i18next';
import { MAX_TARGET_MINUTES, TICKET_PRIORITIES, type SlaPolicy, type TicketPriority } from '../../../core/sla/policy';

/*
 * SLA policies as edited: targets typed as hours + minutes, the warning as a percentage of the target
 * or business minutes before the breach. The checks are those of slaPolicyListSchema and the
 * sla.setPolicies applier (every priority needs a policy for any category), plus a warning for a
 * policy that can never apply because an earlier one always wins.
 */

export interface PolicyDraft {
  id: string;
  name: string;
  priority: TicketPriority;
  /** '' = any category. */
  category: string;
  frHours: string;
  frMinutes: string;
  resHours: string;
  resMinutes: string;
  warnKind: 'percent' | 'minutes';
  warnValue: string;
}

/** Errors by `i.field` (e.g. "2.resolution") plus "list" for the whole list. */
export type PolicyErrors = Partial<Record<string, string>>;

export function toDraft(p: SlaPolicy): PolicyDraft {
  return {
    id: p.id,
    name: p.name,
    priority: p.priority,
    category: p.category ?? '',
    frHours: String(Math.floor(p.firstResponseMinutes / 60)),
    frMinutes: String(p.firstResponseMinutes % 60),
    resHours: String(Math.floor(p.resolutionMinutes / 60)),
    resMinutes: String(p.resolutionMinutes % 60),
    warnKind: p.warning.kind,
    warnValue: String(p.warning.value),
  };
}

export function newDraft(existing: readonly PolicyDraft[]): PolicyDraft {
  const ids = new Set(existing.map((p) => p.id));
  let n = existing.length + 1;
  while (ids.has(`sla-custom-${n}`)) n++;
  return {
    id: `sla-custom-${n}`,
    name: '',
    priority: 'P3',
    category: '',
    frHours: '4',
    frMinutes: '0',
    resHours: '24',
    resMinutes: '0',
    warnKind: 'percent',
    warnValue: '80',
  };
}

function wholeNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return 0;
  return /^\d{1,6}$/.test(s) ? Number(s) : null;
}

/** Hours + minutes as total minutes; null when either is not a whole number or minutes ≥ 60. */
export function totalMinutes(hours: string, minutes: string): number | null {
  const h = wholeNumber(hours);
  const m = wholeNumber(minutes);
  if (h === null || m === null || m >= 60) return null;
  return h * 60 + m;
}

export function fromDrafts(
  drafts: readonly PolicyDraft[],
  t: TFunction<'sla'>,
): { policies: SlaPolicy[]; errors: null; warnings: PolicyErrors } | { policies: null; errors: PolicyErrors; warnings: PolicyErrors } {
  const errors: PolicyErrors = {};
  const warnings: PolicyErrors = {};
  const out: SlaPolicy[] = [];
  drafts.forEach((d, i) => {
    const name = d.name.trim();
    if (!name || [...name].length > 80) errors[`${i}.name`] = t('policies.v.name');
    const fr = totalMinutes(d.frHours, d.frMinutes);
    const res = totalMinutes(d.resHours, d.resMinutes);
    const inRange = (v: number | null) => v !== null && v >= 1 && v <= MAX_TARGET_MINUTES;
    if (!inRange(fr)) errors[`${i}.firstResponse`] = t('policies.v.target', { max: MAX_TARGET_MINUTES / 60 });
    if (!inRange(res)) errors[`${i}.resolution`] = t('policies.v.target', { max: MAX_TARGET_MINUTES / 60 });
    if (inRange(fr) && inRange(res) && fr! > res!) errors[`${i}.firstResponse`] = t('policies.v.frAfterRes');
    const wv = /^\d{1,6}$/.test(d.warnValue.trim()) ? Number(d.warnValue.trim()) : null;
    if (d.warnKind === 'percent' && (wv === null || wv < 1 || wv > 99)) errors[`${i}.warning`] = t('policies.v.warnPercent');
    if (d.warnKind === 'minutes' && (wv === null || wv < 1 || wv > MAX_TARGET_MINUTES)) errors[`${i}.warning`] = t('policies.v.warnMinutes');
    if (d.warnKind === 'minutes' && wv !== null && fr !== null && wv >= fr && !errors[`${i}.warning`]) {
      warnings[`${i}.warning`] = t('policies.w.warnFromStart');
    }
    // First match wins: an earlier policy of the same priority for any category, or for this category, hides this one.
    const hiddenBy = drafts.findIndex((e, j) => j < i && e.priority === d.priority && (e.category === '' || e.category === d.category));
    if (hiddenBy >= 0) warnings[`${i}.order`] = t('policies.w.shadowed', { n: hiddenBy + 1 });
    if (fr !== null && res !== null && wv !== null) {
      out.push({
        id: d.id,
        name,
        priority: d.priority,
        category: d.category || null,
        firstResponseMinutes: fr,
        resolutionMinutes: res,
        warning: { kind: d.warnKind, value: wv },
      });
    }
  });
  const uncovered = TICKET_PRIORITIES.filter((p) => !drafts.some((d) => d.priority === p && d.category === ''));
  if (uncovered.length) errors.list = t('policies.v.uncovered', { list: uncovered.join(', ') });
  const ids = new Set<string>();
  drafts.forEach((d, i) => {
    if (ids.has(d.id)) errors[`${i}.name`] = t('policies.v.idTwice');
    ids.add(d.id);
  });
  if (Object.keys(errors).length > 0) return { policies: null, errors, warnings };
  return { policies: out, errors: null, warnings };
}

/** A back-end issue path ("policies[2].firstResponseMinutes") as our error key ("2.firstResponse"). */
export function policyErrorKey(path: string): string {
  const m = /^policies\[(\d+)\]\.?(\w*)/.exec(path);
  if (!m) return 'list';
  const field = { firstResponseMinutes: 'firstResponse', resolutionMinutes: 'resolution', warning: 'warning', name: 'name', id: 'name' }[m[2] ?? ''];
  return `${m[1]}.${field ?? 'name'}`;
}
