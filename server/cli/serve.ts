import { serve } from '@hono/node-server';
import { compactAll } from '../sync/compact';
import pino from 'pino';
import { createServerApp } from '../app';
import { createTeamSignals } from '../sync/signals';
import { seedDemo, seedDemoData, seedDemoScripts } from '../demo';
import type { OpenedDb } from './database';
import { CliError } from './errors';

/*
 * The long-running server. On SIGTERM or SIGINT it stops accepting connections, lets requests in
 * flight finish (at most `graceMs`, then cuts the rest), closes the database and exits 0; a second
 * signal exits at once.
 */

export interface ServeOptions {
  host: string;
  port: number;
  demo: boolean;
  trustProxy: boolean;
  graceMs?: number;
}

/**
 * The server's clock: real time, or shifted by CLOCK_OFFSET_MS — end-to-end tests put the server and its
 * consoles on one timeline inside business hours, whatever the hour CI runs at.
 */
export function serverClock(): () => number {
  const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
  if (!Number.isFinite(offset)) throw new Error(`CLOCK_OFFSET_MS is not a number of milliseconds: ${process.env.CLOCK_OFFSET_MS}`);
  return offset === 0 ? Date.now : () => Date.now() + offset;
}

/** How often the server compacts sync tombstones. */
const COMPACT_EVERY_MS = 3_600_000;

export async function runServer(opened: OpenedDb, options: ServeOptions, print: (line: string) => void): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const clock = serverClock();
  if (options.demo) {
    const now = clock();
    const seed = await seedDemo(opened.db, { now });
    if (seed) {
      print('Loading the demo customers, callbacks, tickets and vouchers…');
      const data = await seedDemoData(opened.db, seed, now);
      await seedDemoScripts(opened.db, seed, now);
      print(`  ${data.customers} customers, ${data.callbacks} callbacks, ${data.tickets} tickets, ${data.vouchers} vouchers.`);
      print('Demo team 演示团队 created. Sign in with a name (or phone) and its password:');
      for (const a of seed.accounts) print(`  ${a.name.padEnd(4, '\u3000')} ${a.phone}  ${a.password.padEnd(14)} ${a.role}${a.isAdmin ? ' + admin' : ''}`);
    } else {
      print('Demo: this database already has accounts; nothing was added.');
    }
  }
  const signals = createTeamSignals();
  // Tombstones older than the retention go once an hour (several processes may run it: it is idempotent).
  const compaction = setInterval(() => {
    compactAll(opened.db, clock())
      .then((runs) => {
        const removed = runs.reduce((n, r) => n + r.removed, 0);
        if (removed > 0) logger.info({ removed, teams: runs.length }, 'compacted sync tombstones');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'tombstone compaction failed'));
  }, COMPACT_EVERY_MS);
  compaction.unref();
  const app = createServerApp({ db: opened.db, logger, trustProxy: options.trustProxy, signals, now: clock });

  const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new CliError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on ${options.host} is already in use: stop what is using it, or pick another with --port.`
            : `Cannot listen on ${options.host}:${options.port}: ${error.message}`,
        ),
      );
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port; // --port 0 picks a free one
  print(`Central server listening on http://${options.host}:${port} — database: ${opened.description}`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    // Passwords and tokens cross this connection: beyond the machine it must be wrapped in TLS.
    print(`Plain HTTP on ${options.host}: put a TLS-terminating load balancer or proxy in front of it.`);
  }
  print('Stop with Ctrl+C (or SIGTERM): requests in flight finish first.');

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        print(`${signal} again: exiting now.`);
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
      // Consoles waiting on a poke are answered now (they retry elsewhere or later), idle keep-alive
      // connections are closed, so only real work in flight holds the shutdown.
      signals.close();
      clearInterval(compaction);
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      const force = setTimeout(() => {
        logger.warn('requests still running after the grace period: closing their connections');
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, options.graceMs ?? 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        opened
          .close()
          .catch((error: unknown) => logger.error({ err: error }, 'closing the database failed'))
          .finally(() => {
            logger.info('stopped');
            resolve();
          });
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
