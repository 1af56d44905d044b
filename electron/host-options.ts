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
  const start = process.env.CONSOLE_CLOCK_START;
  if (!start) return Date.now;
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`CONSOLE_CLOCK_START is not a valid ISO 8601 time: ${start}`);
  const bootedAt = Date.now();
  return () => startMs + (Date.now() - bootedAt);
}
