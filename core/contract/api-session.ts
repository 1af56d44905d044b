import { z } from 'zod';
import { ROLES } from '../domain/model';
import { settingsSchema, type Settings } from '../settings';
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from '../auth/password';
import { empty, id, locale, returns, type ContractFor } from './common';
import type { SessionMethod } from './methods';
import type { SessionInfo, SetUpResult, SystemStatus } from './views';

/* The console and who uses it (merged in api.ts): status, first run, sign-in, people, settings. */

const personName = z.string().trim().min(1).max(64);

export const sessionContract = {
  'system.status': returns<SystemStatus>()(empty),
  'session.get': returns<SessionInfo>()(empty),
  // First run: the first supervisor (name and password), the data, the language; signs that supervisor in.
  'session.setUp': returns<SetUpResult>()(
    z.object({ mode: z.enum(['demo', 'empty']), name: personName, password: newPasswordSchema, locale }).strict(),
  ),
  // `login` is the user's name (any width, case or spacing); the answer is the calling session's.
  'session.signIn': returns<SessionInfo>()(
    z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict(),
  ),
  'session.signOut': returns<SessionInfo>()(empty),
  'session.setLocale': returns<SessionInfo>()(z.object({ locale }).strict()),
  'users.create': returns<SessionInfo>()(z.object({ name: personName, role: z.enum(ROLES), password: newPasswordSchema }).strict()),
  // A supervisor sets someone's password on this console (device-local; their sessions end), or anyone their own.
  'users.setPassword': returns<SessionInfo>()(z.object({ userId: id, password: newPasswordSchema }).strict()),
  'settings.get': returns<Settings>()(empty),
  'settings.update': returns<Settings>()(settingsSchema),
} satisfies ContractFor<SessionMethod>;
