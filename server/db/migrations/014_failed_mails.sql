-- Mail intake that never stops: a mail that cannot be stored is set aside here, with its bytes, for an admin to
-- retry or dismiss, and the mailbox's sync moves past it (the mail itself stays on the IMAP server).

create table failed_mails (
  id uuid primary key default gen_random_uuid(),
  mailbox_id uuid not null references mailboxes(id) on delete cascade,
  -- Where it was on the server when it failed: the folder, its UIDVALIDITY and the mail's UID.
  folder text not null,
  uid_validity bigint not null,
  uid bigint not null,
  -- The RFC 822 bytes as the server returned them: a retry runs intake on exactly these.
  raw bytea not null,
  -- One row per distinct mail in a mailbox: reading the folder again (a new UIDVALIDITY) updates it.
  raw_sha256 text not null,
  -- Read from the headers as well as they could be, for the list; null when they could not.
  from_header text,
  subject text,
  error text not null,
  attempts int not null default 1 check (attempts > 0),
  first_failed_at timestamptz not null default now(),
  last_failed_at timestamptz not null default now(),
  unique (mailbox_id, raw_sha256)
);
create index failed_mails_mailbox on failed_mails (mailbox_id, first_failed_at);

-- The From header as the mail carried it (every From line, unfolded), kept even when the sender was taken from
-- Sender, Reply-To or Return-Path, or no address could be read at all.
alter table messages add column from_header text;
