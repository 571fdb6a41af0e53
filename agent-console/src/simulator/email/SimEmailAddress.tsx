import { useTranslation } from 'react-i18next';
import { normaliseEmail, randomSimEmail } from './simEmail';

interface Props {
  address: string;
  name: string;
  recent: string[];
  onAddressChange: (address: string) => void;
  onNameChange: (name: string) => void;
}

/** Who the simulated customer is: their address (typed, recent, or a fresh one) and the name their mail client shows. */
export function SimEmailAddress({ address, name, recent, onAddressChange, onNameChange }: Props) {
  const { t } = useTranslation();
  const others = recent.filter((known) => known !== normaliseEmail(address));
  return (
    <div className="sim-email__identity">
      <label className="form__field">
        <span>{t('emailSimulator.address')}</span>
        <input
          type="email"
          data-testid="sim-email-address"
          value={address}
          autoComplete="off"
          onChange={(event) => onAddressChange(event.target.value)}
        />
        <small className="muted">{t('emailSimulator.addressHint')}</small>
      </label>
      <label className="form__field">
        <span>{t('emailSimulator.name')}</span>
        <input
          type="text"
          data-testid="sim-email-name"
          value={name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => onNameChange(event.target.value)}
        />
      </label>
      <div className="sim-phone__recent">
        <button
          type="button"
          className="link-button small"
          data-testid="sim-email-new-address"
          onClick={() => onAddressChange(randomSimEmail())}
        >
          {t('emailSimulator.newAddress')}
        </button>
        {others.length > 0 && (
          <ul className="chip-list" aria-label={t('emailSimulator.recent')}>
            {others.map((known) => (
              <li key={known}>
                <button
                  type="button"
                  className="chip chip--button"
                  data-testid="sim-recent-email"
                  data-address={known}
                  onClick={() => onAddressChange(known)}
                >
                  {known}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
