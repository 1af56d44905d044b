import type { SessionMethod } from '../../../core/contract/methods';
import { readSettings, updateSettings } from '../admin';
import { createUser, sessionInfo, setLocale, setPassword, setUp, signIn, signOut } from '../session';
import type { HandlersFor } from './types';

/** The session domain (core/contract/api-session.ts) but system.status, which the back end answers even when the db is down. */
export const sessionHandlers: HandlersFor<Exclude<SessionMethod, 'system.status'>> = {
  'session.get': (ctx) => sessionInfo(ctx),
  'session.setUp': setUp,
  'session.signIn': signIn,
  'session.signOut': signOut,
  'session.setLocale': setLocale,
  'users.create': createUser,
  'users.setPassword': setPassword,
  'settings.get': readSettings,
  'settings.update': updateSettings,
};
