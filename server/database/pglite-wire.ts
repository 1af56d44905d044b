import type { PGlite } from '@electric-sql/pglite';
import { createRequire } from 'node:module';
import { serialize } from 'pg-protocol';
import type { BackendMessage, CommandCompleteMessage, DataRowMessage, RowDescriptionMessage } from 'pg-protocol/dist/messages';
import { Parser } from 'pg-protocol/dist/parser';
import type { Queryable, QueryResult } from './queryable';

/*
 * A PGlite transaction driven through the wire protocol instead of `tx.query`. PGlite's own query
 * parses, describes and binds each statement anew (two passes through the WASM PostgreSQL per call,
 * and a plan every time); here each statement is prepared once under a name and then only bound and
 * executed, and the statements sent without waiting for each other go in one call. Its answers are
 * read by node-postgres's protocol parser (pg-protocol), on Node buffers: PGlite's own reader copies
 * every value before decoding it, which on a pull page (one text value of megabytes) was most of the
 * cost. Measured on the apply bench's statements: about 2.5× less CPU per statement.
 *
 * Each statement ends with its own Sync, as node-postgres sends them in pipeline mode: a failure answers
 * that statement alone, and the ones after it in the same transaction fail as aborted, exactly as on a
 * real PostgreSQL connection. So the same pipelining code (onPgDeferred, inSavepoints) runs on both.
 *
 * Only inside `PGlite.transaction`: its lock keeps every other query out, which PGlite's protocol calls
 * themselves do not (they take no lock).
 */

// Parameters become text exactly as node-postgres makes them on the real-PostgreSQL path.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): string | Buffer | null };

type Answer = QueryResult<Record<string, unknown>>;

interface Pending {
  message: Buffer[];
  /** The SQL of a statement this message prepares (its Parse is in the message). */
  prepares?: string;
  resolve(result: Answer): void;
  reject(error: unknown): void;
}

/** Statement names of one PGlite database: its single backend keeps them until it closes. */
export class PreparedNames {
  private readonly names = new Map<string, string>();
  private made = 0;

  /** The statement's name, and whether it still has to be parsed (the first time it is sent). */
  take(sql: string): { name: string; parse: boolean } {
    const known = this.names.get(sql);
    if (known) return { name: known, parse: false };
    const name = `w${this.made++}`;
    this.names.set(sql, name);
    return { name, parse: true };
  }

  /** A statement whose Parse was refused (bad SQL, an aborted transaction) was never prepared. */
  forget(sql: string): void {
    this.names.delete(sql);
  }
}

export interface PgliteWire extends Queryable {
  /** Resolves once every statement sent so far has been answered: the transaction may end after it. */
  drained(): Promise<void>;
}

type Parsers = Record<number | string, (value: string, typeId?: number) => unknown>;

/** One statement's answer, read message by message up to its ReadyForQuery. */
class Reading {
  private fields: { name: string; parse: ((value: string) => unknown) | null }[] = [];
  readonly rows: Record<string, unknown>[] = [];
  rowCount = 0;
  parsed = false;
  error: unknown = null;

  constructor(private readonly parsers: Parsers) {}

  take(message: BackendMessage): void {
    switch (message.name) {
      case 'parseComplete':
        this.parsed = true;
        break;
      case 'rowDescription':
        this.fields = (message as RowDescriptionMessage).fields.map((f) => {
          const parser = this.parsers[f.dataTypeID];
          return { name: f.name, parse: parser ? (value: string) => parser(value, f.dataTypeID) : null };
        });
        break;
      case 'dataRow': {
        const values = (message as DataRowMessage).fields as (string | null)[];
        const row: Record<string, unknown> = {};
        for (let i = 0; i < this.fields.length; i++) {
          const field = this.fields[i]!;
          const value = values[i] ?? null;
          row[field.name] = value === null || !field.parse ? value : field.parse(value);
        }
        this.rows.push(row);
        break;
      }
      case 'commandComplete': {
        // "INSERT 0 1", "UPDATE 3", "DELETE 0": the rows a write changed (PGlite's affectedRows).
        const text = (message as CommandCompleteMessage).text;
        if (/^(INSERT|UPDATE|DELETE|MERGE)\b/.test(text)) this.rowCount += Number(/(\d+)$/.exec(text)?.[1] ?? 0);
        break;
      }
      case 'error':
        this.error ??= message;
        break;
    }
  }
}

export function pgliteWire(client: PGlite, names: PreparedNames): PgliteWire {
  const parsers = client.parsers as Parsers;
  let queue: Pending[] = [];
  let scheduled = false;
  // One call at a time, in order: a batch is sent only after the previous one has been answered.
  let chain: Promise<void> = Promise.resolve();

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    chain = chain.then(() => send(batch));
  };

  const send = async (batch: Pending[]) => {
    let answered = 0;
    let reading = new Reading(parsers);
    const parser = new Parser();
    const onMessage = (message: BackendMessage) => {
      if (message.name !== 'readyForQuery') return reading.take(message);
      const pending = batch[answered++];
      if (!pending) return;
      if (pending.prepares !== undefined && !reading.parsed) names.forget(pending.prepares);
      if (reading.error) pending.reject(reading.error);
      else pending.resolve({ rows: reading.rows, rowCount: reading.rowCount });
      reading = new Reading(parsers);
    };
    let failure: unknown = new Error('PGlite answered fewer statements than it was sent');
    try {
      await client.execProtocolRawStream(Buffer.concat(batch.flatMap((p) => p.message)), {
        syncToFs: false,
        // The chunk is a view of PGlite's memory, reused after this call: the parser gets a copy.
        onRawData: (chunk) => parser.parse(Buffer.from(chunk), onMessage),
      });
    } catch (error) {
      failure = error;
    }
    // Whatever went wrong reaches each statement still unanswered (none of them is prepared); the chain goes on.
    for (const p of batch.slice(answered)) {
      if (p.prepares !== undefined) names.forget(p.prepares);
      p.reject(failure);
    }
  };

  const enqueue = (message: Buffer[], prepares?: string): Promise<Answer> =>
    new Promise<Answer>((resolve, reject) => {
      queue.push({ message, prepares, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // After the microtasks already queued: the statements a mutation sends without waiting ride
        // together. (Waiting for the end of the turn with setImmediate batched no more and was slower.)
        queueMicrotask(flush);
      }
    });

  return {
    pipelined: true,
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const statement = names.take(sql);
      const message = [
        ...(statement.parse ? [serialize.parse({ name: statement.name, text: sql })] : []),
        serialize.bind({ statement: statement.name, values: params.map((v) => prepareValue(v)) }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ];
      const result = await enqueue(message, statement.parse ? sql : undefined);
      return result as QueryResult<R>;
    },
    async script(sql: string): Promise<void> {
      await enqueue([serialize.query(sql)]);
    },
    async drained(): Promise<void> {
      while (queue.length > 0 || scheduled) {
        flush();
        await chain;
      }
      await chain;
    },
  };
}
