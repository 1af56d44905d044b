export * from './api';
export * from './methods';
export * from './result';
export type * from './views';
