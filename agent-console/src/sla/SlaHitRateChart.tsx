import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HitRateLine } from './hitRateRows';

/** The hit rate of each bucket as a bar from 0 to 100 %; the table below carries the same figures. */
export function SlaHitRateChart({ lines, groupLabel }: { lines: HitRateLine[]; groupLabel: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const title = t('sla.report.chartTitle', { group: groupLabel });
  const data = lines.map((line) => ({ label: line.label, percent: line.percent ?? 0 }));
  return (
    <figure
      className="stats-chart sla-report-chart"
      data-testid="sla-hit-rate-chart"
      data-bars={lines.length}
      aria-labelledby={titleId}
    >
      <figcaption id={titleId}>{title}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} title={title} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} />
          <YAxis
            domain={[0, 100]}
            width={56}
            tickFormatter={(value: number) => `${value}%`}
            label={{ value: t('sla.report.hitRateAxis'), angle: -90, position: 'insideLeft' }}
          />
          <Tooltip formatter={(value) => `${String(value)}%`} />
          <Bar dataKey="percent" name={t('sla.report.hitRate')} fill="#1d7a3e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
