import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../api/callbackEndpoints';
import type { QueueEntry } from '../api/directoryEndpoints';
import { Timestamp } from '../format/Timestamp';
import { callbackOutcomeText } from './callbackOutcome';
import { CallbackStatusBadge } from './CallbackStatusBadge';
import { isCancelable } from './callbackSchedule';
import { useCancelCallback } from './useCancelCallback';

interface Props {
  callbacks: CallbackView[];
  queues: QueueEntry[];
}

/** A customer's callbacks, narrow enough for the side of their page: number, queue, due time, status, attempts. */
export function CustomerCallbacks({ callbacks, queues }: Props) {
  const { t } = useTranslation();
  const { cancel, busyId, problem } = useCancelCallback();
  const queueName = (id: string | null) => queues.find((queue) => queue.id === id)?.name ?? t('common.none');
  return (
    <>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <ul className="plain-list customer-callbacks" data-testid="customer-callbacks">
        {callbacks.map((callback) => (
          <li
            key={callback.id}
            className="customer-callback"
            data-testid="callback"
            data-callback-id={callback.id}
            data-status={callback.status}
          >
            <div className="customer-callback__line">
              <CallbackStatusBadge status={callback.status} />
              <Timestamp iso={callback.dueAt} />
              <span className="muted">{queueName(callback.queueId)}</span>
            </div>
            <div className="customer-callback__line">
              <span data-kind="phone">{callback.phoneNumber}</span>
              <span className="muted" data-kind="attempts">
                {t('callbacks.attemptsOf', { attempts: callback.attempts, max: callback.maxAttempts })}
                {callback.lastOutcome && ` · ${callbackOutcomeText(callback.lastOutcome, t)}`}
              </span>
              {isCancelable(callback) && (
                <button
                  type="button"
                  className="link-button"
                  data-testid="cancel-callback"
                  disabled={busyId !== null}
                  onClick={() => void cancel(callback.id)}
                >
                  {busyId === callback.id ? t('callbacks.canceling') : t('callbacks.cancel')}
                </button>
              )}
            </div>
            {callback.note && <p className="customer-callback__note">{callback.note}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
