import type { MessageStatus } from '../../../server/http/apiTypes';

const KNOWN: readonly string[] = [
  'received',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] satisfies MessageStatus[];

/** A simulated text's status is a plain string; these are the ones the console has words for. */
export const isMessageStatus = (status: string): status is MessageStatus => KNOWN.includes(status);

export const isFailedStatus = (status: string) => status === 'failed' || status === 'undelivered';
