import { z } from 'zod';

/*
 * The sync protocol between a console and the central server (in the style of Replicache's push and
 * PowerSync's checkpoints). A console device is one client: it pushes its outbox in order, each mutation
 * with an id one above the last; the server applies each exactly once as the signed-in author and
 * records the outcome. A pull returns the newest image of every row of the token's team written after
 * the console's cookie, in pages; the console applies them in one transaction after the last page.
 */

/** The wire format. A change that old consoles cannot read bumps it (2: a pull page is two JSON lines). */
export const PROTOCOL_VERSION = 2;
/** The shape of the shared tables; bumped with every migration that changes one of them. */
export const SHARED_SCHEMA_VERSION = 1;
/** What a server accepts: consoles outside the window are told to update and keep their outbox untouched. */
export const ACCEPTED_SCHEMA_VERSIONS = { min: 1, max: 1 } as const;

/** Most mutations one push carries; a large import is many mutations, never one huge one. */
export const MAX_PUSH_MUTATIONS = 500;
/** Most row images one pull page carries. */
export const PULL_PAGE_ROWS = 5000;

const versions = { protocol: z.number().int(), schema: z.number().int() };
const clientId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const pushedMutation = z
  .object({
    /** Per client, one above the previous one. */
    id: z.number().int().positive(),
    name: z.string().min(1).max(64),
    args: z.unknown(),
    /** The console's clock when the change was made: kept, never used for ordering. */
    clientTime: z.number().int(),
  })
  .strict();
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushRequest = z
  .object({ ...versions, clientId, mutations: z.array(pushedMutation).min(1).max(MAX_PUSH_MUTATIONS) })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

export interface MutationOutcome {
  id: number;
  ok: boolean;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

export interface PushReply {
  /** The id of this client's last mutation the server has taken (applied or refused). */
  lastMutationId: number;
  /** Outcomes of the mutations this request carried that were new to the server. */
  outcomes: MutationOutcome[];
  /** The server's clock when it answered (the console warns of clock skew). */
  serverTime: number;
}

export const pullCursor = z.object({ version: z.number().int().min(0), table: z.string().max(64), pk: z.string().max(512) }).strict();
export type PullCursor = z.infer<typeof pullCursor>;

export const pullRequest = z
  .object({
    ...versions,
    clientId,
    /** The version the console's state is at; 0 or absent for a first sync. */
    cookie: z.number().int().min(0),
    /** Where the previous page of this pull ended (absent on a pull's first page). */
    after: pullCursor.nullish(),
    /** Refusals of this client's mutations above this id are returned. */
    refusalsAfter: z.number().int().min(0),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequest>;

export interface PulledRow {
  /** The table. */
  t: string;
  /** The primary key (a JSON array for a composite key). */
  k: string;
  /** The row's newest image keyed by column name, or null for a deleted row. */
  r: Record<string, unknown> | null;
}

export interface Refusal {
  id: number;
  name: string;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A pull page on the wire is two lines of JSON (`application/x-ndjson`): the envelope
 * `{"ok":true,"value":PullReply}` and then the page's rows as one JSON array of PulledRow. The rows
 * are built as text by the database and written into the console's stage by its SQLite as text: no
 * row is parsed into objects and serialized again on either side, which is most of a first sync's
 * CPU time otherwise.
 */
export const PULL_PAGE_CONTENT_TYPE = 'application/x-ndjson';

/** A pull page as the console receives it: the envelope, and the rows' JSON array as text. */
export interface PullPage {
  reply: PullReply;
  /** A JSON array of PulledRow, `count` long. */
  rowsJson: string;
}

export interface PullReply {
  /** Drop every shared row and pull from 0: the cookie is older than compaction or unknown to the server. */
  reset: boolean;
  /** Rows on this page (in the second line). */
  count: number;
  /** Length of the second line (JavaScript string length): a cut response is caught before it is staged. */
  rowsLength: number;
  /** Absent when this page was the last one. */
  next: PullCursor | null;
  /** The team's version this pull brings the console to (once every page is applied). */
  head: number;
  /** The last of this client's mutations the server has taken, consistent with `head`. */
  lastMutationId: number;
  refusals: Refusal[];
  serverTime: number;
  /** Rows of the whole pull (estimated on the first page), for a progress bar. */
  total: number;
  /**
   * On a first page with more to come: where each following page starts, as read now (the first is
   * `next`). A console may ask for several of them at once; it stages them in this order and goes on
   * from the last one's `next`. Rows that change meanwhile move past every planned cursor, so a page
   * can only overlap the next one (an image staged twice), never leave a gap. Absent from older servers.
   */
  plan?: PullCursor[];
}

/** The most page starts a first page plans (5,000,000 rows at PULL_PAGE_ROWS); the rest go page by page. */
export const PULL_PLAN_MAX = 1000;
