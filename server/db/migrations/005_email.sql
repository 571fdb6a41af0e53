-- Email: support mailboxes (IMAP in, SMTP out), their sync position, and auto-acknowledgements.

create table mailboxes (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(trim(name)) > 0),
  -- The support address customers write to; replies are sent from it.
  address text not null unique check (address = lower(address) and address like '%_@_%'),
  imap_host text not null,
  imap_port int not null check (imap_port between 1 and 65535),
  imap_tls boolean not null default true,
  imap_user text not null,
  imap_password text not null,
  folder text not null default 'INBOX',
  -- Processed mail is moved here; null marks it \Seen where it is. Mail is never deleted.
  processed_folder text,
  smtp_host text,
  smtp_port int check (smtp_port between 1 and 65535),
  smtp_tls boolean not null default false,
  smtp_user text,
  smtp_password text,
  -- New tickets from this mailbox wait here (else the email entry queue).
  queue_id uuid references queues(id) on delete set null,
  auto_ack_enabled boolean not null default false,
  auto_ack_subject text not null default 'We received your message [#{{ticketNumber}}]',
  auto_ack_body text not null default 'Hello,

Thank you for writing to us. Your request has number #{{ticketNumber}}; reply to this email to add to it.

— Customer support',
  max_attachment_bytes int not null default 10485760 check (max_attachment_bytes > 0),
  active boolean not null default true,
  -- Sync position: the last UID stored under this UIDVALIDITY.
  uid_validity bigint,
  last_uid bigint not null default 0,
  -- Health, shown in the console.
  state text not null default 'connecting' check (state in ('connecting', 'connected', 'error', 'disabled')),
  last_error text,
  last_connected_at timestamptz,
  last_synced_at timestamptz,
  created_at timestamptz not null default now()
);

alter table messages add column mailbox_id uuid references mailboxes(id) on delete set null;

-- At most one auto-acknowledgement per sender per hour: the sends, for that count.
create table email_auto_acks (
  id bigserial primary key,
  mailbox_id uuid not null references mailboxes(id) on delete cascade,
  sender text not null,
  ticket_id uuid references tickets(id) on delete set null,
  sent_at timestamptz not null default now()
);
create index email_auto_acks_sender on email_auto_acks (sender, sent_at);
