import { useTranslation } from 'react-i18next';
import type { SimulatorStatus } from '../../../server/http/apiTypes';
import { LoadStatus } from '../data/LoadStatus';
import type { ServerData } from '../data/useServerData';
import { SimulatedPhone } from './SimulatedPhone';

/** Play the customer: text the company from a simulated phone and watch agents' replies arrive. */
export function SimulatorPage({ status }: { status: ServerData<SimulatorStatus> }) {
  const { t } = useTranslation();
  const sms = status.data?.sms;
  return (
    <section className="page" data-testid="simulator" data-enabled={sms ? String(sms.enabled) : undefined}>
      <header className="page__header">
        <h1>{t('simulator.title')}</h1>
        {sms?.enabled && (
          <p className="muted" data-testid="sim-company-number" data-number={sms.companyNumber}>
            {t('simulator.intro', { number: sms.companyNumber })}
          </p>
        )}
      </header>
      <LoadStatus {...status} />
      {sms && !sms.enabled && (
        <p className="notice" data-testid="simulator-off">
          {t('simulator.off')}
        </p>
      )}
      {sms?.enabled && <SimulatedPhone />}
    </section>
  );
}
