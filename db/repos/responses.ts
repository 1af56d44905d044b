import * as store from '../../core/store/responses';
import { onDb } from '../store';
import { RESPONSE_COLUMNS } from '../../core/store/responses';
import type { ResponseRow, AnswerFact } from '../../core/store/responses';

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertResponse = onDb(store.insertResponse);
export const getResponse = onDb(store.getResponse);
export const latestResponseFor = onDb(store.latestResponseFor);
export const finishResponse = onDb(store.finishResponse);
export const insertAnswerFact = onDb(store.insertAnswerFact);
export const currentAnswers = onDb(store.currentAnswers);
export { RESPONSE_COLUMNS };
export type { ResponseRow, AnswerFact };
