import i18n from 'i18next';
import type { ApiError } from '../../core/contract/result';
import { formatFen } from '../../core/vouchers/describe';
import { ticketCode } from '../../core/tickets';
import { formatDateTime } from '../format';

/*
 * One place that words a back-end error in the UI language. The back end's `message` is English and
 * for logs: it is never shown. The code picks the sentence; the details (field, reason, limits, the
 * rule that blocked, the state the record is in, the zod issue) make it precise.
 */

type Details = Record<string, unknown>;
type Issue = { code?: string; path?: unknown[]; message?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string; expected?: string; input?: unknown };

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null);

function tx(key: string, options: Record<string, unknown> = {}, lng?: string): string {
  return i18n.t(key, { ns: 'apiErrors', ...(lng ? { lng } : {}), ...options }) as string;
}

/** A field's label, or "a value" when the field is not one the catalog knows (never the raw English key). */
export function fieldLabel(field: unknown, lng?: string): string {
  const key = str(field);
  if (key && i18n.exists(`fields.${key}`, { ns: 'apiErrors', ...(lng ? { lng } : {}) })) return tx(`fields.${key}`, {}, lng);
  return tx('someField', {}, lng);
}

/** The last named segment of a zod path (indexes skipped): ['limits', 0, 'capPer24h'] → 'capPer24h'. */
function leafOf(path: unknown[] | undefined): string | null {
  for (let i = (path ?? []).length - 1; i >= 0; i--) {
    const p = path![i];
    if (typeof p === 'string') return p;
  }
  return null;
}

/** One zod issue of a BAD_INPUT answer, as a sentence. */
export function issueText(issue: Issue, lng?: string): string {
  const leaf = leafOf(issue.path);
  const field = fieldLabel(leaf, lng);
  const min = num(issue.minimum);
  const max = num(issue.maximum);
  const isMoney = leaf !== null && /Fen$/.test(leaf);
  const show = (n: number | null) => (n === null ? '' : isMoney ? formatFen(n) : String(n));
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return min !== null && min <= 1 ? tx('issue.emptyText', { field }, lng) : tx('issue.tooShortText', { field, min }, lng);
      if (issue.origin === 'array' || issue.origin === 'set') return tx('issue.tooFewItems', { field, min }, lng);
      return tx(issue.inclusive === false ? 'issue.tooSmallNumberExclusive' : 'issue.tooSmallNumber', { field, min: show(min) }, lng);
    case 'too_big':
      if (issue.origin === 'string') return tx('issue.tooLongText', { field, max }, lng);
      if (issue.origin === 'array' || issue.origin === 'set') return tx('issue.tooManyItems', { field, max }, lng);
      return tx(issue.inclusive === false ? 'issue.tooBigNumberExclusive' : 'issue.tooBigNumber', { field, max: show(max) }, lng);
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'integer') return tx('issue.notInteger', { field }, lng);
      if (issue.input === undefined) return tx('issue.required', { field }, lng);
      return tx('issue.wrongType', { field }, lng);
    case 'invalid_format':
      return tx('issue.badFormat', { field }, lng);
    case 'invalid_value':
    case 'invalid_union':
      return tx('issue.notAllowed', { field }, lng);
    case 'not_multiple_of':
      return tx('issue.notInteger', { field }, lng);
    case 'custom':
      // The contract's refinements, told apart by where they point.
      if (leaf === 'answerEn' || leaf === 'questionEn') return tx('issue.englishPair', {}, lng);
      if (leaf === 'endedAt') return tx('issue.endBeforeStart', {}, lng);
      if (leaf === 'callbackAt') return tx('issue.callbackAtNeeded', {}, lng);
      if (leaf === 'to') return /at most/i.test(issue.message ?? '') ? tx('issue.rangeTooLong', {}, lng) : tx('issue.rangeOrder', {}, lng);
      if (/nothing to change/i.test(issue.message ?? '')) return tx('issue.nothingToChange', {}, lng);
      return tx('issue.other', { field }, lng);
    default:
      return tx('issue.other', { field }, lng);
  }
}

function label(key: string, value: unknown, lng?: string): string {
  const v = str(value) ?? '';
  return i18n.t(`${key}.${v}`, { ...(lng ? { lng } : {}), defaultValue: v.replace(/_/g, ' ') }) as string;
}

function badInput(d: Details, lng?: string): string {
  const field = str(d.field);
  const reason = str(d.reason);
  if (reason && ['none_published', 'none_in_category', 'none_in_language'].includes(reason)) return tx(`exportNone.${reason}`, {}, lng);
  if (Array.isArray(d.issues) && d.issues.length > 0) return issueText(d.issues[0] as Issue, lng);
  if (str(d.code) && str(d.key) !== null) return tx(`answer.${str(d.code)}`, { defaultValue: tx('badInput.answer', {}, lng) }, lng);
  if (Array.isArray(d.uncovered)) return tx('badInput.uncovered', { list: (d.uncovered as unknown[]).map(String).join(tx('listSep', {}, lng)) }, lng);
  if (Array.isArray(d.errors)) return tx('badInput.fileInvalid', { count: d.errors.length }, lng);
  if (Array.isArray(d.problems)) return tx('badInput.problems', { count: d.problems.length }, lng);
  if (Array.isArray(d.missingRequired)) return tx('badInput.surveySkipReason', {}, lng);
  switch (field) {
    case 'callbackAt':
      if (reason === 'outside_window') return tx('badInput.callbackAtWindow', {}, lng);
      if (reason === 'no_call_day') return tx('badInput.callbackAtNoCallDay', {}, lng);
      return tx('badInput.callbackAt', {}, lng);
    case 'dncExpiresAt':
    case 'expiresAt':
    case 'startedAt':
    case 'surveySkipReason':
    case 'category':
    case 'format':
      return tx(`badInput.${field}`, {}, lng);
    case 'reason':
      return tx('badInput.reasonRequired', {}, lng);
    case null:
      return tx('codes.BAD_INPUT', {}, lng);
    default:
      return tx('issue.other', { field: fieldLabel(field, lng) }, lng);
  }
}

function invalidTransition(d: Details, lng?: string): string {
  if (str(d.ticketId) && d.field === 'sourceTicketIds') return tx('transition.faqSource', { code: ticketCode(str(d.ticketId)!) }, lng);
  if (str(d.action) && str(d.from)) return tx('transition.faq', { status: label('faq:status', d.from, lng) }, lng);
  if (str(d.from) && str(d.to)) return tx('transition.ticket', { from: label('tickets:status', d.from, lng), to: label('tickets:status', d.to, lng) }, lng);
  if (str(d.state)) return tx('transition.voucher', { state: label('tickets:voucherState', d.state, lng) }, lng);
  if (str(d.status) && ['draft', 'in_review', 'published', 'retired'].includes(str(d.status)!)) {
    return tx('transition.faq', { status: label('faq:status', d.status, lng) }, lng);
  }
  if (str(d.status)) return tx('transition.ticketStatus', { status: label('tickets:status', d.status, lng) }, lng);
  return tx('codes.INVALID_TRANSITION', {}, lng);
}

/** The error as one sentence in the UI language (or `lng`), using its details where they say more. */
export function apiErrorText(error: Pick<ApiError, 'code' | 'message' | 'details'>, lng?: string): string {
  const d: Details = error.details ?? {};
  // The renderer's own checks put their (already translated) sentence in the message.
  if (d.local === true) return error.message;
  switch (error.code) {
    case 'BAD_INPUT':
      return badInput(d, lng);
    case 'COMPLIANCE_BLOCKED': {
      if (d.reason === 'personal_data') return tx('personalData', {}, lng);
      const blocks = Array.isArray(d.blocks) ? (d.blocks as { reason?: unknown }[]) : [];
      const reasons = blocks.map((b) => label('translation:block', b.reason, lng)).filter(Boolean);
      return reasons.length ? tx('compliance', { reasons: reasons.join(tx('listSep', {}, lng)) }, lng) : tx('codes.COMPLIANCE_BLOCKED', {}, lng);
    }
    case 'LEASE_LOST': {
      const until = num(d.until);
      return until !== null ? tx('leaseLostUntil', { until: formatDateTime(until) }, lng) : tx('codes.LEASE_LOST', {}, lng);
    }
    case 'BUDGET_EXCEEDED': {
      const budget = num(d.budgetFen);
      const spent = num(d.spentFen);
      const value = num(d.valueFen);
      if (budget === null || spent === null || value === null) return tx('codes.BUDGET_EXCEEDED', {}, lng);
      return tx('budget', { value: formatFen(value), budget: formatFen(budget), spent: formatFen(spent), left: formatFen(Math.max(0, budget - spent)) }, lng);
    }
    case 'INVALID_TRANSITION':
      return invalidTransition(d, lng);
    case 'FORBIDDEN':
      if (d.reason === 'no_approver' && num(d.perVoucherLimitFen) !== null && num(d.remainingTodayFen) !== null) {
        return tx('noApprover', { limit: formatFen(Math.min(num(d.perVoucherLimitFen)!, num(d.remainingTodayFen)!)) }, lng);
      }
      return str(d.action) ? tx('forbiddenFaq', {}, lng) : tx('codes.FORBIDDEN', {}, lng);
    case 'NOT_FOUND':
      return str(d.field) && str(d.field) !== 'by' ? tx('notFoundField', { field: fieldLabel(d.field, lng) }, lng) : tx('codes.NOT_FOUND', {}, lng);
    default: {
      if ((error.code as string) === 'TOO_LARGE' && num(d.limit) !== null) {
        const limit = num(d.limit)!;
        return tx('tooLarge', { limit: limit >= 1024 * 1024 ? `${Math.round(limit / 1048576)} MB` : `${Math.round(limit / 1024)} KB` }, lng);
      }
      return tx(`codes.${error.code}`, { defaultValue: tx('codes.INTERNAL', {}, lng) }, lng);
    }
  }
}
