import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { HttpError } from '../http/httpError';
import { scheduleCampaignStart } from './campaignTasks';

export const campaignInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  text: z.string().min(1, 'is required').max(1600, 'is longer than 1,600 characters (10 segments)'),
  customerIds: z
    .array(z.uuid())
    .min(1, 'choose at least one customer')
    .max(10_000, 'at most 10,000 recipients per campaign'),
  scheduledAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO date and time, like 2026-12-01T09:00:00Z' })
    .optional(),
  ratePerMinute: z.number().int().min(1).max(600).default(60),
});

/**
 * Stores a campaign and its recipients, each with the phone it will go to. Customers without a phone, or
 * whose number opted out, are kept as skipped so the report accounts for everyone chosen. Then the start is
 * scheduled (now, or at `scheduledAt`).
 */
export async function createCampaign(ctx: AppContext, input: z.infer<typeof campaignInput>, createdBy: string) {
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : new Date();
  if (scheduledAt.getTime() < Date.now() - 60_000) {
    throw new HttpError(400, 'invalid_input', 'scheduledAt is in the past.', [
      { path: 'scheduledAt', message: 'is in the past' },
    ]);
  }
  const customerIds = [...new Set(input.customerIds)];
  const campaignId = await ctx.sql.begin(async (tx) => {
    const found = await tx<
      { id: string }[]
    >`select id from customers where id in ${tx(customerIds)} and merged_into_id is null`;
    const missing = customerIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) {
      throw new HttpError(
        400,
        'invalid_input',
        `Unknown or merged customers: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`,
        [{ path: 'customerIds', message: `${missing.length} unknown` }],
      );
    }
    const [{ id }] = await tx<{ id: string }[]>`
      insert into sms_campaigns (name, body, from_number, created_by, scheduled_at, rate_per_minute)
      values (${input.name}, ${input.text}, ${ctx.sms.companyNumber}, ${createdBy}, ${scheduledAt}, ${input.ratePerMinute})
      returning id`;
    // Each customer's first phone; opted-out and phoneless customers are recorded as skipped.
    await tx`
      insert into sms_campaign_recipients (campaign_id, customer_id, phone, status, skip_reason)
      select ${id}, c.id, p.value,
             case when p.value is null or p.sms_opted_out_at is not null then 'skipped' else 'pending' end,
             case when p.value is null then 'no_phone' when p.sms_opted_out_at is not null then 'opted_out' end
      from customers c
      left join lateral (select value, sms_opted_out_at from customer_identities i
                         where i.customer_id = c.id and i.kind = 'phone' order by i.created_at, i.value limit 1) p on true
      where c.id in ${tx(customerIds)}`;
    await writeAudit(tx, {
      actorUserId: createdBy,
      action: 'campaign.created',
      entityType: 'sms_campaign',
      entityId: id,
      data: { recipients: customerIds.length, scheduledAt: scheduledAt.toISOString() },
    });
    return id;
  });
  await scheduleCampaignStart(ctx, campaignId, scheduledAt);
  return campaignId;
}
