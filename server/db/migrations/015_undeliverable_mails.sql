-- Every bounce is accounted for: a bounce whose original is not one of our messages (or that names none) is kept
-- here for admins, with its bytes, instead of being marked read and forgotten.

create table undeliverable_mails (
  id uuid primary key default gen_random_uuid(),
  mailbox_id uuid not null references mailboxes(id) on delete cascade,
  -- The bounce's own Message-ID (or the hash id intake gives a mail without one): reading it again adds nothing.
  report_id text not null,
  -- failed: never arrives; delayed: still being retried; delivered: a success report.
  kind text not null check (kind in ('failed', 'delayed', 'delivered')),
  -- dsn: read from its delivery-status part; plain: recognised by sender, subject and words.
  format text not null check (format in ('dsn', 'plain')),
  from_address text,
  subject text,
  recipient text,
  status text,
  diagnostic text,
  -- The Message-ID of the message that bounced, as quoted: not one of ours.
  original_message_id text,
  body_text text not null default '',
  raw bytea not null,
  received_at timestamptz not null default now(),
  unique (mailbox_id, report_id)
);
create index undeliverable_mails_received on undeliverable_mails (received_at desc);
