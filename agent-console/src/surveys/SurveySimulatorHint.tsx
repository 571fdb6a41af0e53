import { useTranslation } from 'react-i18next';
import type { SimulatorTab } from '../simulator/simulatorTabs';

/** On each simulator tab: how the customer answers that channel's survey there. */
export function SurveySimulatorHint({ tab }: { tab: SimulatorTab }) {
  const { t } = useTranslation();
  return (
    <p className="muted small" data-testid="sim-survey-hint" data-tab={tab}>
      {t(`surveySimulator.${tab}`)}
    </p>
  );
}
