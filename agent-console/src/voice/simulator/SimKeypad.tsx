import { useTranslation } from 'react-i18next';
import { KEYPAD_KEYS } from './simCallView';

/** The phone's keys; live only while the line waits for keys (a <Gather>). */
export function SimKeypad({ enabled, onPress }: { enabled: boolean; onPress: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <div
      className="sim-keypad"
      role="group"
      aria-label={t('callSimulator.keypad')}
      data-testid="sim-keypad"
      data-enabled={String(enabled)}
    >
      {KEYPAD_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="sim-keypad__key"
          data-testid={`sim-keypad-${key}`}
          disabled={!enabled}
          onClick={() => onPress(key)}
        >
          {key}
        </button>
      ))}
    </div>
  );
}
