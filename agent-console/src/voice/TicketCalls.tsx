import { useTranslation } from 'react-i18next';
import type { CallbackView, CallView } from '../../../server/http/voiceApiTypes';
import { errorMessage } from '../api/errorMessage';
import { formatTimestamp } from '../format/formatTimestamp';
import { Timestamp } from '../format/Timestamp';
import { formatDuration } from './callClock';
import { isKnownDisposition } from './dispositions';
import { useTicketCalls } from './useTicketCalls';

/** The ticket's phone history: every call (who, how long, what happened, the outcome) and its callbacks. Nothing when there is none. */
export function TicketCalls({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { data, error } = useTicketCalls(ticketId);
  if (!data) {
    return error ? (
      <p role="alert" className="notice notice--error">
        {errorMessage(error, t)}
      </p>
    ) : null;
  }
  if (data.calls.length === 0 && data.callbacks.length === 0) return null;
  return (
    <section className="panel ticket-calls" data-testid="ticket-calls">
      {data.calls.length > 0 && (
        <>
          <h2>{t('voice.calls.heading')}</h2>
          <ol className="plain-list">
            {[...data.calls].reverse().map((call) => (
              <CallItem key={call.id} call={call} />
            ))}
          </ol>
        </>
      )}
      {data.callbacks.length > 0 && (
        <>
          <h2>{t('voice.callbacks.heading')}</h2>
          <ol className="plain-list">
            {data.callbacks.map((callback) => (
              <CallbackItem key={callback.id} callback={callback} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function CallItem({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const flags = [
    call.abandoned && t('voice.calls.abandoned'),
    call.voicemail && t('voice.calls.voicemail'),
    call.callbackRequested && t('voice.calls.callbackRequested'),
    call.customerOnHold && !call.endedAt && t('voice.calls.onHold'),
  ].filter((flag): flag is string => Boolean(flag));
  const disposition =
    call.disposition &&
    (isKnownDisposition(call.disposition) ? t(`voice.disposition.${call.disposition}`) : call.disposition);
  return (
    <li
      className="ticket-call"
      data-testid="ticket-call"
      data-call-id={call.id}
      data-phase={call.phase}
      data-disposition={call.disposition ?? undefined}
    >
      <div className="ticket-call__head">
        <strong>{t(`voice.direction.${call.direction}`)}</strong>
        {call.origin !== 'customer' && <span className="chip">{t(`voice.origin.${call.origin}`)}</span>}
        <Timestamp iso={call.createdAt} className="muted small" />
        <span className="status-badge" data-testid="ticket-call-phase">
          {t(`voice.phase.${call.phase}`)}
        </span>
      </div>
      <p className="small muted ticket-call__facts">
        {call.direction === 'inbound' ? call.from : call.to}
        {call.waitSeconds != null && <> · {t('voice.calls.wait', { duration: formatDuration(call.waitSeconds) })}</>}
        {call.talkSeconds != null && <> · {t('voice.calls.talk', { duration: formatDuration(call.talkSeconds) })}</>}
      </p>
      {call.ivrPath.length > 0 && (
        <p className="small">{t('voice.calls.ivrPath', { path: call.ivrPath.join(' › ') })}</p>
      )}
      {call.legs.length > 0 && (
        <p className="small">
          {t('voice.calls.agents', {
            legs: call.legs
              .map((leg) => t('voice.calls.leg', { name: leg.agentName, status: t(`voice.callStatus.${leg.status}`) }))
              .join(', '),
          })}
        </p>
      )}
      {flags.length > 0 && (
        <ul className="chip-list">
          {flags.map((flag) => (
            <li key={flag} className="chip">
              {flag}
            </li>
          ))}
        </ul>
      )}
      {disposition && (
        <p className="small" data-testid="ticket-call-disposition">
          {t('voice.calls.disposition', { disposition })}
        </p>
      )}
      {call.wrapUpNote && <p className="small ticket-call__note">{call.wrapUpNote}</p>}
      {call.wrapUp === 'pending' && <p className="small muted">{t('voice.calls.wrapUpPending')}</p>}
      {call.recording && (
        // Played through the server: Twilio's recording URL needs the account's credentials, which the browser must not hold.
        <p className="small">
          <span>{t('voice.calls.recording')}</span>{' '}
          <audio
            controls
            preload="none"
            src={`/api/calls/${call.id}/recording`}
            aria-label={t('voice.calls.recording')}
            data-testid="call-recording"
          />
        </p>
      )}
      {call.error && <p className="small failure-reason">{t('voice.calls.error', { error: call.error })}</p>}
    </li>
  );
}

function CallbackItem({ callback }: { callback: CallbackView }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="ticket-callback" data-testid="ticket-callback" data-status={callback.status}>
      <div className="ticket-call__head">
        <strong>{callback.phoneNumber}</strong>
        <span className="status-badge">{t(`voice.callbacks.status.${callback.status}`)}</span>
      </div>
      <p className="small muted">
        {t('voice.callbacks.due', { time: formatTimestamp(callback.dueAt, i18n.language) })} ·{' '}
        {t('voice.callbacks.attempts', { attempts: callback.attempts, max: callback.maxAttempts })}
      </p>
      {callback.note && <p className="small">{callback.note}</p>}
      {callback.attemptLog.length > 0 && (
        <ol className="small ticket-callback__attempts">
          {callback.attemptLog.map((attempt) => (
            <li key={attempt.attempt}>
              {t('voice.callbacks.attempt', {
                attempt: attempt.attempt,
                outcome: attempt.outcome ?? t('voice.callbacks.noOutcome'),
              })}{' '}
              <Timestamp iso={attempt.startedAt} className="muted" />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
