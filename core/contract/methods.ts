/**
 * The names of every contract method, with no schema attached. The sandboxed Electron preload bundles
 * only this file (not zod), and derives one exposed verb per name.
 */
export const METHOD_NAMES = [
  'system.status',
  'session.get',
  'session.setUp',
  'session.switchUser',
  'session.setLocale',
  'users.create',
  'settings.get',
  'settings.update',
  'queue.list',
  'queue.summary',
  'queue.takeNext',
  'callbacks.get',
  'callbacks.take',
  'callbacks.release',
  'callbacks.startCall',
  'callbacks.recordOutcome',
  'customers.revealPhone',
  'imports.start',
  'imports.status',
  'imports.commit',
  'imports.cancel',
  'imports.list',
  'audit.list',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
