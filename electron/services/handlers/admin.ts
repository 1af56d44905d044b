import type { AdminMethod } from '../../../core/contract/methods';
import { auditList, importBatches } from '../admin';
import { currentUser } from '../context';
import type { HandlersFor } from './types';

/** core/contract/api-admin.ts: callback imports (run by ctx.imports) and the audit log. */
export const adminHandlers: HandlersFor<AdminMethod> = {
  'imports.start': (ctx, input) => {
    currentUser(ctx);
    return ctx.imports.start(ctx, input.fileName, Buffer.from(input.contentBase64, 'base64'));
  },
  'imports.status': (ctx, input) => ctx.imports.status(input.jobId),
  'imports.commit': (ctx, input) => ctx.imports.commit(ctx, input.jobId, currentUser(ctx).id),
  'imports.cancel': (ctx, input) => ({ cancelled: ctx.imports.cancel(input.jobId) }),
  'imports.list': importBatches,
  'audit.list': auditList,
};
