import { useTranslation } from 'react-i18next';
import type { CampaignCounts } from '../../../server/http/apiTypes';
import { COUNT_KINDS } from './campaignActivity';

/** Total, sent, delivered, failed, skipped and pending as large figures. */
export function CampaignFigures({ counts }: { counts: CampaignCounts }) {
  const { t } = useTranslation();
  return (
    <dl className="figures" data-testid="campaign-figures">
      {COUNT_KINDS.map((kind) => (
        <div
          key={kind}
          className={`figure figure--${kind}`}
          data-testid="campaign-count"
          data-kind={kind}
          data-value={counts[kind]}
        >
          <dt>{t(`campaignCounts.${kind}`)}</dt>
          <dd>{counts[kind]}</dd>
        </div>
      ))}
    </dl>
  );
}
