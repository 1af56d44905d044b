import type { z } from 'zod';
import type { MethodName } from './methods';
import type { MethodSpec } from './common';
import { sessionContract } from './api-session';
import { callsContract } from './api-calls';
import { adminContract } from './api-admin';
import { questionnaireContract } from './api-questionnaire';
import { casesContract } from './api-cases';
import { syncContract } from './api-sync';
import { faqContract } from './api-faq';
import { reportsContract } from './api-reports';

/*
 * The one API contract, merged from one file per domain (api-<domain>.ts; the names of each domain are
 * listed in methods.ts). Each method: a zod schema for its input and a phantom output type. The Electron
 * preload, IPC handlers, web host, CLI and renderer client are all derived from this map.
 */

export * from './api-session';
export * from './api-calls';
export * from './api-admin';
export * from './api-questionnaire';

export const contract = {
  ...sessionContract,
  ...callsContract,
  ...adminContract,
  ...questionnaireContract,
  ...casesContract,
  ...syncContract,
  ...faqContract,
  ...reportsContract,
} satisfies Record<MethodName, MethodSpec>;

export type Contract = typeof contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'];
