import type { TagListItem, TagReportResponse, TagView } from '../../../server/http/ticketViewApiTypes';
import { requestJson } from '../api/request';

export interface TagChanges {
  name?: string;
  color?: string | null;
}

const tagPath = (id: string) => `/api/tags/${encodeURIComponent(id)}`;
const ticketTagPath = (ticketId: string, tagId: string) =>
  `/api/tickets/${encodeURIComponent(ticketId)}/tags/${encodeURIComponent(tagId)}`;

export const getTags = () => requestJson<{ tags: TagListItem[] }>('/api/tags');

export const createTag = (tag: { name: string; color: string | null }) =>
  requestJson<{ tag: TagView }>('/api/tags', { method: 'POST', body: tag });

export const updateTag = (id: string, changes: TagChanges) =>
  requestJson<{ tag: TagView }>(tagPath(id), { method: 'PATCH', body: changes });

export const deleteTag = (id: string) => requestJson<void>(tagPath(id), { method: 'DELETE' });

export const setTicketTag = (ticketId: string, tagId: string, on: boolean) =>
  requestJson<{ tags: TagView[] }>(ticketTagPath(ticketId, tagId), { method: on ? 'PUT' : 'DELETE' });

export const getTagReport = (from: string, to: string) =>
  requestJson<TagReportResponse>(`/api/reports/tags?${new URLSearchParams({ from, to }).toString()}`);
