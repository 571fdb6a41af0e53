import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';
import { useCancelCallbackMutation } from './callbackMutations';

/** Cancels one callback at a time, saying why when the server refuses. */
export function useCancelCallback() {
  const { t } = useTranslation();
  const mutation = useCancelCallbackMutation();
  return {
    cancel: (id: string) => mutation.mutate(id),
    busyId: mutation.isPending ? (mutation.variables ?? null) : null,
    problem: mutation.error ? errorMessage(mutation.error, t) : null,
  };
}
