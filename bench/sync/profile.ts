import type { Profiler } from 'node:inspector';
import { REPO } from '../lib/env';

/*
 * A CPU profile (taken with node:inspector around the measured call only) boiled down to figures:
 * inclusive time of the sync functions of interest (recursion counted once) and the top self times.
 */

export interface ProfileSummary {
  totalMs: number;
  inclusive: { name: string; ms: number }[];
  self: { name: string; ms: number }[];
}

const OF_INTEREST = [
  'connect', 'pushAll', 'pullAll', 'call', 'stagePage', 'landPull', 'undoPending', 'clearSharedTables', 'applyStage', 'clearStage',
  'settleTaken', 'reapplyPending', 'forgetZones', 'hash',
];

export function summarizeProfile(prof: Profiler.Profile): ProfileSummary {
  type Node = Profiler.ProfileNode;
  const samples = prof.samples ?? [];
  const deltas = prof.timeDeltas ?? [];
  const self = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<number, number>();
  const totalOf = (id: number): number => {
    const known = total.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((s, c) => s + totalOf(c), 0);
    total.set(id, t);
    return t;
  };
  const where = (n: Node) => {
    const f = n.callFrame;
    const url = f.url.replace(`file://${REPO}/`, '').replace(/^.*node_modules\//, '');
    return `${f.functionName || '(anonymous)'}${url ? ` ${url}:${f.lineNumber + 1}` : ''}`;
  };
  const ours = (n: Node) => n.callFrame.url.includes(REPO) && !n.callFrame.url.includes('node_modules');
  const inclusive = OF_INTEREST.map((name) => {
    let ms = 0;
    for (const n of prof.nodes) {
      if (n.callFrame.functionName !== name || !ours(n)) continue;
      let p = parent.get(n.id);
      let nested = false;
      while (p !== undefined) {
        if (byId.get(p)!.callFrame.functionName === name) nested = true;
        p = parent.get(p);
      }
      if (!nested) ms += totalOf(n.id);
    }
    return { name, ms };
  }).filter((x) => x.ms > 0);
  const selfBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const key = where(byId.get(id)!);
    selfBy.set(key, (selfBy.get(key) ?? 0) + ms);
  }
  const selfTop = [...selfBy].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 14);
  return { totalMs: [...self.values()].reduce((a, b) => a + b, 0), inclusive, self: selfTop };
}
