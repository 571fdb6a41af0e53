import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TicketDetailResponse } from '../../../server/http/apiTypes';
import { queryKeys } from '../data/queryKeys';
import { TICKET_VIEWS_KEY } from '../views/useTicketView';
import { createTag, deleteTag, getTagReport, getTags, setTicketTag, updateTag, type TagChanges } from './tagEndpoints';

export const TAGS_KEY = ['tags'] as const;
const tagReportKey = (from: string, to: string) => ['tags', 'report', from, to] as const;

/** Every tag with its ticket count: for picking one, filtering views and the tag settings. */
export const useTags = () => useQuery({ queryKey: [...TAGS_KEY, 'list'], queryFn: getTags });

export const useTagReport = (from: string, to: string) =>
  useQuery({ queryKey: tagReportKey(from, to), queryFn: () => getTagReport(from, to), enabled: from <= to });

/** A tag changed: its list, its counts, the views showing it and every ticket held (their chips) are stale. */
function afterTagChange(client: QueryClient) {
  void client.invalidateQueries({ queryKey: TAGS_KEY });
  void client.invalidateQueries({ queryKey: TICKET_VIEWS_KEY });
  void client.invalidateQueries({ queryKey: queryKeys.tickets });
}

export function useCreateTag() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createTag, onSuccess: () => afterTagChange(client) });
}

export function useUpdateTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TagChanges }) => updateTag(id, changes),
    onSuccess: () => afterTagChange(client),
  });
}

export function useDeleteTag() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteTag, onSuccess: () => afterTagChange(client) });
}

/** Puts a tag on a ticket or takes it off; the answer (the ticket's tags) shows at once. */
export function useTicketTag(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ tagId, on }: { tagId: string; on: boolean }) => setTicketTag(ticketId, tagId, on),
    onSuccess: ({ tags }) => {
      client.setQueryData<TicketDetailResponse>(queryKeys.ticket(ticketId), (detail) => detail && { ...detail, tags });
      void client.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
      void client.invalidateQueries({ queryKey: TAGS_KEY });
      void client.invalidateQueries({ queryKey: TICKET_VIEWS_KEY });
    },
  });
}
