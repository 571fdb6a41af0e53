import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { ChannelIcon } from '../channels/ChannelIcon';
import { useNow } from '../format/useNow';
import { isCallingOut, shouldAutoAnswer } from './autoAnswer';
import { callBarStatus, controlsFor } from './callBarStatus';
import { callClock, formatDuration } from './callClock';
import { CallControls } from './CallControls';
import { DeviceReadiness } from './DeviceReadiness';
import { isMyMonitoringLeg } from './monitoringLegs';
import { currentCall, customerNumber, myLeg } from './myCalls';
import { useAcceptedOffers } from './useAcceptedOffers';
import { useCallBarBottom } from './useCallBarBottom';
import { useCustomerName } from './useCustomerName';
import { useMonitoringLegs } from './useMonitoringLegs';
import { useMyCalls } from './useMyCalls';
import { useVoiceDevice } from './useVoiceDevice';
import { WrapUpForm } from './WrapUpForm';

/**
 * The softphone, always on screen once signed in: the current call with its customer, state and timer, the controls
 * that fit that state, and after-call work once it ends. Idle, it says where calls ring (or that they don't: offline).
 */
export function CallBar({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const voice = useVoiceDevice();
  const { calls, applyAnswer } = useMyCalls(user.id);
  const acceptedTickets = useAcceptedOffers();
  const monitoringLegs = useMonitoringLegs();
  const [error, setError] = useState<string | null>(null);
  const call = currentCall(calls);
  const ringing = voice.state.ringing[0] ?? null;
  const now = useNow(1_000);
  const name = useCustomerName(call?.customerId ?? null);
  const bar = useRef<HTMLElement>(null);
  useCallBarBottom(bar);

  // The agent accepted this call's offer, placed the call, or asked to monitor a call (a supervisor's own leg into its
  // conference): picking up is what they meant, so the device answers by itself (once).
  const autoAnswered = useRef(new Set<string>());
  const ringingId = ringing?.id ?? null;
  const monitoring = isMyMonitoringLeg(monitoringLegs, ringingId);
  const autoAnswer = ringingId !== null && (monitoring || shouldAutoAnswer(calls, acceptedTickets, user.id, now));
  // A call I am placing rings my own device first: nothing to answer or decline, it is simply being dialled.
  const callingOut = !!call && isCallingOut(call);
  const deviceStatus = callBarStatus(call, user.id, ringing !== null);
  const status = deviceStatus === 'incoming' && autoAnswer && callingOut ? 'ringing' : deviceStatus;
  const muted = call && controlsFor(status).mute ? (myLeg(call, user.id)?.muted ?? false) : null;
  const { device } = voice;
  useEffect(() => {
    if (!ringingId || !device || !autoAnswer || autoAnswered.current.has(ringingId)) return;
    autoAnswered.current.add(ringingId);
    device.answer(ringingId).catch((failure: unknown) => setError(errorMessage(failure, t)));
  }, [ringingId, device, autoAnswer, t]);

  const clock = call ? callClock(call, now) : null;
  const number = call ? customerNumber(call) : (ringing?.from ?? null);
  const who = name ?? number ?? t('voice.unknownCaller');
  const statusText = (() => {
    if (callingOut && (status === 'ringing' || (status === 'incoming' && autoAnswer)))
      return t('voice.callingCustomer', { customer: who });
    if (status === 'incoming' && monitoring) return t('voice.joiningMonitoredCall');
    if (status === 'incoming' && autoAnswer) return t('voice.answering');
    return t(`voice.status.${status}`);
  })();

  return (
    <section
      ref={bar}
      className={`call-bar call-bar--${status}`}
      data-testid="call-bar"
      data-status={status}
      data-phase={call?.phase ?? 'none'}
      data-call-id={call?.id}
      data-device={voice.kind ?? 'loading'}
      aria-label={t('voice.barLabel')}
    >
      <div className="call-bar__main">
        <ChannelIcon channel="voice" />
        {status === 'idle' ? (
          <DeviceReadiness
            info={voice.info}
            kind={voice.kind}
            state={voice.state}
            offline={user.presence === 'offline'}
          />
        ) : (
          <>
            <span className="call-bar__who" data-testid="call-customer">
              <strong>{who}</strong>
              {name && number && <span className="muted"> {number}</span>}
            </span>
            <span className="call-bar__status" data-testid="call-status" role="status">
              {statusText}
            </span>
            {clock && (
              <span
                className="call-bar__timer"
                data-testid="call-timer"
                data-kind={clock.kind}
                title={clock.kind === 'talk' ? t('voice.talkTime') : t('voice.waitTime')}
              >
                {/* Once the call is over the timer stops: say what the frozen figure is. */}
                {call?.endedAt && clock.kind === 'talk'
                  ? t('voice.calls.talk', { duration: formatDuration(clock.seconds) })
                  : formatDuration(clock.seconds)}
              </span>
            )}
            {status === 'ringing' && voice.kind === 'phone' && voice.info?.phoneNumber && (
              <span className="muted small">{t('voice.ringingPhone', { number: voice.info.phoneNumber })}</span>
            )}
            {call?.ticketId && (
              <Link
                to="/tickets/$ticketId"
                params={{ ticketId: call.ticketId }}
                className="call-bar__ticket"
                data-testid="call-ticket-link"
              >
                {t('voice.openTicket')}
              </Link>
            )}
            {muted !== null && (
              // Always laid out while talking (hidden when not muted), so muting moves nothing.
              <span className="call-bar__muted small" data-testid="call-muted" data-muted={muted} aria-hidden={!muted}>
                {t('voice.muted')}
              </span>
            )}
          </>
        )}
        <CallControls
          status={status}
          call={call}
          user={user}
          device={voice.device}
          ringingId={ringingId}
          answering={autoAnswer}
          onCall={applyAnswer}
          onError={setError}
        />
      </div>
      {status === 'wrapUp' && call && (
        <WrapUpForm key={call.id} callId={call.id} deadline={call.wrapUpDeadline} now={now} onDone={applyAnswer} />
      )}
      {error && (
        <p role="alert" className="notice notice--error call-bar__error">
          {error}{' '}
          <button type="button" className="link-button small" onClick={() => setError(null)}>
            {t('voice.dismiss')}
          </button>
        </p>
      )}
    </section>
  );
}
