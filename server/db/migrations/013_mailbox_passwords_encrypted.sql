-- Mailbox passwords are kept sealed (AES-256-GCM, `v1:nonce:ciphertext:tag`) under SECRETS_KEY, which SQL does not
-- have: the clear-text columns are renamed legacy_*, and start-up seals what they hold into the new columns and
-- empties them (server/email/mailboxPasswordsAtRest.ts). Nothing writes the legacy columns any more.
alter table mailboxes rename column imap_password to legacy_imap_password;
alter table mailboxes rename column smtp_password to legacy_smtp_password;
alter table mailboxes
  -- Only sealed values: a clear password written here by mistake is refused.
  add column imap_password_encrypted text check (imap_password_encrypted ~ '^v[0-9]+:'),
  add column smtp_password_encrypted text check (smtp_password_encrypted ~ '^v[0-9]+:'),
  drop constraint mailboxes_imap_unless_simulated,
  add constraint mailboxes_imap_unless_simulated
    check (simulated or (imap_host is not null and imap_port is not null and imap_user is not null
      and (imap_password_encrypted is not null or legacy_imap_password is not null)));
