import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AwayReasonListResponse, PutAwayReasonsRequest } from '../../../server/http/apiTypes';
import { adminKeys, useAdminMutation } from '../admin/adminQueries';
import { requestJson } from '../api/request';
import { queryKeys } from '../data/queryKeys';

/** Under the admin keys, so a save through useAdminMutation re-reads it with every other admin screen's data. */
const awayReasonsAdminKey = [...adminKeys.all, 'awayReasons'] as const;

const awayReasonsAdminApi = {
  list: () => requestJson<AwayReasonListResponse>('/api/admin/away-reasons'),
  save: (body: PutAwayReasonsRequest) =>
    requestJson<AwayReasonListResponse>('/api/admin/away-reasons', { method: 'PUT', body }),
};

/** Every reason, the offered ones in order, then the retired ones. */
export const useAdminAwayReasons = () => useQuery({ queryKey: awayReasonsAdminKey, queryFn: awayReasonsAdminApi.list });

/** Saves the list; this console's own presence switch re-reads the reasons offered at once. */
export function useSaveAwayReasons(onSaved: (result: AwayReasonListResponse) => void) {
  const queryClient = useQueryClient();
  return useAdminMutation(awayReasonsAdminApi.save, (result) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.awayReasons });
    onSaved(result);
  });
}
