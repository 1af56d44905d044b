import type { MethodName } from '../../../core/contract/methods';
import { adminHandlers } from './admin';
import { callsHandlers } from './calls';
import { casesHandlers } from './cases';
import { faqHandlers } from './faq';
import { questionnaireHandlers } from './questionnaire';
import { reportsHandlers } from './reports';
import { sessionHandlers } from './session';
import { syncHandlers } from './sync';
import type { HandlersFor } from './types';

export type { Handler, HandlersFor } from './types';

/*
 * One handler map per domain (handlers/<domain>.ts, typed against that domain's names in
 * core/contract/methods.ts), merged here: the one place the back end looks a method up.
 */

export type Handlers = HandlersFor<Exclude<MethodName, 'system.status'>>;

/** Every contract method but system.status (answered by the backend even when the db is down). */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...callsHandlers,
  ...adminHandlers,
  ...questionnaireHandlers,
  ...casesHandlers,
  ...syncHandlers,
  ...faqHandlers,
  ...reportsHandlers,
};
