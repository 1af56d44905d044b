import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { CallScriptState, RenderContext, ResponseView } from '../../core/contract/views';
import { answer as answerScript, unanswer } from '../../core/questionnaire/engine';
import type { Db } from '../../db/open';
import { getCallback } from '../../db/repos/callbacks';
import { inTransaction } from '../../db/repos/stmt';
import { getCustomer } from '../../db/repos/customers';
import { currentAnswers, getResponse, latestResponseFor, type ResponseRow } from '../../db/repos/responses';
import { getVersion } from '../../db/repos/scripts';
import { getUser } from '../../db/repos/users';
import { ticketOfCallback } from '../../db/repos/tickets';
import { listVoucherRows } from '../../db/repos/vouchers';
import { describeVoucher } from '../../core/vouchers/describe';
import { currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';
import { applicableScript as applicableScriptQ } from '../../core/mutations/responses';
import { onDb } from '../../db/store';

const applicableScript = onDb(applicableScriptQ);

/**
 * What {ticket_subject} reads to the customer: the subject of the ticket this call follows up, as the
 * agent typed it for the customer. Never the callback's notes or a ticket's internal notes: those are
 * instructions to agents ("致歉并回访") and must not be read aloud. No ticket → null (the neutral word).
 */
function ticketSubjectOf(db: Db, callbackId: string): string | null {
  const subject = ticketOfCallback(db, callbackId)?.subject.trim() ?? '';
  return subject === '' ? null : subject;
}

/** The compensation given on the ticket this call follows up (the latest issued or redeemed voucher). */
function voucherOf(db: Db, callbackId: string, locale: 'zh-CN' | 'en'): string | null {
  const ticket = ticketOfCallback(db, callbackId);
  if (!ticket) return null;
  const given = listVoucherRows(db, { ticketId: ticket.id, states: ['issued', 'redeemed'], offset: 0, limit: 1 }).rows[0];
  return given ? describeVoucher(given, locale) : null;
}

/** What the placeholders of a script read on this call (the agent is whoever takes the questionnaire). */
function renderContext(db: Db, callbackId: string, customerId: string, agentId: string, locale: 'zh-CN' | 'en'): RenderContext {
  const customer = getCustomer(db, customerId)!;
  return {
    customerName: customer.name,
    gender: customer.gender,
    agentName: getUser(db, agentId)?.name ?? '',
    ticketSubject: ticketSubjectOf(db, callbackId),
    voucher: voucherOf(db, callbackId, locale),
    // Placeholders follow the language the script is written in, not the screen's.
    locale,
  };
}

function responseView(db: Db, response: ResponseRow): ResponseView {
  const version = getVersion(db, response.scriptVersionId)!;
  return {
    id: response.id,
    callbackId: response.callbackId,
    status: response.status,
    startedAt: response.startedAt,
    endedAt: response.endedAt,
    scriptId: version.scriptId,
    versionId: version.id,
    version: version.version,
    content: version.content,
    answers: currentAnswers(db, response.id),
    context: renderContext(db, response.callbackId, response.customerId, response.agentId, version.content.locale),
  };
}

export function forCallback(ctx: ServiceContext, input: ParsedInputOf<'responses.forCallback'>): CallScriptState {
  const agent = currentUser(ctx);
  const applies = applicableScript(ctx.db, input.callbackId);
  const latest = latestResponseFor(ctx.db, input.callbackId);
  const callback = getCallback(ctx.db, input.callbackId)!;
  return {
    applies: applies
      ? {
          scriptId: applies.script.id,
          title: applies.version.content.title,
          version: applies.version.version,
          content: applies.version.content,
          context: renderContext(ctx.db, callback.id, callback.customerId, agent.id, applies.version.content.locale),
        }
      : null,
    response: latest ? responseView(ctx.db, latest) : null,
  };
}

/** Begins the questionnaire on the script's current version, or resumes the one in progress. */
export function start(ctx: ServiceContext, input: ParsedInputOf<'responses.start'>): ResponseView {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const callback = getCallback(ctx.db, input.callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  if (callback.state !== 'open') throw new AppError('CONFLICT', 'This callback is closed; its questionnaire can no longer be taken.');
  if (callback.leaseAgentId !== null && callback.leaseAgentId !== agent.id && (callback.leaseExpiresAt ?? 0) > now) {
    throw new AppError('LEASE_LOST', 'Another agent is working this callback.');
  }
  const latest = latestResponseFor(ctx.db, input.callbackId);
  if (latest?.status === 'in_progress' && latest.agentId === agent.id) return responseView(ctx.db, latest);
  const applies = applicableScript(ctx.db, input.callbackId);
  if (!applies) throw new AppError('NOT_FOUND', 'No questionnaire is set for this kind of callback.');
  const responseId = ctx.newId();
  inTransaction(ctx.db, () => {
    // A colleague's questionnaire left open on this callback ended with their call: it stays partial.
    if (latest?.status === 'in_progress') runMutation(ctx.db, 'responses.finish', { responseId: latest.id, status: 'partial', at: now }, now);
    runMutation(ctx.db, 'responses.start', { responseId, callbackId: input.callbackId, scriptVersionId: applies.version.id, agentId: agent.id, at: now }, now);
  });
  return responseView(ctx.db, getResponse(ctx.db, responseId)!);
}

function ownResponse(ctx: ServiceContext, responseId: string) {
  const agent = currentUser(ctx);
  const response = getResponse(ctx.db, responseId);
  if (!response) throw new AppError('NOT_FOUND', 'That questionnaire response does not exist.');
  if (response.agentId !== agent.id) throw new AppError('FORBIDDEN', 'This questionnaire is being taken by another agent.');
  return response;
}

/** Saves one answer as it is given; answers hidden by the change are cleared in the same step. */
export function answer(ctx: ServiceContext, input: ParsedInputOf<'responses.answer'>): ResponseView {
  const response = ownResponse(ctx, input.responseId);
  const content = getVersion(ctx.db, response.scriptVersionId)!.content;
  const before = currentAnswers(ctx.db, response.id);
  const result = input.answer === null ? unanswer(content, before, input.key) : answerScript(content, before, input.key, input.answer);
  if (!result.ok) throw new AppError('BAD_INPUT', result.message, { code: result.code, key: input.key });
  const now = ctx.now();
  runMutation(
    ctx.db,
    'responses.answer',
    {
      responseId: response.id,
      factId: ctx.newId(),
      key: input.key,
      answer: input.answer === null ? null : (result.answers[input.key] ?? null),
      cleared: result.cleared.map((key) => ({ key, factId: ctx.newId() })),
      at: now,
    },
    now,
    response.agentId,
  );
  return responseView(ctx.db, getResponse(ctx.db, response.id)!);
}

export function finish(ctx: ServiceContext, input: ParsedInputOf<'responses.finish'>): ResponseView {
  const response = ownResponse(ctx, input.responseId);
  const now = ctx.now();
  runMutation(ctx.db, 'responses.finish', { responseId: response.id, status: input.status, at: now }, now, response.agentId);
  return responseView(ctx.db, getResponse(ctx.db, response.id)!);
}
