import { v7 as uuidv7 } from 'uuid';
import { MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, SHARED_SCHEMA_VERSION, type PullCursor } from '../../../core/sync/protocol';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/repos/stmt';
import { clearStage, countByStatus, getSyncMeta, markPushed, setSyncMeta, stagePage, unsentMutations } from '../../../db/repos/sync';
import { accessTokenFor, anySession, dropSession, sessionOf } from './credentials';
import { serverApi, ServerReply, Unreachable, type Fetch, type ServerApi } from './http';
import { landPull, type Landed } from './land';

/*
 * The console's sync loop: push the outbox in order (each run of one author's mutations under that
 * author's sign-in), pull the team's changes in pages, land them in one transaction, then wait for the
 * server's poke. Network failures back off with jitter and never touch local data; a server reply that
 * the console is outside its protocol window stops the loop in an "update the console" state with the
 * outbox untouched.
 */

export type SyncState = 'disconnected' | 'offline' | 'syncing' | 'online' | 'upgrade_required' | 'signed_out';

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncStatusView {
  state: SyncState;
  serverUrl: string | null;
  lastSyncedAt: number | null;
  pending: number;
  refused: number;
  /** Users whose unsent changes wait until they sign in at this console again. */
  waitingFor: string[];
  progress: SyncProgress | null;
  /** Server clock minus this console's clock at the last exchange (ms). */
  clockSkewMs: number | null;
  lastError: { code: string; message: string } | null;
  /** The team version this console's data is at. */
  version: number;
}

export interface SyncEngineOptions {
  now: () => number;
  fetch?: Fetch;
  /** Backoff bounds for an unreachable server (ms). */
  backoff?: { minMs: number; maxMs: number };
  random?: () => number;
}

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private wake: (() => void) | null = null;
  private pokeAbort: AbortController | null = null;
  private failures = 0;
  private state: SyncState;
  private progress: SyncProgress | null = null;
  private skew: number | null = null;
  private lastError: SyncStatusView['lastError'] = null;
  private waitingFor = new Set<string>();
  /** Grows each time pulled rows land; the renderer reloads its views when it moves. */
  dataVersion = 0;
  private readonly dataWaiters = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly options: SyncEngineOptions,
  ) {
    this.state = this.serverUrl() ? 'offline' : 'disconnected';
  }

  serverUrl(): string | null {
    return getSyncMeta(this.db, 'sync.server') ?? null;
  }

  api(url = this.serverUrl()): ServerApi {
    if (!url) throw new Unreachable('This console is not connected to a server.');
    return serverApi(url, this.options.fetch);
  }

  status(): SyncStatusView {
    const counts = countByStatus(this.db);
    const last = getSyncMeta(this.db, 'sync.lastSyncedAt');
    return {
      state: this.serverUrl() ? this.state : 'disconnected',
      serverUrl: this.serverUrl(),
      lastSyncedAt: last ? Number(last) : null,
      pending: counts.pending,
      refused: counts.refused,
      waitingFor: [...this.waitingFor],
      progress: this.progress,
      clockSkewMs: this.skew,
      lastError: this.lastError,
      version: Number(getSyncMeta(this.db, 'sync.cookie') ?? 0),
    };
  }

  /** Joins this console to the server's team: from now on every change is numbered and sent. */
  connect(url: string, teamId: string): void {
    inTransaction(this.db, () => {
      setSyncMeta(this.db, 'sync.server', url);
      setSyncMeta(this.db, 'sync.teamId', teamId);
      if (!getSyncMeta(this.db, 'sync.clientId')) setSyncMeta(this.db, 'sync.clientId', uuidv7().replace(/-/g, ''));
      setSyncMeta(this.db, 'sync.capture', '1');
      setSyncMeta(this.db, 'sync.cookie', '0');
      clearStage(this.db);
    });
    this.state = 'offline';
  }

  /**
   * One full exchange: push everything pushable, then pull to the head and land it. Concurrent calls
   * share one run (and a call during a run schedules one more), so there is never more than one.
   */
  syncOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        for (;;) {
          this.again = false;
          try {
            await this.exchange();
          } catch (error) {
            // A caller who asked during a failed run ("Sync now" the moment the network came back) gets
            // a run of their own, not the failure of one that began before they asked.
            if (this.again) continue;
            throw error;
          }
          if (!this.again) return;
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async exchange(): Promise<void> {
    if (!this.serverUrl()) return;
    this.state = 'syncing';
    try {
      await this.pushAll();
      await this.pullAll();
      this.failures = 0;
      this.lastError = null;
      this.state = this.waitingFor.size > 0 && !anySession(this.db) ? 'signed_out' : 'online';
      setSyncMeta(this.db, 'sync.lastSyncedAt', String(this.options.now()));
    } catch (error) {
      this.progress = null;
      if (error instanceof ServerReply) {
        this.lastError = { code: error.code, message: error.message };
        this.state = error.code === 'UPGRADE_REQUIRED' ? 'upgrade_required' : error.code === 'UNAUTHENTICATED' ? 'signed_out' : 'offline';
      } else if (error instanceof Unreachable) {
        this.lastError = { code: 'UNAVAILABLE', message: error.message };
        this.state = 'offline';
      } else {
        throw error;
      }
      throw error;
    } finally {
      // The state moved (online, offline…) even when no data landed: a waiting status read answers now.
      this.wakeDataWaiters();
    }
  }

  private versions() {
    return { protocol: PROTOCOL_VERSION, schema: SHARED_SCHEMA_VERSION, clientId: getSyncMeta(this.db, 'sync.clientId')! };
  }

  /** Pushes the outbox in order, a run of one author's mutations per request. */
  async pushAll(): Promise<void> {
    const api = this.api();
    this.waitingFor.clear();
    for (;;) {
      const queue = unsentMutations(this.db, MAX_PUSH_MUTATIONS);
      if (queue.length === 0) return;
      const author = queue[0]!.authorId!;
      const run = [];
      for (const m of queue) {
        if (m.authorId !== author) break;
        run.push(m);
      }
      const token = await accessTokenFor(this.db, api, author, this.options.now());
      if (!token) {
        // Order matters across authors (a release before a colleague's lease): wait, do not skip.
        this.waitingFor.add(author);
        return;
      }
      const sent = this.options.now();
      const reply = await api.push(token, {
        ...this.versions(),
        mutations: run.map((m) => ({ id: m.mutationId, name: m.name, args: JSON.parse(m.args) as unknown, clientTime: m.createdAt })),
      });
      this.skew = reply.serverTime - Math.round((sent + this.options.now()) / 2);
      markPushed(this.db, reply.lastMutationId, this.options.now());
      if (reply.lastMutationId < run[0]!.mutationId) {
        throw new Unreachable(`The server expects mutation ${reply.lastMutationId + 1}, which this console no longer has.`);
      }
      const signedOut = sessionOf(this.db, author)?.signedOutAt;
      if (signedOut != null && unsentMutations(this.db, MAX_PUSH_MUTATIONS).every((m) => m.authorId !== author)) {
        // Their work is sent: end their server session now, as they asked when they signed out.
        const row = sessionOf(this.db, author);
        if (row) await api.signOut(row.refreshToken).catch(() => undefined);
        dropSession(this.db, author);
      }
    }
  }

  /** Pulls every page after the cookie (resuming a pull a restart interrupted) and lands them. */
  async pullAll(): Promise<Landed | null> {
    const api = this.api();
    const session = anySession(this.db);
    if (!session) return null;
    const token = await accessTokenFor(this.db, api, session.userId, this.options.now());
    if (!token) return null;
    let reset = getSyncMeta(this.db, 'sync.cookie') === '0';
    let after = JSON.parse(getSyncMeta(this.db, 'sync.pullAfter') ?? 'null') as PullCursor | null;
    let cookie = Number(getSyncMeta(this.db, 'sync.cookie') ?? 0);
    let done = after ? Number(getSyncMeta(this.db, 'sync.pullTotal')?.split('/')[0] ?? 0) : 0;
    let total = after ? Number(getSyncMeta(this.db, 'sync.pullTotal')?.split('/')[1] ?? 0) : 0;
    const request = (from: PullCursor | null) => {
      const sent = this.options.now();
      const reply = api.pull(token, { ...this.versions(), cookie, after: from, refusalsAfter: Number(getSyncMeta(this.db, 'sync.refusalsAfter') ?? 0) });
      const page = reply.then((p) => ({ page: p, sent }));
      page.catch(() => undefined); // a page asked for ahead fails when it is awaited, not before
      return page;
    };
    // Pages asked for and not staged yet, staged in this order; and the first page's plan of where the
    // following pages start, not asked for yet. While the plan lasts, PULL_PAGES_AHEAD pages are on their
    // way at once (the server reads and sends one while it reads the next, as this console writes); past
    // it (or from an older server) the next page is asked for as soon as a page's `next` is known.
    let ahead: ReturnType<typeof request>[] = [];
    let planned: PullCursor[] = [];
    for (;;) {
      const { page, sent } = await (ahead.shift() ?? request(after));
      const { reply } = page;
      this.skew = reply.serverTime - Math.round((sent + this.options.now()) / 2);
      if (reply.reset) {
        // The server no longer has what this console's cookie needs: start over from nothing.
        inTransaction(this.db, () => {
          clearStage(this.db);
          setSyncMeta(this.db, 'sync.cookie', '0');
          setSyncMeta(this.db, 'sync.pullAfter', null);
        });
        cookie = 0;
        after = null;
        reset = true;
        done = 0;
        ahead = [];
        planned = [];
        continue;
      }
      if (!after) {
        total = reply.total;
        planned = reply.plan ?? [];
      }
      // A planned page may repeat rows of the one before it (they moved while the pull ran).
      done = Math.min(done + reply.count, Math.max(total, done));
      this.progress = total > PULL_PROGRESS_MIN ? { done, total } : null;
      if (reply.next === null) {
        if (!after && reply.count === 0 && cookie === reply.head && !reset) {
          const landed = reply.refusals.length > 0 || reply.lastMutationId > Number(getSyncMeta(this.db, 'sync.refusalsAfter') ?? 0);
          if (!landed) return null; // nothing new: no transaction, no re-render
        }
        stagePage(this.db, page.rowsJson);
        const landed = landPull(this.db, reply, reset);
        this.progress = null;
        this.dataVersion++;
        this.wakeDataWaiters();
        return landed;
      }
      const cursor = reply.next;
      // Ask for the next pages before writing this one: the server reads while this console writes.
      if (ahead.length === 0 && planned.length === 0) ahead.push(request(cursor));
      while (ahead.length < PULL_PAGES_AHEAD && planned.length > 0) ahead.push(request(planned.shift()!));
      inTransaction(this.db, () => {
        stagePage(this.db, page.rowsJson);
        setSyncMeta(this.db, 'sync.pullAfter', JSON.stringify(cursor));
        setSyncMeta(this.db, 'sync.pullTotal', `${done}/${total}`);
      });
      after = cursor;
    }
  }

  /** Runs the loop: sync, then wait for a poke, a local change or the backoff after a failure. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop();
  }

  /** Resolves once pulled data lands past `after` (dataVersion) or an exchange ends, after `ms`, or when the engine stops. */
  waitForData(after: number, ms: number): Promise<void> {
    if (this.dataVersion > after || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.dataWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.dataWaiters.add(done);
    });
  }

  private wakeDataWaiters(): void {
    for (const done of [...this.dataWaiters]) done();
  }

  stop(): void {
    this.wakeDataWaiters();
    this.stopped = true;
    this.pokeAbort?.abort();
    this.wake?.();
  }

  /** A local change was made (or the user pressed "Sync now"): exchange soon. */
  nudge(): void {
    this.pokeAbort?.abort();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let waitMs = 0;
      try {
        await this.syncOnce();
      } catch (error) {
        if (!(error instanceof Unreachable) && !(error instanceof ServerReply)) console.error('[sync] exchange failed:', error);
        this.failures++;
        const { minMs, maxMs } = this.options.backoff ?? { minMs: 1000, maxMs: 60_000 };
        // Full jitter: many consoles coming back at once do not knock the server over together.
        waitMs = Math.min(maxMs, minMs * 2 ** Math.min(this.failures - 1, 16)) * (0.5 + (this.options.random ?? Math.random)() / 2);
        if (this.state === 'upgrade_required') waitMs = maxMs;
      }
      if (this.stopped) return;
      await this.waitForChange(waitMs);
    }
  }

  private async waitForChange(backoffMs: number): Promise<void> {
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    if (backoffMs > 0) {
      await Promise.race([woken, new Promise((r) => setTimeout(r, backoffMs))]);
      this.wake = null;
      return;
    }
    this.pokeAbort = new AbortController();
    const session = anySession(this.db);
    try {
      const token = session && (await accessTokenFor(this.db, this.api(), session.userId, this.options.now()));
      if (!token) {
        await Promise.race([woken, new Promise((r) => setTimeout(r, 5_000))]);
        return;
      }
      const since = Number(getSyncMeta(this.db, 'sync.cookie') ?? 0);
      await Promise.race([woken, this.api().poke(token, since, this.pokeAbort.signal)]);
    } catch {
      // The poke failed or was aborted: the next exchange finds out whether the server is there.
    } finally {
      this.wake = null;
      this.pokeAbort = null;
    }
  }
}

/** Pulls smaller than this finish too fast for a progress bar to mean anything. */
const PULL_PROGRESS_MIN = 2000;
/** Planned pages on their way at once during a first sync (measured: see README, first sync). */
const PULL_PAGES_AHEAD = 3;
