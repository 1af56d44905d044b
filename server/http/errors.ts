import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServerErrorCode } from '../../core/auth/wire';

/*
 * Every reply is `{ok:true,value}` or `{ok:false,error:{code,message,details?}}`, with the HTTP status
 * that code means, so a client can branch on either. Handlers throw ServerError; the app's error
 * handler turns it (and anything unexpected, as INTERNAL without its stack) into the reply.
 */

export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers (Retry-After on RATE_LIMITED). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

const STATUS: Partial<Record<ServerErrorCode, ContentfulStatusCode>> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UPGRADE_REQUIRED: 426,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  DB_UNAVAILABLE: 503,
};

export function statusOf(code: ServerErrorCode): ContentfulStatusCode {
  // Codes the console's business rules answer (COMPLIANCE_BLOCKED, BUDGET_EXCEEDED…) are refusals of
  // a well-formed request: 422, unlike INTERNAL, which is the only 500.
  return STATUS[code] ?? (code === 'INTERNAL' ? 500 : 422);
}

export interface ErrorBody {
  ok: false;
  error: { code: ServerErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(code: ServerErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
