import type { MessageView } from '../../../server/http/apiTypes';

/**
 * The thread to show: the server's messages, plus messages we sent that the last read did not include yet
 * (the 201 answer arrives before the next re-read). The server's copy wins, as it has the newer status.
 */
export function mergeMessages(fromServer: readonly MessageView[], sentHere: readonly MessageView[]): MessageView[] {
  const known = new Set(fromServer.map((message) => message.id));
  const missing = sentHere.filter((message) => !known.has(message.id));
  if (missing.length === 0) return [...fromServer];
  return [...fromServer, ...missing].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
