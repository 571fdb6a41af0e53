import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelCallback, placeCall, scheduleCallback, type NewCallback } from '../api/callbackEndpoints';
import { queryKeys } from '../data/queryKeys';

/** Books a callback on a new ticket of the customer's. */
export function useScheduleCallback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (callback: NewCallback) => scheduleCallback(callback),
    onSuccess: (_answer, callback) => {
      void client.invalidateQueries({ queryKey: queryKeys.callbacks });
      void client.invalidateQueries({ queryKey: queryKeys.customer(callback.customerId) });
    },
  });
}

/** Whatever the answer, the lists are read again: the callback may have been dialled meanwhile. */
export function useCancelCallbackMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelCallback(id),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.callbacks }),
  });
}

/** Click-to-dial: logged on a new ticket of the customer's, which the caller opens. */
export function usePlaceCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: placeCall,
    onSuccess: (_answer, input) => void client.invalidateQueries({ queryKey: queryKeys.customer(input.customerId) }),
  });
}
