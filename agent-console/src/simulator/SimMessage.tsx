import { useTranslation } from 'react-i18next';
import type { SimulatedSms } from '../../../server/http/apiTypes';
import { Timestamp } from '../format/Timestamp';
import { isMessageStatus } from './simStatus';

/** One text bubble on the simulated phone: what it sent on the right, what the company sent on the left. */
export function SimMessage({ sms }: { sms: SimulatedSms }) {
  const { t } = useTranslation();
  const status = isMessageStatus(sms.status) ? t(`messageStatus.${sms.status}`) : sms.status;
  return (
    <li
      className={`sim-message sim-message--${sms.direction}`}
      data-testid="sim-message"
      data-direction={sms.direction}
      data-status={sms.status}
      data-sid={sms.sid}
    >
      <span className="visually-hidden">
        {sms.direction === 'from_phone' ? t('simulator.fromPhone') : t('simulator.toPhone')}:{' '}
      </span>
      <p className="sim-message__text">{sms.text}</p>
      <p className="sim-message__meta">
        <Timestamp iso={sms.at} />
        {' · '}
        <span className={`sim-message__status delivery-status--${sms.status}`} data-testid="sim-message-status">
          {status}
        </span>
      </p>
    </li>
  );
}
