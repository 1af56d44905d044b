import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the browser-mode console and the CLI keep their database unless told otherwise. */
export function defaultDataDir(): string {
  return process.env.CONSOLE_DATA_DIR ?? join(homedir(), '.callback-console');
}

/**
 * A clock that starts at CONSOLE_CLOCK_START (ISO 8601) and runs at real speed. End-to-end tests use
 * it so calling windows do not depend on the hour CI happens to run; normal use reads the real clock.
 */
export function clockFromEnv(): () => number {
  // CLOCK_OFFSET_MS moves several processes (consoles and the team server) onto one shifted timeline.
  const offset = process.env.CLOCK_OFFSET_MS;
  if (offset) {
    const ms = Number(offset);
    if (!Number.isFinite(ms)) throw new Error(`CLOCK_OFFSET_MS is not a number of milliseconds: ${offset}`);
    return () => Date.now() + ms;
  }
  const start = process.env.CONSOLE_CLOCK_START;
  if (!start) return Date.now;
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`CONSOLE_CLOCK_START is not a valid ISO 8601 time: ${start}`);
  const bootedAt = Date.now();
  return () => startMs + (Date.now() - bootedAt);
}

/** How long a write waits for another connection's lock (SQLite's busy timeout) unless told otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * The busy timeout from CONSOLE_BUSY_TIMEOUT_MS (milliseconds), or the default: how long the console waits
 * for another program's write to finish before it reports the database as locked.
 */
export function busyTimeoutFromEnv(): number {
  const raw = process.env.CONSOLE_BUSY_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_BUSY_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new Error(`CONSOLE_BUSY_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000: ${raw}`);
  }
  return ms;
}
