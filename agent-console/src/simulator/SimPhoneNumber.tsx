import { useTranslation } from 'react-i18next';
import { compactPhone, randomSimPhone } from './simPhone';

interface Props {
  phone: string;
  recent: string[];
  onChange: (phone: string) => void;
}

/** The simulated phone's own number: typed, picked from recent ones, or a fresh random one. */
export function SimPhoneNumber({ phone, recent, onChange }: Props) {
  const { t } = useTranslation();
  const current = compactPhone(phone);
  const others = recent.filter((number) => number !== current);
  return (
    <div className="sim-phone__number">
      <label className="form__field">
        <span>{t('simulator.phone')}</span>
        <input
          type="tel"
          data-testid="sim-phone"
          value={phone}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
        <small className="muted">{t('simulator.phoneHint')}</small>
      </label>
      <div className="sim-phone__recent">
        <button
          type="button"
          className="link-button small"
          data-testid="sim-new-number"
          onClick={() => onChange(randomSimPhone())}
        >
          {t('simulator.newNumber')}
        </button>
        {others.length > 0 && (
          <ul className="chip-list" aria-label={t('simulator.recent')}>
            {others.map((number) => (
              <li key={number}>
                <button
                  type="button"
                  className="chip chip--button"
                  data-testid="sim-recent-phone"
                  data-phone={number}
                  onClick={() => onChange(number)}
                >
                  {number}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
