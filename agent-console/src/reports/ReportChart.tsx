import { useId, type ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A report's chart with its title; the table beside it carries the same figures for those who cannot see it. */
export function ReportChart({ title, testId, children }: { title: string; testId: string; children: ReactElement }) {
  const titleId = useId();
  return (
    <figure className="stats-chart report-chart" data-testid={testId} aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** The console's colours for chart series. */
export const SERIES_COLOURS = ['#2457c5', '#1d7a3e', '#b42318', '#b7791f', '#6b46c1', '#0f766e'] as const;
