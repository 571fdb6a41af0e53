import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatorStatus } from '../../../server/http/apiTypes';
import { TabList } from '../app/TabList';
import { LoadStatus } from '../data/LoadStatus';
import { SurveySimulatorHint } from '../surveys/SurveySimulatorHint';
import { CallSimulator } from '../voice/simulator/CallSimulator';
import { EmailSimulator } from './email/EmailSimulator';
import { SimulatedPhone } from './SimulatedPhone';
import { enabledSimulatorTabs, shownSimulatorTab, type SimulatorTab } from './simulatorTabs';
import { useSimulatorStatus } from './useSimulatorStatus';

/** Play the customer on each channel whose simulator runs, one tab each, and watch agents' replies arrive. */
export function SimulatorPage() {
  const { t } = useTranslation();
  const status = useSimulatorStatus();
  const [chosen, setChosen] = useState<SimulatorTab | null>(null);
  const enabled = enabledSimulatorTabs(status.data);
  const shown = shownSimulatorTab(enabled, chosen);
  return (
    <section
      className="page"
      data-testid="simulator"
      data-enabled={status.data ? String(enabled.length > 0) : undefined}
    >
      <header className="page__header">
        <h1>{t('simulator.title')}</h1>
        {enabled.length > 0 && (
          <TabList
            label={t('simulator.tabsLabel')}
            tabs={enabled.map((id) => ({ id, label: t(`simulator.tabs.${id}`) }))}
            current={shown}
            onSelect={setChosen}
            idPrefix="sim"
          />
        )}
      </header>
      <LoadStatus data={status.data} error={status.error} />
      {status.data && enabled.length === 0 && (
        <p className="notice" data-testid="simulator-off">
          {t('simulator.off')}
        </p>
      )}
      {status.data && shown && (
        <div role="tabpanel" id={`sim-panel-${shown}`} aria-labelledby={`sim-tab-${shown}`}>
          <SimulatorPanel tab={shown} status={status.data} />
          <SurveySimulatorHint tab={shown} />
        </div>
      )}
    </section>
  );
}

function SimulatorPanel({ tab, status }: { tab: SimulatorTab; status: SimulatorStatus }) {
  const { t } = useTranslation();
  switch (tab) {
    case 'sms':
      return (
        <>
          <p className="muted" data-testid="sim-company-number" data-number={status.sms.companyNumber}>
            {t('simulator.intro', { number: status.sms.companyNumber })}
          </p>
          <SimulatedPhone />
        </>
      );
    case 'email':
      return <EmailSimulator supportAddress={status.email.address} />;
    case 'voice':
      return <CallSimulator companyNumber={status.voice.companyNumber} />;
  }
}
