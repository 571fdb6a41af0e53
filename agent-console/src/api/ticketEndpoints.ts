import type {
  MessageView,
  TicketDetailResponse,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  TicketType,
} from '../../../server/http/apiTypes';
import { requestJson } from './request';

export interface TicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  type?: TicketType | null;
  subject?: string;
}

export type TransferTarget = { queueId: string } | { agentId: string };

const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

export const getTicket = (id: string) => requestJson<TicketDetailResponse>(ticketPath(id));

export const updateTicket = (id: string, changes: TicketChanges) =>
  requestJson<{ ticket: TicketSummary }>(ticketPath(id), { method: 'PATCH', body: changes });

/** What a reply may carry beyond its text: the template it came from (its use is counted) and uploaded files. */
export interface ReplyExtras {
  templateId?: string;
  attachments?: { uploadId: string }[];
  /** The knowledge base articles inserted into it (agent-console/src/knowledge): logged as sent. */
  knowledgeArticleIds?: string[];
}

export const sendReply = (id: string, text: string, extras: ReplyExtras = {}) =>
  requestJson<{ message: MessageView }>(`${ticketPath(id)}/replies`, { method: 'POST', body: { text, ...extras } });

export const addNote = (id: string, text: string) =>
  requestJson<{ message: MessageView }>(`${ticketPath(id)}/notes`, { method: 'POST', body: { text } });

export const transferTicket = (id: string, target: TransferTarget) =>
  requestJson<{ ticket: TicketSummary }>(`${ticketPath(id)}/transfer`, { method: 'POST', body: target });
