/** What crosses every boundary (IPC, HTTP, CLI): never a thrown exception. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'CONFLICT',
  'COMPLIANCE_BLOCKED',
  'LEASE_LOST',
  'NOTHING_CALLABLE',
  'FORBIDDEN',
  /** No signed-in session (or it ended): sign in again. The web host answers 401. */
  'UNAUTHENTICATED',
  /** Too many failed sign-ins for one login; details.retryAfterMs says how long to wait. */
  'RATE_LIMITED',
  'NOT_SET_UP',
  'DB_CORRUPT',
  'DB_LOCKED',
  'DB_NEWER_SCHEMA',
  'DB_UNAVAILABLE',
  'IMPORT_FAILED',
  'INVALID_TRANSITION',
  'BUDGET_EXCEEDED',
  'EXPORT_FAILED',
  /** A request body over its method's limit (the web host answers 413). */
  'TOO_LARGE',
  /** The central server cannot be reached (or is overloaded): check the address and the network, then retry. */
  'UNAVAILABLE',
  /** The console is outside the server's protocol or schema window: update the console (its outbox is kept). */
  'UPGRADE_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable detail the UI can render in the user's language (e.g. which rule blocked). */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Thrown inside services to abort the transaction; converted to a Result at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
