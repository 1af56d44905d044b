export * from './api';
export * from './methods';
export * from './result';
export type * from './views';
export * from './api-cases';
export type * from './views-cases';
