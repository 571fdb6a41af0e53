import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { Timestamp } from '../format/Timestamp';
import { mergeLowScores, useLiveLowScores } from './liveLowScores';
import { lastDaysUtc } from './reportRange';
import { ScoreBadge } from './ScoreBadge';
import { useLowScores } from './surveyQueries';
import { CustomerLink, TicketLink } from './SurveyRowLinks';
import { SurveyTabs } from './SurveyTabs';

/** Supervisors: the last 30 days' low scores, newest first; a low score arriving ('survey.low_score') appears at once. */
export function LowScoresPage() {
  const { t } = useTranslation();
  const [range] = useState(() => lastDaysUtc(30));
  const { data, error } = useLowScores(range);
  const live = useLiveLowScores();
  const lowScores = data ? mergeLowScores(data.lowScores, live) : [];

  return (
    <section className="page page--wide" data-testid="low-scores-page">
      <SurveyTabs current="lowScores" />
      <p className="muted">{t('surveys.lowScores.intro')}</p>
      <LoadStatus data={data} error={error} />
      {data && lowScores.length === 0 && (
        <p className="muted" data-testid="low-scores-empty">
          {t('surveys.lowScores.empty')}
        </p>
      )}
      {lowScores.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="low-scores">
            <thead>
              <tr>
                <th scope="col">{t('surveys.answeredAt')}</th>
                <th scope="col">{t('surveys.score')}</th>
                <th scope="col">{t('surveys.ticket')}</th>
                <th scope="col">{t('surveys.customer')}</th>
                <th scope="col">{t('surveys.queue')}</th>
                <th scope="col">{t('surveys.agent')}</th>
                <th scope="col">{t('surveys.comment')}</th>
                <th scope="col">{t('surveys.lowScores.returnVisit')}</th>
              </tr>
            </thead>
            <tbody>
              {lowScores.map((survey) => (
                <tr key={survey.id} data-testid="low-score-row" data-survey-id={survey.id}>
                  <td>{survey.answeredAt && <Timestamp iso={survey.answeredAt} />}</td>
                  <td>{survey.score !== null && <ScoreBadge scale={survey.scale} score={survey.score} low />}</td>
                  <td>
                    <TicketLink ticketId={survey.ticketId} number={survey.ticketNumber} />
                  </td>
                  <td>
                    <CustomerLink customer={survey.customer} />
                  </td>
                  <td>{survey.queue?.name ?? '–'}</td>
                  <td>{survey.agent?.name ?? '–'}</td>
                  <td className="survey-comment-cell" data-testid="low-score-comment">
                    {survey.comment ?? ''}
                  </td>
                  <td>
                    {survey.returnVisitId ? t('surveys.lowScores.returnVisitOpened') : t('surveys.lowScores.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
