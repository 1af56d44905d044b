import { z } from 'zod';
import { empty, epochMs, id, returns, type ContractFor } from './common';
import type { AdminMethod } from './methods';
import type { AuditView, ImportBatchView, ImportJob } from './views';

/* Callback imports and the audit log (merged in api.ts). */

export const auditQuerySchema = z
  .object({
    action: z.string().max(64).optional(),
    actorId: id.optional(),
    subjectId: id.optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const adminContract = {
  'imports.start': returns<ImportJob>()(
    z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.base64().max(200_000_000) }).strict(),
  ),
  'imports.status': returns<ImportJob>()(z.object({ jobId: id }).strict()),
  'imports.commit': returns<ImportJob>()(z.object({ jobId: id }).strict()),
  'imports.cancel': returns<{ cancelled: boolean }>()(z.object({ jobId: id }).strict()),
  'imports.list': returns<ImportBatchView[]>()(empty),
  'audit.list': returns<{ rows: AuditView[]; total: number }>()(auditQuerySchema),
} satisfies ContractFor<AdminMethod>;
