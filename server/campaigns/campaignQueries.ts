import type { Sql, SqlFragment } from '../db/client';
import type { CampaignRecipientView, CampaignStatsResponse, CampaignSummary } from '../http/apiTypes';

// Recipient statuses folded into the report's figures.
const COUNTS = `
  count(r.id)::int as total,
  count(r.id) filter (where r.status = 'skipped')::int as skipped,
  count(r.id) filter (where r.status in ('pending', 'sending'))::int as pending,
  count(r.id) filter (where r.status = 'sent')::int as sent,
  count(r.id) filter (where r.status = 'delivered')::int as delivered,
  count(r.id) filter (where r.status in ('failed', 'undelivered'))::int as failed`;

type CampaignRow = Omit<
  CampaignSummary,
  'createdBy' | 'counts' | 'scheduledAt' | 'createdAt' | 'startedAt' | 'completedAt'
> &
  CampaignSummary['counts'] & {
    createdById: string;
    createdByName: string;
    scheduledAt: Date;
    createdAt: Date;
    startedAt: Date | null;
    completedAt: Date | null;
  };

const iso = (d: Date | null) => d?.toISOString() ?? null;

function present(r: CampaignRow): CampaignSummary {
  return {
    id: r.id,
    name: r.name,
    text: r.text,
    fromNumber: r.fromNumber,
    createdBy: { id: r.createdById, name: r.createdByName },
    scheduledAt: r.scheduledAt.toISOString(),
    ratePerMinute: r.ratePerMinute,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    completedAt: iso(r.completedAt),
    counts: {
      total: r.total,
      skipped: r.skipped,
      pending: r.pending,
      sent: r.sent,
      delivered: r.delivered,
      failed: r.failed,
    },
  };
}

function selectCampaigns(sql: Sql, where: SqlFragment) {
  return sql<CampaignRow[]>`
    select c.id, c.name, c.body as text, c.from_number, c.scheduled_at, c.rate_per_minute, c.status, c.created_at, c.started_at, c.completed_at,
           u.id as created_by_id, u.name as created_by_name, ${sql.unsafe(COUNTS)}
    from sms_campaigns c join users u on u.id = c.created_by left join sms_campaign_recipients r on r.campaign_id = c.id
    where ${where}
    group by c.id, u.id
    order by c.created_at desc
    limit 500`;
}

export const listCampaigns = async (sql: Sql) => (await selectCampaigns(sql, sql`true`)).map(present);

export async function findCampaign(sql: Sql, id: string): Promise<CampaignSummary | null> {
  const [row] = await selectCampaigns(sql, sql`c.id = ${id}`);
  return row ? present(row) : null;
}

export async function listRecipients(sql: Sql, campaignId: string): Promise<CampaignRecipientView[]> {
  const rows = await sql<(Omit<CampaignRecipientView, 'updatedAt'> & { updatedAt: Date })[]>`
    select r.id, r.customer_id, c.name as customer_name, r.phone, r.status, r.skip_reason, r.error_code, r.error_message, r.updated_at
    from sms_campaign_recipients r join customers c on c.id = r.customer_id
    where r.campaign_id = ${campaignId}
    order by r.send_at nulls last, c.name, r.id`;
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** Sent, delivered, failed and skipped texts, by period of the campaigns' start and by the supervisor who sent them. */
export async function campaignStats(
  sql: Sql,
  period: 'day' | 'week' | 'month',
  from: string,
  to: string,
): Promise<CampaignStatsResponse> {
  const inRange = sql`coalesce(c.started_at, c.scheduled_at) >= ${from}::date and coalesce(c.started_at, c.scheduled_at) < ${to}::date + 1`;
  const figures = sql.unsafe(`
    count(distinct c.id)::int as campaigns,
    count(r.id) filter (where r.status in ('sent', 'delivered', 'failed', 'undelivered') and r.provider_id is not null)::int as sent,
    count(r.id) filter (where r.status = 'delivered')::int as delivered,
    count(r.id) filter (where r.status in ('failed', 'undelivered'))::int as failed,
    count(r.id) filter (where r.status = 'skipped')::int as skipped`);
  const byPeriod = await sql<(CampaignStatsResponse['byPeriod'][number] & { period: Date })[]>`
    select date_trunc(${period}, coalesce(c.started_at, c.scheduled_at), 'UTC') as period, ${figures}
    from sms_campaigns c left join sms_campaign_recipients r on r.campaign_id = c.id
    where ${inRange} group by 1 order by 1`;
  const bySender = await sql<
    (Omit<CampaignStatsResponse['bySender'][number], 'sender'> & { id: string; name: string })[]
  >`
    select u.id, u.name, ${figures}
    from sms_campaigns c join users u on u.id = c.created_by left join sms_campaign_recipients r on r.campaign_id = c.id
    where ${inRange} group by u.id order by u.name`;
  return {
    byPeriod: byPeriod.map((r) => ({ ...r, period: r.period.toISOString().slice(0, 10) })),
    bySender: bySender.map(({ id, name, ...figuresOf }) => ({ sender: { id, name }, ...figuresOf })),
  };
}
