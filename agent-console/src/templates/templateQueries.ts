import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../data/queryKeys';
import {
  createTemplate,
  deleteTemplate,
  getTemplateSuggestions,
  listTemplates,
  updateTemplate,
  type NewTemplate,
  type TemplateFields,
} from './templateEndpoints';

export const TEMPLATES_KEY = ['templates'] as const;

/** The templates I may use, matching `q` (a shortcut or part of a name; empty for all). */
export const useTemplateList = (q: string, enabled = true) =>
  useQuery({
    queryKey: [...TEMPLATES_KEY, 'list', q],
    queryFn: () => listTemplates(q),
    enabled,
    placeholderData: keepPreviousData,
  });

/** Under the ticket's key: whatever re-reads the ticket (a new customer message) re-reads its suggestions. */
export const useTemplateSuggestions = (ticketId: string) =>
  useQuery({
    queryKey: [...queryKeys.ticket(ticketId), 'templateSuggestions'],
    queryFn: () => getTemplateSuggestions(ticketId),
  });

function useTemplateMutation<A, R>(mutationFn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: TEMPLATES_KEY }) });
}

export const useCreateTemplate = () => useTemplateMutation((template: NewTemplate) => createTemplate(template));
export const useUpdateTemplate = () =>
  useTemplateMutation(({ id, changes }: { id: string; changes: TemplateFields }) => updateTemplate(id, changes));
export const useDeleteTemplate = () => useTemplateMutation((id: string) => deleteTemplate(id));
