import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../server/http/apiTypes';
import { mergeMessages } from './mergeMessages';

const message = (id: string, createdAt: string, status: MessageView['status'] = 'received'): MessageView => ({
  id,
  ticketId: 't1',
  channel: 'email',
  direction: 'outbound',
  status,
  errorCode: null,
  errorMessage: null,
  author: null,
  from: null,
  to: null,
  subject: null,
  text: id,
  html: null,
  attachments: [],
  createdAt,
});

describe('mergeMessages', () => {
  it('appends a just-sent message the server has not returned yet, in time order', () => {
    const server = [message('a', '2025-03-10T12:00:00Z'), message('b', '2025-03-10T12:05:00Z')];
    const sent = [message('mine', '2025-03-10T12:06:00Z', 'queued')];
    expect(mergeMessages(server, sent).map((m) => m.id)).toEqual(['a', 'b', 'mine']);
  });

  it("prefers the server's copy once it has one (e.g. queued → sent)", () => {
    const server = [message('mine', '2025-03-10T12:06:00Z', 'sent')];
    const sent = [message('mine', '2025-03-10T12:06:00Z', 'queued')];
    expect(mergeMessages(server, sent)).toEqual(server);
  });
});
