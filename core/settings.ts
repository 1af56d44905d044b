import { z } from 'zod';

const minuteOfDay = z.number().int().min(0).max(24 * 60);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Team-wide rules of the queue. Every default the issue names is one of these. */
export const settingsSchema = z
  .object({
    /** Calling window in the customer's own time zone, minutes after local midnight. */
    callWindowStart: minuteOfDay,
    callWindowEnd: minuteOfDay,
    /** ISO weekdays (1 = Monday … 7 = Sunday) on which no one is called. */
    noCallWeekdays: z.array(z.number().int().min(1).max(7)).max(7),
    /** Local dates (customer's zone) on which no one is called, e.g. Spring Festival eve. */
    noCallDates: z.array(isoDate).max(366),
    capPer24h: z.number().int().min(1).max(50),
    capPer7d: z.number().int().min(1).max(200),
    retrySpacingMinutes: z.number().int().min(10).max(14 * 24 * 60),
    maxAttempts: z.number().int().min(1).max(20),
    leaseMinutes: z.number().int().min(1).max(24 * 60),
  })
  .refine((s) => s.callWindowEnd > s.callWindowStart, {
    message: 'the calling window must end after it starts',
    path: ['callWindowEnd'],
  })
  .refine((s) => s.capPer7d >= s.capPer24h, {
    message: 'the 7-day cap cannot be lower than the 24-hour cap',
    path: ['capPer7d'],
  });

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  callWindowStart: 9 * 60,
  callWindowEnd: 21 * 60,
  noCallWeekdays: [],
  noCallDates: [],
  capPer24h: 2,
  capPer7d: 4,
  retrySpacingMinutes: 27 * 60,
  maxAttempts: 3,
  leaseMinutes: 15,
};
