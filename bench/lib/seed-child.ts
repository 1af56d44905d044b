import { ensureSeed, type SeedParams } from './seed-db';

/** Builds the seed database in its own process, so the bench's own RSS figures stay about the bench. */
const [paramsJson, fresh] = process.argv.slice(2);
const params = JSON.parse(paramsJson!) as SeedParams;
const { info } = await ensureSeed(params, fresh === 'fresh');
process.stdout.write(`  seed built in ${(info.buildMs / 1000).toFixed(1)} s (child peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`);
