-- The email simulator: a built-in mailbox that exists only inside Switchboard, and the mail it exchanges with
-- simulated customers (what they sent into intake, what we sent them instead of handing it to SMTP).

alter table mailboxes add column simulated boolean not null default false;
-- The simulated mailbox has no IMAP server: it is never synced, so it has no connection settings.
alter table mailboxes
  alter column imap_host drop not null,
  alter column imap_port drop not null,
  alter column imap_user drop not null,
  alter column imap_password drop not null,
  add constraint mailboxes_imap_unless_simulated
    check (simulated or (imap_host is not null and imap_port is not null and imap_user is not null and imap_password is not null));
create unique index mailboxes_one_simulated on mailboxes (simulated) where simulated;

-- Both directions of a simulated customer's mailbox, each kept as the RFC 822 bytes and what a mail client shows.
create table simulator_emails (
  id uuid primary key default gen_random_uuid(),
  mailbox_id uuid not null references mailboxes(id) on delete cascade,
  -- The simulated customer, lowercased: whose conversation this mail belongs to.
  customer_address text not null,
  direction text not null check (direction in ('from_customer', 'to_customer')),
  message_id text not null,
  in_reply_to text,
  "references" text[] not null default '{}',
  from_header text not null,
  to_header text not null,
  subject text not null default '',
  body_text text not null default '',
  attachments jsonb not null default '[]',
  raw bytea not null,
  created_at timestamptz not null default now(),
  -- A send retried after its outcome was lost carries the same Message-ID: the customer sees it once.
  unique (direction, message_id)
);
create index simulator_emails_customer on simulator_emails (customer_address, created_at);
