import { useTranslation } from 'react-i18next';
import type { SimulatedParticipantView } from '../../../../server/http/voiceApiTypes';
import { orderedParties } from './simCallView';

/**
 * Who is on the caller's line: the caller, the agent, and a supervisor listening, coaching the agent or barged in —
 * so all three monitoring modes can be tried and seen without Twilio.
 */
export function SimCallParties({ participants }: { participants: readonly SimulatedParticipantView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="sim-call__parties" data-testid="sim-call-parties" aria-label={t('callSimulator.parties')}>
      {orderedParties(participants).map((p) => (
        <li
          key={p.callSid}
          className={`sim-call__party sim-call__party--${p.role}`}
          data-testid="sim-call-party"
          data-role={p.role}
          data-monitoring={p.monitoring ?? ''}
          data-call-sid={p.callSid}
        >
          <strong>{t(`callSimulator.party.${p.role}`)}</strong> <span className="muted small">{p.party}</span>
          {p.monitoring && <span className="sim-call__mode"> {t(`callSimulator.monitoring.${p.monitoring}`)}</span>}
          {p.onHold && <span className="muted small"> {t('callSimulator.onHold')}</span>}
        </li>
      ))}
    </ul>
  );
}
