import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../core/contract/api';
import { adminContract } from '../core/contract/api-admin';
import { callsContract } from '../core/contract/api-calls';
import { casesContract } from '../core/contract/api-cases';
import { faqContract } from '../core/contract/api-faq';
import { questionnaireContract } from '../core/contract/api-questionnaire';
import { reportsContract } from '../core/contract/api-reports';
import { sessionContract } from '../core/contract/api-session';
import { syncContract } from '../core/contract/api-sync';
import { METHOD_NAMES, METHODS_BY_DOMAIN, PUBLIC_METHODS, type Domain } from '../core/contract/methods';
import { handlers } from '../electron/services/handlers';
import { adminHandlers } from '../electron/services/handlers/admin';
import { callsHandlers } from '../electron/services/handlers/calls';
import { casesHandlers } from '../electron/services/handlers/cases';
import { faqHandlers } from '../electron/services/handlers/faq';
import { questionnaireHandlers } from '../electron/services/handlers/questionnaire';
import { reportsHandlers } from '../electron/services/handlers/reports';
import { sessionHandlers } from '../electron/services/handlers/session';
import { syncHandlers } from '../electron/services/handlers/sync';
import { VALID_INPUTS } from './fuzz-inputs';

/*
 * One set of method names, four places that must agree: the names (core/contract/methods.ts, which the
 * preload exposes), the contract (one api-<domain>.ts per domain), the handler maps (one
 * electron/services/handlers/<domain>.ts per domain) and the fuzz inputs (test/fuzz-inputs.ts). The compiler
 * holds the contract and the handlers to the names already; this checks the same at run time, per domain.
 */

const root = join(import.meta.dirname, '..');
const sorted = (names: Iterable<string>) => [...names].sort();

const CONTRACTS: Record<Domain, object> = {
  session: sessionContract,
  calls: callsContract,
  admin: adminContract,
  questionnaire: questionnaireContract,
  cases: casesContract,
  sync: syncContract,
  faq: faqContract,
  reports: reportsContract,
};
const HANDLERS: Record<Domain, object> = {
  session: sessionHandlers,
  calls: callsHandlers,
  admin: adminHandlers,
  questionnaire: questionnaireHandlers,
  cases: casesHandlers,
  sync: syncHandlers,
  faq: faqHandlers,
  reports: reportsHandlers,
};
const domains = Object.keys(METHODS_BY_DOMAIN) as Domain[];

describe('contract names', () => {
  it('METHOD_NAMES are the domains’ names in order, each once', () => {
    expect(METHOD_NAMES).toEqual(domains.flatMap((d) => METHODS_BY_DOMAIN[d]));
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('the contract, the handlers and the fuzz inputs have exactly the names', () => {
    expect(sorted(Object.keys(contract))).toEqual(sorted(METHOD_NAMES));
    // system.status is answered by the back end itself (it works while the database is down).
    expect(sorted(Object.keys(handlers))).toEqual(sorted(METHOD_NAMES.filter((m) => m !== 'system.status')));
    expect(sorted(Object.keys(VALID_INPUTS))).toEqual(sorted(METHOD_NAMES));
  });

  it.each(domains)('domain %s: its contract file and its handler file have its names', (domain) => {
    const names = METHODS_BY_DOMAIN[domain];
    expect(sorted(Object.keys(CONTRACTS[domain]))).toEqual(sorted(names));
    expect(sorted(Object.keys(HANDLERS[domain]))).toEqual(sorted(names.filter((m) => m !== 'system.status')));
    expect(readFileSync(join(root, `core/contract/api-${domain}.ts`), 'utf8')).toContain(`${domain}Contract`);
    expect(readFileSync(join(root, `electron/services/handlers/${domain}.ts`), 'utf8')).toContain(`${domain}Handlers`);
  });

  it('PUBLIC_METHODS are contract methods', () => {
    for (const name of PUBLIC_METHODS) expect(METHOD_NAMES).toContain(name);
  });

  it('methods.ts imports nothing, so the sandboxed preload that bundles it never pulls in zod', () => {
    const source = readFileSync(join(root, 'core/contract/methods.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s/m);
    expect(source).not.toMatch(/^\s*import\s*['"]/m);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });
});
