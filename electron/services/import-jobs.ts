import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CsvFileError, decodeCsvBytes, duplicateKey, splitCsv, validateRecord, type ImportRow, type RowError } from '../../core/csv';
import { AppError } from '../../core/contract/result';
import type { ImportJob, ImportReport } from '../../core/contract/views';
import type { MutationArgs } from '../../core/sync/mutations';
import { openDuplicateExists } from '../../db/repos/callbacks';
import { countWarnings, importChecker, noWarnings, type ImportWarning } from '../../core/csv/warnings';
import { findCustomerByPhone } from '../../db/repos/customers';
import { getSettings } from '../../db/repos/settings';
import type { Db } from '../../db/open';
import { runMutation } from './mutations/registry';
import { inTransaction } from '../../db/repos/stmt';
import { IMPORT_PART_ROWS } from '../../core/mutations/imports';

/**
 * What an import job needs of the back end. The service context (context.ts) holds the jobs, so the jobs
 * name only these parts of it instead of importing it: no import circle.
 */
export interface ImportContext {
  db: Db;
  now: () => number;
  newId: () => string;
}

const CHUNK = 2_000;
/** Row errors kept for display; the counts stay exact beyond it. */
const MAX_REPORTED_ERRORS = 1_000;

interface JobState {
  job: ImportJob;
  rows: ImportRow[];
  cancelled: boolean;
}

/**
 * Imports run as jobs so a large file shows progress: parsing and validation yield to the event loop
 * between chunks (status calls are answered meanwhile); the commit is one transaction, so a crash or a
 * closed app leaves either the whole batch or nothing.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, JobState>();

  start(ctx: ImportContext, fileName: string, bytes: Uint8Array): ImportJob {
    const jobId = ctx.newId();
    const state: JobState = { job: { jobId, fileName, phase: 'parsing', processed: 0, total: 0 }, rows: [], cancelled: false };
    this.jobs.set(jobId, state);
    void this.validate(ctx, state, bytes).catch((error: unknown) => {
      state.job = { jobId, fileName, phase: 'failed', processed: 0, total: 0, error: toJobError(error) };
    });
    return state.job;
  }

  /** Runs a job to its report without polling (CLI, tests). */
  async startAndWait(ctx: ImportContext, fileName: string, bytes: Uint8Array): Promise<ImportJob> {
    const jobId = ctx.newId();
    const state: JobState = { job: { jobId, fileName, phase: 'parsing', processed: 0, total: 0 }, rows: [], cancelled: false };
    this.jobs.set(jobId, state);
    try {
      await this.validate(ctx, state, bytes);
    } catch (error) {
      state.job = { jobId, fileName, phase: 'failed', processed: 0, total: 0, error: toJobError(error) };
    }
    return state.job;
  }

  status(jobId: string): ImportJob {
    return this.get(jobId).job;
  }

  cancel(jobId: string): boolean {
    const state = this.jobs.get(jobId);
    if (!state || state.job.phase === 'done' || state.job.phase === 'committing') return false;
    state.cancelled = true;
    this.jobs.delete(jobId);
    return true;
  }

  commit(ctx: ImportContext, jobId: string, createdBy: string): ImportJob {
    const state = this.get(jobId);
    const job = state.job;
    if (job.phase !== 'ready') throw new AppError('CONFLICT', `This import cannot be committed while it is ${job.phase}.`);
    if (job.report.valid === 0) throw new AppError('BAD_INPUT', 'The file has no valid rows to import.');
    const now = ctx.now();
    const batchId = ctx.newId();
    const rows = state.rows.map((r) => ({
      customerId: ctx.newId(),
      callbackId: ctx.newId(),
      phone: r.phone,
      name: r.name,
      reason: r.reason,
      priority: r.priority,
      dueAt: r.dueAt,
      timezone: r.timezone,
      notes: r.notes,
    }));
    const of = Math.max(1, Math.ceil(rows.length / IMPORT_PART_ROWS));
    state.job = { ...job, phase: 'committing' };
    try {
      // All parts in one local transaction: here the import is all or nothing, as before.
      const { imported, duplicates } = inTransaction(ctx.db, () => {
        let total = { imported: 0, duplicates: 0 };
        for (let index = 0; index < of; index++) {
          const args: MutationArgs<'imports.commit'> = {
            batchId,
            fileName: job.fileName,
            createdAt: now,
            createdBy,
            totalRows: job.report.totalRows,
            invalid: job.report.invalid,
            part: { index, of },
            rows: rows.slice(index * IMPORT_PART_ROWS, (index + 1) * IMPORT_PART_ROWS),
          };
          const done = runMutation(ctx.db, 'imports.commit', args, now);
          total = { imported: total.imported + done.imported, duplicates: total.duplicates + done.duplicates };
        }
        return total;
      });
      state.rows = [];
      state.job = { ...job, phase: 'done', batchId, imported, duplicates };
      return state.job;
    } catch (error) {
      state.job = job;
      throw error;
    }
  }

  private get(jobId: string): JobState {
    const state = this.jobs.get(jobId);
    if (!state) throw new AppError('NOT_FOUND', 'That import is no longer open. Start the import again.');
    return state;
  }

  private async validate(ctx: ImportContext, state: JobState, bytes: Uint8Array): Promise<void> {
    const { jobId, fileName } = state.job;
    const { text, encoding } = decodeCsvBytes(bytes);
    const { columns, records, blankLines } = splitCsv(text);
    const total = records.length;
    const errors: RowError[] = [];
    let invalid = 0;
    let duplicates = 0;
    const seen = new Set<string>();
    const warnings: ImportWarning[] = [];
    const warningCounts = noWarnings();
    const check = importChecker(ctx.now(), getSettings(ctx.db));
    for (let i = 0; i < total; i += CHUNK) {
      if (state.cancelled) return;
      state.job = { jobId, fileName, phase: 'validating', processed: i, total };
      for (const record of records.slice(i, i + CHUNK)) {
        const result = validateRecord(columns, record);
        if ('errors' in result) {
          invalid++;
          for (const e of result.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
          continue;
        }
        const key = duplicateKey(result.row);
        const customer = seen.has(key) ? undefined : findCustomerByPhone(ctx.db, result.row.phone);
        if (seen.has(key) || (customer && openDuplicateExists(ctx.db, customer.id, result.row.reason, result.row.dueAt))) {
          duplicates++;
        } else {
          // A skipped duplicate is not imported, so it has nothing to warn about.
          const found = check(result.row, customer);
          countWarnings(warningCounts, found);
          for (const w of found) if (warnings.length < MAX_REPORTED_ERRORS) warnings.push(w);
        }
        seen.add(key);
        state.rows.push(result.row);
      }
      await yieldToEventLoop();
    }
    const report: ImportReport = {
      encoding,
      totalRows: total,
      valid: state.rows.length - duplicates,
      duplicates,
      invalid,
      blankLines,
      errors,
      warnings,
      warningCounts,
    };
    state.job = { jobId, fileName, phase: 'ready', processed: total, total, report };
  }
}

function toJobError(error: unknown): { code: 'IMPORT_FAILED' | 'BAD_INPUT'; message: string; details?: Record<string, unknown> } {
  if (error instanceof CsvFileError) {
    return { code: 'BAD_INPUT', message: error.message, details: { csvCode: error.code, missing: error.missing ?? [] } };
  }
  return { code: 'IMPORT_FAILED', message: error instanceof Error ? error.message : String(error) };
}
