import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import type { CallView } from '../../../server/http/voiceApiTypes';
import { errorMessage } from '../api/errorMessage';
import { hangUpCall, holdCall, muteCall } from '../api/voiceEndpoints';
import { controlsFor, type CallBarStatus } from './callBarStatus';
import { CallTransfer } from './CallTransfer';
import { myLeg } from './myCalls';
import { StableLabel } from './StableLabel';
import type { VoiceDevice } from './voiceDevice';

interface Props {
  status: CallBarStatus;
  call: CallView | null;
  user: UserView;
  device: VoiceDevice | null;
  /** The call ringing this console's device. */
  ringingId: string | null;
  /** The device is answering by itself (the agent accepted this call's offer). */
  answering: boolean;
  onCall: (call: CallView) => void;
  onError: (message: string | null) => void;
}

type Action = 'answer' | 'decline' | 'hangUp' | 'hold' | 'mute';

/** The buttons that fit the call's state; the server does the work, the device follows (answers, mutes the microphone). */
export function CallControls({ status, call, user, device, ringingId, answering, onCall, onError }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Action | null>(null);
  const [transferring, setTransferring] = useState(false);
  const transferButton = useRef<HTMLButtonElement>(null);
  const shown = controlsFor(status);
  const muted = call ? (myLeg(call, user.id)?.muted ?? false) : false;

  const run = async (action: Action, work: () => Promise<CallView | void>) => {
    setBusy(action);
    onError(null);
    try {
      const view = await work();
      if (view) onCall(view);
    } catch (failure) {
      onError(errorMessage(failure, t));
    } finally {
      setBusy(null);
    }
  };

  const answer = () => run('answer', async () => (ringingId && device ? device.answer(ringingId) : undefined));
  const decline = () => run('decline', async () => (ringingId && device ? device.reject(ringingId) : undefined));
  const hangUp = () =>
    run('hangUp', async () => {
      if (!call) return;
      await hangUpCall(call.id);
      device?.disconnect();
    });
  const hold = () => run('hold', async () => (call ? (await holdCall(call.id, !call.customerOnHold)).call : undefined));
  const mute = () =>
    run('mute', async () => {
      if (!call) return;
      const { call: view } = await muteCall(call.id, !muted);
      device?.setMuted(!muted);
      return view;
    });

  return (
    <>
      <div className="call-bar__controls button-row">
        {shown.answer && (
          <>
            <button
              type="button"
              className="button button--accept button--small"
              data-testid="call-answer"
              disabled={busy !== null || answering}
              onClick={() => void answer()}
            >
              {answering || busy === 'answer' ? t('voice.answering') : t('voice.answer')}
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="call-decline"
              disabled={busy !== null || answering}
              onClick={() => void decline()}
            >
              {t('voice.decline')}
            </button>
          </>
        )}
        {shown.hold && call && (
          <button
            type="button"
            className="button button--small"
            data-testid="call-hold"
            aria-pressed={call.customerOnHold}
            disabled={busy !== null}
            onClick={() => void hold()}
          >
            <StableLabel
              current={call.customerOnHold ? t('voice.resume') : t('voice.hold')}
              states={[t('voice.hold'), t('voice.resume')]}
            />
          </button>
        )}
        {shown.mute && (
          <button
            type="button"
            className="button button--small"
            data-testid="call-mute"
            aria-pressed={muted}
            disabled={busy !== null}
            onClick={() => void mute()}
          >
            <StableLabel
              current={muted ? t('voice.unmute') : t('voice.mute')}
              states={[t('voice.mute'), t('voice.unmute')]}
            />
          </button>
        )}
        {shown.transfer && (
          <button
            ref={transferButton}
            type="button"
            className="button button--small"
            data-testid="call-transfer"
            aria-expanded={transferring}
            disabled={busy !== null}
            onClick={() => setTransferring((open) => !open)}
          >
            {t('voice.transfer')}
          </button>
        )}
        {shown.hangUp && call && (
          <button
            type="button"
            className="button button--danger button--small"
            data-testid="call-hangup"
            disabled={busy !== null}
            onClick={() => void hangUp()}
          >
            {t('voice.hangUp')}
          </button>
        )}
      </div>
      {transferring && shown.transfer && call && (
        <CallTransfer
          callId={call.id}
          user={user}
          onTransferred={(view) => {
            setTransferring(false);
            onCall(view);
          }}
          onCancel={() => {
            setTransferring(false);
            transferButton.current?.focus();
          }}
        />
      )}
    </>
  );
}
