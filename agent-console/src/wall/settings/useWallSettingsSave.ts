import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WallSettingsResponse } from '../../../../server/http/wallApiTypes';
import { queryKeys } from '../../data/queryKeys';

/** A settings change; the server answers with every setting as stored now, which replaces what the page shows. */
export function useWallSettingsSave<Input>(save: (input: Input) => Promise<WallSettingsResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (settings) => {
      client.setQueryData(queryKeys.wallSettings, settings);
      // The wall judges figures by these thresholds and counts them by these settings.
      void client.invalidateQueries({ queryKey: queryKeys.wallFigures });
    },
  });
}
