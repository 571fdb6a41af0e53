// A Message-ID names a mail only as far as senders keep the rule that it is unique, and some do not: spam kits,
// broken scripts and list software reuse one. Intake is idempotent on the Message-ID, so without this a second,
// different mail under a used id would be taken for a redelivery and lost. Here a mail is the same one only when
// the Message-ID, the sender and the content all match; another mail under a used id is stored under an id of
// its own, derived from what it holds, so that its own redeliveries still change nothing.

import { createHash } from 'node:crypto';
import type { InboundContact } from '../../channels/inboundContact';
import type { AppContext } from '../context';
import { intakeContact, type IntakeOrigin, type IntakeResult } from '../intake/intakeContact';

/**
 * The mail's sender and content, hashed: what a true redelivery has in common with the first delivery. Headers
 * a delivery path adds or rewrites (Received, Delivered-To, the date of the copy) are not part of it; stored
 * attachments are named by their bytes' sha256, so their locations stand for their content.
 */
export function mailFingerprint(contact: InboundContact): string {
  const sender = contact.from.value.trim().toLowerCase() || (contact.fromHeader ?? '');
  const content = [
    sender,
    contact.subject ?? '',
    contact.text,
    contact.html ?? '',
    ...(contact.attachments ?? []).map((a) => `${a.filename}\n${fingerprintLocation(a.location)}`),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * A stored file as fingerprints named it when files were kept under DATA_DIR (`attachments/<sha256>`): a mail stored
 * then and fetched again after the move to the file store (`files:<sha256>`) is still the same mail.
 */
const fingerprintLocation = (location: string) => location.replace(/^files:(?=[0-9a-f]{64}$)/, 'attachments/');

/** Intake of one mail, stored once per distinct mail rather than once per Message-ID. */
export async function intakeDistinctMail(
  ctx: AppContext,
  contact: InboundContact,
  origin: IntakeOrigin,
): Promise<IntakeResult> {
  const fingerprint = mailFingerprint(contact);
  const marked = { ...contact, metadata: { ...contact.metadata, fingerprint } };
  const first = await intakeContact(ctx, marked, origin);
  if (first.created || (await isSameMail(ctx, first.messageId, fingerprint))) return first;
  return intakeContact(ctx, { ...marked, providerId: variantId(contact.providerId, fingerprint) }, origin);
}

/** Whether the stored message is this mail; one stored before fingerprints were kept is taken to be. */
async function isSameMail(ctx: AppContext, messageId: string, fingerprint: string) {
  const [row] = await ctx.sql<{ fingerprint: string | null }[]>`
    select metadata->>'fingerprint' as fingerprint from messages where id = ${messageId}`;
  return !row || row.fingerprint === null || row.fingerprint === fingerprint;
}

/** The id another mail under a used Message-ID is stored by: the same for each of its own redeliveries. */
export function variantId(providerId: string, fingerprint: string) {
  return `${providerId}#${fingerprint.slice(0, 24)}`;
}
