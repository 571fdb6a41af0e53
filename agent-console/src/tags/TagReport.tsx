import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { TagChip } from './TagChip';
import { useTagReport } from './tagQueries';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Tickets created in a period per tag, as a table (the last 30 days unless changed). */
export function TagReport() {
  const { t } = useTranslation();
  const [to, setTo] = useState(() => day(new Date()));
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 29 * 86_400_000)));
  const report = useTagReport(from, to);

  return (
    <section className="panel" data-testid="tag-report">
      <h2>{t('tags.reportHeading')}</h2>
      <div className="inline-form">
        <label className="inline-field">
          <span>{t('tags.from')}</span>
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="inline-field">
          <span>{t('tags.to')}</span>
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      <LoadStatus data={report.data} error={report.error} />
      {report.data && (
        <>
          <p className="muted">{t('tags.reportTotal', { count: report.data.tickets })}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('tags.name')}</th>
                <th scope="col">{t('tags.ticketCount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.tags.map((tag) => (
                <tr key={tag.id} data-testid="tag-report-row" data-tag-name={tag.name}>
                  <td>
                    <TagChip tag={tag} />
                  </td>
                  <td className="numeric">{tag.tickets}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
