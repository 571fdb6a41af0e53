// The email simulator's mailbox: a mailbox row flagged `simulated`, so intake, threading, replies and
// auto-acknowledgements treat its mail exactly like a real mailbox's. It has no IMAP server (the sync skips
// it), its replies land in the simulator's outbox instead of SMTP, and the settings pages do not list it.

import type { Sql } from '../db/client';
import type { MailboxForIntake } from './processInboundEmail';

/** A `.test` domain (RFC 2606): it can never be a real address, so no mail can leak to anyone. */
export const SIMULATED_MAILBOX_ADDRESS = 'support@simulator.switchboard.test';
const SIMULATED_MAILBOX_NAME = 'Email simulator';

/** The simulator runs while no real mailbox is active: once one is, customers' mail is real. */
export async function emailSimulatorEnabled(sql: Sql): Promise<boolean> {
  const [row] = await sql<
    { real: boolean }[]
  >`select exists(select 1 from mailboxes where active and not simulated) as real`;
  return !row.real;
}

/** The simulated mailbox, made on first use; concurrent first uses make one (a unique index allows one row). */
export async function ensureSimulatedMailbox(sql: Sql): Promise<MailboxForIntake & { address: string }> {
  await sql`
    insert into mailboxes (name, address, simulated, state)
    values (${SIMULATED_MAILBOX_NAME}, ${SIMULATED_MAILBOX_ADDRESS}, true, 'connected')
    on conflict do nothing`;
  const [mailbox] = await sql<(MailboxForIntake & { address: string })[]>`
    select id, queue_id, max_attachment_bytes, address from mailboxes where simulated`;
  if (!mailbox)
    throw new Error(
      `The simulated mailbox could not be made: a mailbox named "${SIMULATED_MAILBOX_NAME}" or at ${SIMULATED_MAILBOX_ADDRESS} exists already.`,
    );
  return mailbox;
}
