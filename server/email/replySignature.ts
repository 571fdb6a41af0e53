import type { TransactionSql } from '../db/client';

/**
 * An email reply as sent: the agent's text, then the signature separator `-- ` (mail clients recognise it and
 * leave the signature out when quoting), the agent's signature, and the mailbox's. Empty signatures add nothing.
 * The HTML part is made from this text when the mail is sent (emailSender.ts), so both parts carry them.
 */
export function withSignatures(text: string, agentSignature: string, mailboxSignature: string): string {
  const signatures = [agentSignature, mailboxSignature].map((s) => s.replace(/\s+$/, '')).filter((s) => s.trim());
  if (!signatures.length) return text;
  return `${text.replace(/\s+$/, '')}\n\n-- \n${signatures.join('\n\n')}`;
}

/** The signatures an email reply from this agent through this mailbox carries. */
export async function replySignatures(tx: TransactionSql, agentId: string, mailboxId: string | null) {
  const [row] = await tx<{ agent: string | null; mailbox: string | null }[]>`
    select (select signature from users where id = ${agentId}) as agent,
           (select signature from mailboxes where id = ${mailboxId}) as mailbox`;
  return { agent: row?.agent ?? '', mailbox: row?.mailbox ?? '' };
}
