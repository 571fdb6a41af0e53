import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/formatDate';

interface Props {
  /** The number replies would go to, when known. */
  phone?: string;
  /** When it texted STOP, from the customer's identity. */
  at?: string | null;
  /** The server's own explanation (409 `opted_out`): preferred, as it may know more than our last read. */
  serverMessage?: string | null;
}

/** Why SMS replies cannot be sent to this customer right now. */
export function OptedOutNotice({ phone, at, serverMessage }: Props) {
  const { t, i18n } = useTranslation();
  const text = serverMessage || (at ? t('sms.optedOut', { date: formatDate(at, i18n.language) }) : null);
  if (!text) return null;
  return (
    <p role="alert" className="notice notice--error" data-testid="sms-opted-out" data-phone={phone}>
      {text}
    </p>
  );
}
