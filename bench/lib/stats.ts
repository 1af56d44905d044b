/** Latency samples and the figures the bench prints. Times are milliseconds from performance.now(). */

/** What is kept of a set of samples once measured (plain data: it crosses process boundaries). */
export interface Stat {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export class Samples {
  readonly values: number[] = [];
  private sorted: number[] | null = null;

  constructor(readonly label: string) {}

  add(ms: number): void {
    this.values.push(ms);
    this.sorted = null;
  }

  /** Times `fn` and records it; returns what `fn` returned. */
  time<T>(fn: () => T): T {
    const t = performance.now();
    const out = fn();
    this.add(performance.now() - t);
    return out;
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    const out = await fn();
    this.add(performance.now() - t);
    return out;
  }

  get count(): number {
    return this.values.length;
  }

  /** Nearest-rank percentile, q in [0, 100]. */
  p(q: number): number {
    if (this.values.length === 0) return NaN;
    this.sorted ??= [...this.values].sort((a, b) => a - b);
    const rank = Math.ceil((q / 100) * this.sorted.length);
    return this.sorted[Math.min(this.sorted.length - 1, Math.max(0, rank - 1))]!;
  }

  get p50(): number {
    return this.p(50);
  }
  get p99(): number {
    return this.p(99);
  }
  get max(): number {
    return this.p(100);
  }
  stat(): Stat {
    return { count: this.count, p50: this.p50, p99: this.p99, max: this.max };
  }

  get mean(): number {
    return this.values.reduce((a, b) => a + b, 0) / (this.values.length || 1);
  }
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0.1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export const fmtX = (ratio: number) => `${ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0)}×`;
export const fmtMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const fmtInt = (n: number) => n.toLocaleString('en-US');
export const mark = (ok: boolean) => (ok ? '✓' : '✗');

export const rssMb = () => fmtMb(process.memoryUsage().rss);
/** Peak RSS of this process so far (resourceUsage reports kilobytes). */
export const peakRssMb = () => fmtMb(process.resourceUsage().maxRSS * 1024);

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** One line that rewrites itself on a terminal, and prints every `every`-th update otherwise. */
export function progress(label: string): { update(text: string): void; done(text: string): void } {
  const tty = process.stdout.isTTY;
  let n = 0;
  return {
    update(text) {
      if (tty) process.stdout.write(`\r  ${label}: ${text}\u001b[K`);
      else if (n++ % 5 === 0) process.stdout.write(`  ${label}: ${text}\n`);
    },
    done(text) {
      if (tty) process.stdout.write(`\r  ${label}: ${text}\u001b[K\n`);
      else process.stdout.write(`  ${label}: ${text}\n`);
    },
  };
}

export interface TableRow {
  label: string;
  cells: string[];
  goal?: string;
}

/** Left-aligned columns, so the summary reads as a table in a plain terminal. */
export function renderTable(rows: TableRow[]): string {
  const cols = Math.max(0, ...rows.map((r) => r.cells.length));
  const widths = [Math.max(...rows.map((r) => r.label.length))];
  for (let i = 0; i < cols; i++) widths.push(Math.max(0, ...rows.map((r) => (r.cells[i] ?? '').length)));
  return rows
    .map((r) => {
      const parts = [r.label.padEnd(widths[0]!), ...Array.from({ length: cols }, (_, i) => (r.cells[i] ?? '').padEnd(widths[i + 1]!))];
      if (r.goal) parts.push(r.goal);
      return parts.join('  ').trimEnd();
    })
    .join('\n');
}
