import { z } from 'zod';
import { CHANNELS, TICKET_PRIORITIES } from '../http/apiTypes';
import { ESCALATION_ACTIONS } from '../http/slaApiTypes';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const E164 = /^\+[1-9]\d{6,14}$/;

const minutes = z.number().int().min(1, 'must be at least 1 minute').max(525_600, 'must be at most a year');
const smsRecipients = z
  .array(z.string().regex(E164, 'must be a phone number in E.164, like +14155550100'))
  .max(20)
  .default([]);
const emailRecipients = z.array(z.email('must be an email address')).max(20).default([]);
const timezone = z
  .string()
  .refine(
    (tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC',
    'must be an IANA time zone, like Europe/Paris',
  );

const escalation = z
  .object({
    afterMinutes: minutes,
    action: z.enum(ESCALATION_ACTIONS),
    queueId: z.uuid('must be a queue id').nullable().default(null),
    smsRecipients,
    emailRecipients,
  })
  .superRefine((e, check) => {
    if (e.action === 'reassign_to_queue' && !e.queueId)
      check.addIssue({ code: 'custom', path: ['queueId'], message: 'is required to reassign to a queue' });
    if (e.action === 'notify_second_level' && !e.smsRecipients.length && !e.emailRecipients.length)
      check.addIssue({ code: 'custom', path: ['smsRecipients'], message: 'name at least one SMS or email recipient' });
  });

/** An SLA policy as admins write it (see SlaPolicyInput in slaApiTypes.ts for what each field means). */
export const slaPolicyInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    enabled: z.boolean().default(true),
    queueIds: z.array(z.uuid('must be a queue id')).max(100).default([]),
    priorities: z.array(z.enum(TICKET_PRIORITIES)).default([]),
    channels: z.array(z.enum(CHANNELS)).default([]),
    customerTags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    firstResponseMinutes: minutes.nullable().default(null),
    nextResponseMinutes: minutes.nullable().default(null),
    resolutionMinutes: minutes.nullable().default(null),
    warnMinutesBefore: minutes.nullable().default(null),
    warnPercentUsed: z.number().int().min(1).max(99, 'must be 1 to 99').nullable().default(null),
    quietHours: z
      .object({
        start: z.string().regex(HH_MM, 'must be HH:MM'),
        end: z.string().regex(HH_MM, 'must be HH:MM'),
        timezone,
      })
      .refine((q) => q.start !== q.end, { message: 'must differ from start', path: ['end'] })
      .nullable()
      .default(null),
    smsRecipients,
    emailRecipients,
    escalation: escalation.nullable().default(null),
  })
  .superRefine((p, check) => {
    if (p.firstResponseMinutes === null && p.nextResponseMinutes === null && p.resolutionMinutes === null)
      check.addIssue({ code: 'custom', path: ['firstResponseMinutes'], message: 'set at least one target' });
  });
export type SlaPolicyInputParsed = z.infer<typeof slaPolicyInput>;

export const slaPolicyOrderInput = z.object({ ids: z.array(z.uuid('must be a policy id')).max(1000) });
