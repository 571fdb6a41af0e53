import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../api/callbackEndpoints';
import type { QueueEntry } from '../api/directoryEndpoints';
import { customerName } from '../customers/customerName';
import { Timestamp } from '../format/Timestamp';
import { useNow } from '../format/useNow';
import { CallbackStatusBadge } from './CallbackStatusBadge';
import { callbackOutcomeText } from './callbackOutcome';
import { isCancelable, isOverdue, OVERDUE_AFTER_MS } from './callbackSchedule';
import { useCancelCallback } from './useCancelCallback';

interface Props {
  callbacks: CallbackView[];
  queues: QueueEntry[];
  /** After a cancel, so the owner re-reads. */
  testId?: string;
}

/**
 * Callbacks with their customer, number, queue, status, due time, attempts and outcomes; a waiting one can be canceled.
 * One still waiting well after it fell due is marked overdue.
 */
export function CallbackList({ callbacks, queues, testId = 'callback-list' }: Props) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const { cancel, busyId, problem } = useCancelCallback();
  const queueName = (id: string | null) =>
    id ? (queues.find((queue) => queue.id === id)?.name ?? t('common.none')) : t('common.none');
  const outcomeText = (outcome: string) => callbackOutcomeText(outcome, t);

  return (
    <>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table callback-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t('callbacks.customer')}</th>
              <th scope="col">{t('callbacks.phoneNumber')}</th>
              <th scope="col">{t('callbacks.queue')}</th>
              <th scope="col">{t('callbacks.status')}</th>
              <th scope="col">{t('callbacks.due')}</th>
              <th scope="col" className="numeric">
                {t('callbacks.attempts')}
              </th>
              <th scope="col">{t('callbacks.outcomes')}</th>
              <th scope="col">{t('callbacks.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('callbacks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {callbacks.map((callback) => {
              const overdue = isOverdue(callback, now);
              return (
                <tr
                  key={callback.id}
                  data-testid="callback"
                  data-callback-id={callback.id}
                  data-status={callback.status}
                  data-overdue={overdue}
                >
                  <td>
                    {callback.customerId ? (
                      <Link to="/customers/$customerId" params={{ customerId: callback.customerId }}>
                        {customerName({ name: callback.customerName }, t)}
                      </Link>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td data-kind="phone">{callback.phoneNumber}</td>
                  <td>{queueName(callback.queueId)}</td>
                  <td>
                    <span className="callback-table__badges">
                      <CallbackStatusBadge status={callback.status} />
                      {overdue && (
                        <span
                          className="status-badge callback-overdue"
                          data-testid="callback-overdue"
                          title={t('callbacks.overdueTitle', { minutes: OVERDUE_AFTER_MS / 60_000 })}
                        >
                          {t('callbacks.overdue')}
                        </span>
                      )}
                    </span>
                  </td>
                  <td>
                    <Timestamp iso={callback.dueAt} />
                  </td>
                  <td className="numeric" data-kind="attempts">
                    {t('callbacks.attemptsOf', { attempts: callback.attempts, max: callback.maxAttempts })}
                  </td>
                  <td>
                    {callback.attemptLog.length === 0 ? (
                      <span className="muted">{t('callbacks.notTried')}</span>
                    ) : (
                      <ol className="callback-attempts">
                        {callback.attemptLog.map((attempt) => (
                          <li key={attempt.attempt} data-testid="callback-attempt" data-outcome={attempt.outcome ?? ''}>
                            <Timestamp iso={attempt.startedAt} />{' '}
                            {attempt.outcome ? outcomeText(attempt.outcome) : t('callbacks.inProgress')}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                  <td className="callback-table__note">{callback.note}</td>
                  <td>
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
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
