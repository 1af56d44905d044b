import type { TFunction } from 'i18next';
import type { AuditView } from '../../../core/contract/views';
import { formatFen } from '../../../core/vouchers/describe';
import { formatDateTime } from '../../format';

/*
 * An audit entry as a sentence in the UI language, with names instead of ids: "批准了 王芳 申请的现金返还
 * ¥88.00（CV-7K3M-Q9XZ），客户 张伟". Table-driven: the sentence of an action is the catalog entry
 * admin:audit.say.<action with _>; its parameters are every detail, formatted (ids → names from the
 * entry's refs, *Fen → ¥, *At / until → date and time, lists joined), plus what an entry in SAY adds for
 * details that need words of their own (a voucher's kind, a status, approval reasons). A new kind is one
 * catalog sentence (and, if needed, one SAY entry); a kind with no sentence reads as "field: value" pairs
 * with translated field names.
 */

type Details = Record<string, unknown>;
type Params = Record<string, string>;

interface Helpers {
  t: TFunction<'admin'>;
  /** A name for an id (the entry's refs), else a short form of the id. */
  name: (v: unknown) => string;
  list: (items: string[]) => string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

const voucher = (d: Details, h: Helpers): Params => ({
  kind: h.t(`voucherKind.${str(d.kind)}`, { ns: 'tickets', defaultValue: str(d.kind) }),
  value: typeof d.valueFen === 'number' ? formatFen(d.valueFen) : '',
  code: str(d.code),
  customer: h.name(d.customerId),
  requestedBy: h.name(d.requestedBy),
});

const faqStatus = (h: Helpers, s: unknown) => h.t(`status.${str(s)}`, { ns: 'faq', defaultValue: str(s) });

/** Per action: the words its details need beyond the generic formatting. */
const SAY: Record<string, (d: Details, h: Helpers) => Params> = {
  'voucher.issued': voucher,
  'voucher.requested': (d, h) => ({
    ...voucher(d, h),
    reasons: h.list((Array.isArray(d.approvalReasons) ? d.approvalReasons : []).map((r) => h.t(`vouchers.why.${str(r)}`, { ns: 'tickets', defaultValue: str(r) }))),
  }),
  'voucher.approved': voucher,
  'voucher.rejected': voucher,
  'voucher.voided': voucher,
  'voucher.redeemed': voucher,
  'faq.submit': (d, h) => ({ from: faqStatus(h, d.from), to: faqStatus(h, d.to) }),
  'faq.request_changes': (d, h) => ({ from: faqStatus(h, d.from), to: faqStatus(h, d.to) }),
  'faq.publish': (d, h) => ({ from: faqStatus(h, d.from), to: faqStatus(h, d.to) }),
  'faq.retire': (d, h) => ({ from: faqStatus(h, d.from), to: faqStatus(h, d.to) }),
};

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One detail's value for people: names for ids, ¥ for fen, dates for instants, lists joined. */
function formatValue(key: string, v: unknown, h: Helpers): string {
  if (Array.isArray(v)) return h.list(v.map((x) => formatValue(key, x, h)));
  if (typeof v === 'string') return ID.test(v) ? h.name(v) : v;
  if (typeof v === 'number') {
    if (/Fen$/.test(key)) return formatFen(v);
    if (/(At|Until|until)$/.test(key) && v > 1e11) return formatDateTime(v);
    return String(v);
  }
  if (typeof v === 'boolean') return h.t(v ? 'audit.yes' : 'audit.no');
  if (v === null || v === undefined) return h.t('audit.none');
  return JSON.stringify(v);
}

/** Every detail, formatted; an id under `fooId` is also given as `foo` (its name). */
function genericParams(d: Details, h: Helpers): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(d)) {
    out[k] = formatValue(k, v, h);
    if (k.endsWith('Id') && typeof v === 'string') out[k.slice(0, -2)] = h.name(v);
  }
  return out;
}

function helpers(t: TFunction<'admin'>, refs: Record<string, string>): Helpers {
  return {
    t,
    name: (v) => {
      const id = str(v);
      if (id === '') return t('audit.none');
      return refs[id] ?? (ID.test(id) ? t('audit.unknownRef', { id: id.slice(-6) }) : id);
    },
    list: (items) => items.filter((x) => x !== '').join(t('audit.listJoin')),
  };
}

/** The details of an entry as one sentence (or readable "field: value" pairs for an action with no sentence). */
export function describeAudit(t: TFunction<'admin'>, a: Pick<AuditView, 'action' | 'details' | 'refs' | 'subjectId' | 'subjectName'>): string {
  const h = helpers(t, a.refs ?? {});
  const key = `audit.say.${a.action.replace(/\./g, '_')}`;
  const params: Params = {
    ...genericParams(a.details, h),
    subject: a.subjectName ?? h.name(a.subjectId),
    ...(SAY[a.action]?.(a.details, h) ?? {}),
  };
  // Reasons and notes are what people wrote: appended when there is one, never an empty "：".
  const sentence = t(key, { ...params, defaultValue: '' });
  if (sentence !== '') {
    const reason = str(a.details.reason);
    const note = str(a.details.note);
    return `${sentence}${reason ? t('audit.reasonSuffix', { reason }) : ''}${note ? t('audit.noteSuffix', { note }) : ''}`;
  }
  return Object.entries(a.details)
    .map(([k, v]) => `${t(`audit.fields.${k}`, { defaultValue: humanize(k) })}${t('audit.fieldSep')}${formatValue(k, v, h)}`)
    .join(t('audit.pairJoin'));
}

/** "approvalReasons" → "approval reasons": an unknown field still reads as words. */
function humanize(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
}
