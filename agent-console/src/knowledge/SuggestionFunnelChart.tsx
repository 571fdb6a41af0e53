import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Funnel, FunnelChart, LabelList, ResponsiveContainer, Tooltip } from 'recharts';
import type { KnowledgeStats } from '../../../server/http/knowledgeApiTypes';

/** The stages from an article suggested to a ticket solved with it, in the console's colours. */
const STAGES = [
  { figure: 'suggestionsShown', colour: '#2457c5' },
  { figure: 'suggestionsInserted', colour: '#3f74d8' },
  { figure: 'suggestionsSent', colour: '#1d7a3e' },
  { figure: 'ticketsSolvedWithArticle', colour: '#14532d' },
] as const;

/** Shown → inserted → sent → solved as a funnel: how far suggestions carry; the figures above say the same in numbers. */
export function SuggestionFunnelChart({ totals }: { totals: KnowledgeStats['totals'] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const data = STAGES.map(({ figure, colour }) => ({
    name: t(`knowledgeStats.${figure}`),
    value: totals[figure],
    fill: colour,
  }));
  return (
    <figure className="stats-chart" data-testid="knowledge-funnel" aria-labelledby={titleId}>
      <figcaption id={titleId}>{t('knowledgeStats.chartTitle')}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <FunnelChart margin={{ top: 12, right: 160, bottom: 12, left: 12 }}>
          <Tooltip />
          <Funnel dataKey="value" nameKey="name" data={data} isAnimationActive={false} lastShapeType="rectangle">
            <LabelList position="right" fill="#1f2937" stroke="none" dataKey="name" />
            <LabelList position="center" fill="#ffffff" stroke="none" dataKey="value" />
          </Funnel>
        </FunnelChart>
      </ResponsiveContainer>
    </figure>
  );
}
