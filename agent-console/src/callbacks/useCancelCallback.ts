import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelCallback } from '../api/callbackEndpoints';
import { errorMessage } from '../api/errorMessage';

/** Cancels one callback at a time; whatever the answer, `onChanged` re-reads the list (it may have been dialled meanwhile). */
export function useCancelCallback(onChanged: () => void) {
  const { t } = useTranslation();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = async (id: string) => {
    setBusyId(id);
    setProblem(null);
    try {
      await cancelCallback(id);
    } catch (failure) {
      setProblem(errorMessage(failure, t));
    } finally {
      setBusyId(null);
      onChanged();
    }
  };
  return { cancel, busyId, problem };
}
