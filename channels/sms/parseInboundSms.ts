import type { InboundAttachment, InboundContact } from '../inboundContact';
import { storableDeep } from '../textSafety';

/** The fields of Twilio's incoming-message webhook we rely on; every other parameter is kept as metadata. */
export type TwilioSmsParams = Record<string, string>;

export class InvalidWebhookError extends Error {}

/** Twilio's incoming-message webhook → the contact intake stores. Media stays where Twilio keeps it. */
export function parseInboundSms(params: TwilioSmsParams): InboundContact {
  for (const field of ['MessageSid', 'From', 'To'] as const) {
    if (!params[field]) throw new InvalidWebhookError(`${field} is missing`);
  }
  const media = Number(params.NumMedia ?? 0);
  if (!Number.isInteger(media) || media < 0 || media > 10)
    throw new InvalidWebhookError('NumMedia must be a whole number from 0 to 10');
  const attachments: InboundAttachment[] = [];
  for (let i = 0; i < media; i++) {
    const url = params[`MediaUrl${i}`];
    if (!url) throw new InvalidWebhookError(`MediaUrl${i} is missing`);
    const contentType = params[`MediaContentType${i}`] || 'application/octet-stream';
    attachments.push({
      filename: `${url.split('/').pop() || `media-${i}`}.${contentType.split('/')[1] ?? 'bin'}`,
      contentType,
      sizeBytes: 0,
      location: url,
    });
  }
  // A NUL or a broken surrogate in the text is kept as U+FFFD: refusing it would lose the message on every retry.
  return storableDeep<InboundContact>({
    channel: 'sms',
    from: { kind: 'phone', value: params.From },
    to: params.To,
    providerId: params.MessageSid,
    text: params.Body ?? '',
    attachments,
    metadata: { twilio: params },
  });
}
