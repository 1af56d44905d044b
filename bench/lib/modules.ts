import { createBackend } from '../../electron/backend';
import { activeLeaseOf, pickNextCandidate } from '../../db/repos/callbacks';
import { distinctTimezones } from '../../db/repos/customers';
import { getSettings } from '../../db/repos/settings';
import { currentUser } from '../../electron/services/context';
import { runMutation } from '../../electron/services/mutations/registry';
import { callbackDetail, openZones, pickNext } from '../../electron/services/queue';

/** The console modules the bench drives, each part of takeNext also timed on its own. */
export const consoleModules = {
  createBackend,
  activeLeaseOf,
  pickNextCandidate,
  distinctTimezones,
  getSettings,
  currentUser,
  runMutation,
  callbackDetail,
  openZones,
  pickNext,
};

export type ConsoleModules = typeof consoleModules;
