-- Outbound sends settle after any crash: what the reconciler needs to find and settle a send whose process died.

-- When the current send began, stamped before the provider is called: a send `sending` for longer than the
-- stale bound was interrupted, and Twilio's list is searched from about this time.
alter table messages add column send_started_at timestamptz;
-- Each return to the queue (a resend after an interrupted send, an agent's retry) is a new round; the send job's
-- id and the status callback URL name it, so nothing about an earlier send can settle a later one.
alter table messages add column send_round int not null default 0;
-- Resends the reconciler made since the agent last asked: at most one, then a person decides.
alter table messages add column auto_resends int not null default 0;
update messages set send_started_at = updated_at where status = 'sending';
-- Few rows are in flight at any time: the reconciler reads them through this.
create index messages_in_flight on messages (status, updated_at) where status in ('queued', 'sending');

alter table sms_campaign_recipients add column send_started_at timestamptz;
alter table sms_campaign_recipients add column send_round int not null default 0;
alter table sms_campaign_recipients add column auto_resends int not null default 0;
update sms_campaign_recipients set send_started_at = updated_at where status = 'sending';
create index sms_campaign_recipients_sending on sms_campaign_recipients (updated_at) where status = 'sending';
