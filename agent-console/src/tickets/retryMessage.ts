import type { MessageView } from '../../../server/http/apiTypes';
import { requestJson } from '../api/request';

/** Asks the server to send a failed or undelivered reply again; answers with the message, queued anew. */
export const retryMessage = (ticketId: string, messageId: string) =>
  requestJson<{ message: MessageView }>(
    `/api/tickets/${encodeURIComponent(ticketId)}/messages/${encodeURIComponent(messageId)}/retry`,
    { method: 'POST' },
  );
