import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { errorBody, ServerError, statusOf } from './errors';

/** Auth and admin requests are a few hundred bytes; 64 KiB leaves room without inviting abuse. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * One body limit per request, picked by the longest matching path prefix in `limits` (for example
 * `{'/sync/push': 16 MiB}`), else `fallback`. Checked before the body is read: an oversized
 * Content-Length is refused at once, and a chunked body is cut off as soon as it passes the limit.
 */
export function limitBodies(limits: Readonly<Record<string, number>>, fallback = DEFAULT_BODY_LIMIT): MiddlewareHandler {
  const prefixes = Object.keys(limits).sort((a, b) => b.length - a.length);
  const bySize = new Map<number, MiddlewareHandler>();
  const middlewareFor = (maxSize: number) => {
    let m = bySize.get(maxSize);
    if (!m) {
      m = bodyLimit({
        maxSize,
        onError: (c) => c.json(errorBody('TOO_LARGE', `The request body is over ${maxSize} bytes.`, { maxBytes: maxSize }), statusOf('TOO_LARGE')),
      });
      bySize.set(maxSize, m);
    }
    return m;
  };
  return (c, next) => {
    const path = c.req.path;
    const prefix = prefixes.find((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
    return middlewareFor(prefix === undefined ? fallback : limits[prefix]!)(c, next);
  };
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The JSON body parsed by `schema`, or BAD_INPUT naming what was wrong (never a 500). */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, options: { optional?: boolean } = {}): Promise<z.infer<S>> {
  const text = await c.req.text();
  if (text.trim() === '' && options.optional) return parseWith(schema, {});
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ServerError('BAD_INPUT', 'Send a JSON body with Content-Type: application/json.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServerError('BAD_INPUT', 'The request body is not valid JSON.');
  }
  return parseWith(schema, value);
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new ServerError('BAD_INPUT', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), { issues });
  }
  return parsed.data;
}
