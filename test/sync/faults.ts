import type { Fetch } from '../../electron/services/sync/http';

/*
 * The network between one console and the server, with faults injected on the sync requests: a
 * request lost on the way, a response lost after the server acted, a request delivered twice at once,
 * a request held back and delivered later (after newer ones: reordered), a response cut off part way
 * (its connection closed early: the client must not take the half it got for the whole), a server killed
 * in the middle of the push, or no network at all. Sign-in and token refresh travel unharmed (a lost refresh reply
 * ends the session by design of rotating refresh tokens; that is a sign-in problem, not a sync one).
 */

export const FAULTS = ['none', 'drop_request', 'drop_response', 'cut_response', 'duplicate', 'delay', 'crash'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultStats {
  injected: Record<Fault, number>;
  offlineRefusals: number;
}

export function emptyStats(): FaultStats {
  return { injected: { none: 0, drop_request: 0, drop_response: 0, cut_response: 0, duplicate: 0, delay: 0, crash: 0 }, offlineRefusals: 0 };
}

export class FaultyNetwork {
  offline = false;
  /** Faults for the next sync requests, in order (then none). */
  readonly plan: Fault[] = [];
  private readonly late: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly server: { fetch: Fetch; crashNextCommit(): void },
    private readonly stats: FaultStats,
  ) {}

  readonly fetch: Fetch = async (url, init) => {
    if (this.offline) {
      this.stats.offlineRefusals++;
      throw new TypeError('fetch failed: the network is down');
    }
    if (!/\/sync\/(push|pull)$/.test(new URL(url).pathname)) return this.server.fetch(url, init);
    const fault = this.plan.shift() ?? 'none';
    this.stats.injected[fault]++;
    switch (fault) {
      case 'none':
        return this.server.fetch(url, init);
      case 'drop_request':
        throw new TypeError('fetch failed: connection reset before the request arrived');
      case 'drop_response':
        await this.server.fetch(url, init);
        throw new TypeError('fetch failed: connection reset before the response arrived');
      case 'cut_response': {
        const res = await this.server.fetch(url, init);
        const text = await res.text();
        return new Response(text.slice(0, Math.max(1, Math.floor(text.length * 0.6))), { status: res.status, headers: res.headers });
      }
      case 'duplicate': {
        const [first, second] = await Promise.allSettled([this.server.fetch(url, init), this.server.fetch(url, init)]);
        if (second.status === 'fulfilled') return second.value;
        if (first.status === 'fulfilled') return first.value;
        throw second.reason;
      }
      case 'delay':
        this.late.push(() => this.server.fetch(url, init));
        throw new TypeError('fetch failed: timed out');
      case 'crash':
        this.server.crashNextCommit();
        return this.server.fetch(url, init);
    }
  };

  /** Delivers the held-back requests, newest first (their replies go nowhere: the client gave up on them). */
  async deliverLate(): Promise<number> {
    const held = this.late.splice(0).reverse();
    for (const send of held) await send().catch(() => undefined);
    return held.length;
  }
}
