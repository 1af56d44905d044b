import i18n from 'i18next';
import { describeVoucher } from '../../core/vouchers/describe';
import { formatShortDateTime } from '../format';

/*
 * A refused change (an outbox entry the server would not apply) in words a support agent reads: what it
 * was ("领取回访"), and its key facts (the callback, the amount in ¥, the outcome…). Pure apart from the
 * i18n catalogs; the "Needs attention" page and its tests use it.
 */

export interface ChangeFact {
  /** A key in sync:fact. */
  key: string;
  value: string;
}

export interface ChangeSummary {
  /** "领取回访" / "Take a callback". */
  action: string;
  facts: ChangeFact[];
}

type Args = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** An id as people can tell it apart at a glance: its last six characters ("#7K3MQ9"). */
export function shortId(id: unknown): string {
  const s = str(id);
  if (!s) return '–';
  const clean = s.replace(/[^0-9a-z]/gi, '');
  return `#${(clean.length >= 6 ? clean.slice(-6) : clean || s).toUpperCase()}`;
}

/** Free text cut to `max` characters on one line (notes, comments). */
export function excerpt(text: unknown, max = 60): string | null {
  const s = str(text);
  if (!s) return null;
  const line = s.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

/** The action's label, e.g. sync:mutation.callbacks.lease, or "Change (name)" for a name this console does not know. */
export function mutationLabel(name: string, lng?: string): string {
  const key = `sync:mutation.${name}`;
  const known = /^[a-z]+\.[a-zA-Z]+$/.test(name) && i18n.exists(key, { lng });
  return known ? i18n.t(key, { lng }) : i18n.t('sync:mutation.unknown', { name, lng });
}

function label(key: string, value: unknown, lng?: string): string | null {
  const s = str(value);
  if (!s) return null;
  const full = `${key}.${s}`;
  return i18n.exists(full, { lng }) ? i18n.t(full, { lng }) : s;
}

function voucherValue(a: Args, lng?: string): string | null {
  const kind = str(a.kind);
  if (!kind) return null;
  const locale = (lng ?? i18n.language) === 'en' ? 'en' : 'zh-CN';
  // describeVoucher appends the code in brackets; the code is not shown here (it is the server's to confirm).
  const text = describeVoucher({ kind, amountFen: num(a.amountFen), percentOff: num(a.percentOff), points: num(a.points), code: '' }, locale);
  return text.replace(/[（(]\s*[）)]$/, '').trim();
}

/** What a refused change was, in the UI language (or `lng`). */
export function describeChange(item: { name: string; args: Args }, lng?: string): ChangeSummary {
  const a = item.args ?? {};
  const facts: ChangeFact[] = [];
  const add = (key: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') facts.push({ key, value });
  };
  const id = (key: string, v: unknown) => {
    if (str(v)) add(key, shortId(v));
  };
  const when = (v: unknown) => (num(v) !== null ? formatShortDateTime(num(v)!) : null);

  switch (item.name) {
    case 'callbacks.lease':
      id('callback', a.callbackId);
      add('expires', when(a.expiresAt));
      break;
    case 'callbacks.release':
      id('callback', a.callbackId);
      break;
    case 'attempts.record':
      id('callback', a.callbackId);
      add('result', label('translation:disposition', a.disposition, lng));
      add('nextCall', when(a.callbackAt));
      add('notes', excerpt(a.notes));
      break;
    case 'vouchers.request':
      add('value', voucherValue(a, lng));
      id('customer', a.customerId);
      id('ticket', a.ticketId);
      add('reason', label('tickets:reasonCode', a.reasonCode, lng));
      add('note', excerpt(a.note));
      break;
    case 'vouchers.approve':
    case 'vouchers.redeem':
      id('voucher', a.voucherId);
      break;
    case 'vouchers.reject':
    case 'vouchers.void':
      id('voucher', a.voucherId);
      add('reason', excerpt(a.reason));
      break;
    case 'tickets.create':
      add('subject', excerpt(a.subject));
      add('priority', label('tickets:priority.short', a.priority, lng));
      add('category', str(a.category));
      id('customer', a.customerId);
      break;
    case 'tickets.transition':
      id('ticket', a.ticketId);
      add('status', label('tickets:status', a.to, lng));
      add('reason', excerpt(a.reason));
      break;
    case 'tickets.assign':
      id('ticket', a.ticketId);
      if (str(a.assigneeId)) id('assignee', a.assigneeId);
      else add('assignee', i18n.t('sync:fact.unassigned', { lng }));
      break;
    case 'tickets.update':
      id('ticket', a.ticketId);
      add('priority', label('tickets:priority.short', a.priority, lng));
      add('category', str(a.category));
      break;
    case 'tickets.comment':
      id('ticket', a.ticketId);
      add('comment', excerpt(a.body));
      break;
    case 'tickets.recordBreach':
      id('ticket', a.ticketId);
      break;
    case 'responses.start':
      id('callback', a.callbackId);
      break;
    case 'faq.create':
    case 'faq.save':
    case 'faq.transition':
    case 'faq.markReviewed':
      id('entry', a.entryId);
      if (item.name === 'faq.create' || item.name === 'faq.save') add('subject', excerpt((lng ?? i18n.language) === 'en' ? (str(a.questionEn) ?? a.questionZh) : a.questionZh));
      break;
    case 'imports.commit':
      add('file', str(a.fileName));
      if (num(a.totalRows) !== null) add('rows', formatCount(num(a.totalRows)!, lng));
      break;
    case 'users.create':
      add('name', str(a.name));
      add('role', label('sync:role', a.role, lng));
      break;
    case 'notifications.markRead':
      if (Array.isArray(a.ids)) add('count', formatCount(a.ids.length, lng));
      break;
    case 'audit.phoneRevealed':
      id('customer', a.customerId);
      break;
    default:
      break;
  }
  return { action: mutationLabel(item.name, lng), facts };
}

function formatCount(n: number, lng?: string): string {
  return new Intl.NumberFormat((lng ?? i18n.language) === 'en' ? 'en-US' : 'zh-CN').format(n);
}
