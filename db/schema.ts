/*
 * The console's local store. Synced tables use UUIDv7 text ids born where the record is born; facts
 * (attempts, dnc entries, audit) are append-only; state changes only through named mutations. Times are
 * UTC epoch ms. Only `outbox`, `local_meta`, `local_credentials` and `call_drafts` are device-local.
 * The tables are split by side, queue and cases; this module is the one schema drizzle-kit reads
 * (drizzle.config.ts) and the code imports.
 */

export * from './schema-queue';
export * from './schema-cases';
