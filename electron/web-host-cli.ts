import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from './backend';
import { clockFromEnv, defaultDataDir } from './host-options';
import { startWebHost } from './web-host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5178' },
    'data-dir': { type: 'string', default: defaultDataDir() },
    // The built renderer to serve (tests that build their own copy point here).
    'renderer-dir': { type: 'string', default: process.env.E2E_RENDERER_DIR ?? 'dist/renderer' },
  },
});

const dataDir = resolve(values['data-dir']);
const backend = createBackend({ dataDir, clock: clockFromEnv(), sweepBreachesEveryMs: 60_000 });
const { url } = await startWebHost({ backend, rendererDir: resolve(values['renderer-dir']), port: Number(values.port) });
// e2e tests wait for this exact line.
console.log(`Callback Console ready at ${url}  (data: ${dataDir})`);

const stop = () => {
  backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
