-- Mass SMS: one text to a chosen list of customers, now or scheduled, sent at a set rate.

create table sms_campaigns (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  body text not null check (length(body) between 1 and 1600),
  from_number text not null,
  created_by uuid not null references users(id),
  scheduled_at timestamptz not null default now(),
  rate_per_minute int not null check (rate_per_minute between 1 and 600),
  status text not null default 'scheduled' check (status in ('scheduled', 'sending', 'completed', 'canceled')),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz
);
create index sms_campaigns_created on sms_campaigns (created_at);

create table sms_campaign_recipients (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references sms_campaigns(id) on delete cascade,
  customer_id uuid not null references customers(id),
  phone text,
  status text not null default 'pending'
    check (status in ('pending', 'skipped', 'sending', 'sent', 'delivered', 'undelivered', 'failed')),
  skip_reason text check (skip_reason in ('opted_out', 'no_phone', 'canceled')),
  -- This recipient's turn, from the campaign's start and rate: the send job's delay, rebuilt from here if lost.
  send_at timestamptz,
  provider_id text unique,
  error_code text,
  error_message text,
  updated_at timestamptz not null default now(),
  unique (campaign_id, customer_id)
);
create index sms_campaign_recipients_campaign on sms_campaign_recipients (campaign_id, status);
create index sms_campaign_recipients_due on sms_campaign_recipients (send_at) where status = 'pending';
