import { useQuery } from '@tanstack/react-query';
import type { SlaPreviewInput } from '../../../server/http/slaApiTypes';
import { adminKeys } from '../admin/adminQueries';
import { slaApi } from './slaEndpoints';

/**
 * Under the admin keys, so every admin save (a policy, a calendar, a queue's hours) re-reads the policies and the
 * preview, whose answer depends on all of them.
 */
export const slaAdminKeys = {
  policies: [...adminKeys.all, 'slaPolicies'] as const,
  preview: (input: SlaPreviewInput) =>
    [
      ...adminKeys.all,
      'slaPreview',
      input.createdAt,
      input.queueId,
      input.priority,
      input.channel,
      input.customerTags.join(','),
    ] as const,
  holidayCountries: [...adminKeys.all, 'holidayCountries'] as const,
};

export const useSlaPolicies = () => useQuery({ queryKey: slaAdminKeys.policies, queryFn: slaApi.policies });

/** What the saved policies give a ticket like this; null input (an unfinished date) reads nothing. */
export const useSlaPreview = (input: SlaPreviewInput | null) =>
  useQuery({
    queryKey: input ? slaAdminKeys.preview(input) : [...adminKeys.all, 'slaPreview'],
    queryFn: () => slaApi.preview(input!),
    enabled: input !== null,
  });

export const useHolidayCountries = () =>
  useQuery({ queryKey: slaAdminKeys.holidayCountries, queryFn: slaApi.holidayCountries, staleTime: Infinity });
