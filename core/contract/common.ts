import { z } from 'zod';

/* Small schema pieces every domain's contract file (api-<domain>.ts) uses. */

export const id = z.uuid();
export const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
export const empty = z.object({}).strict();
export const byId = z.object({ id }).strict();
export const locale = z.enum(['zh-CN', 'en']);

/** `returns<Output>()(inputSchema)`: the input type is inferred, the output type is declared. */
export const returns =
  <O>() =>
  <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });

/** One contract entry: a zod schema for the input and a phantom output type. */
export type MethodSpec = { input: z.ZodType; output: unknown };

/**
 * A domain's contract: exactly the names of its list in methods.ts. A domain file writes
 * `{ … } satisfies ContractFor<SessionMethod>`, so a missing name or a name not in the list is a type error.
 */
export type ContractFor<N extends string> = { readonly [K in N]: MethodSpec };
