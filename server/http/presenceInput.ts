import { z } from 'zod';
import { PRESENCES } from './apiTypes';

/**
 * A presence, and with away the reason an agent is away for (an away reason code). Whether the code is on the list
 * is checked against the database by the handler (requireAwayReason), still before anything changes.
 */
export const presenceInput = z
  .object({
    presence: z.enum(PRESENCES),
    reason: z.string().trim().min(1, 'must be an away reason code').max(40).nullish(),
  })
  .refine((b) => !b.reason || b.presence === 'away', { path: ['reason'], message: 'only with presence away' });
