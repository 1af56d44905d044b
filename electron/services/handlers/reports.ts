import type { ReportsMethod } from '../../../core/contract/methods';
import { callbacksReport, complaintsReport, outcomesReport, satisfactionReport } from '../reports';
import type { HandlersFor } from './types';

/** core/contract/api-reports.ts: the supervisor reports. */
export const reportsHandlers: HandlersFor<ReportsMethod> = {
  'reports.outcomes': outcomesReport,
  'reports.callbacks': callbacksReport,
  'reports.satisfaction': satisfactionReport,
  'reports.complaints': complaintsReport,
};
