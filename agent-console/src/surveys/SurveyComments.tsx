import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { Timestamp } from '../format/Timestamp';
import { ScoreBadge } from './ScoreBadge';
import { surveyCsvUrls } from './surveyApi';
import { useSurveyComments } from './surveyQueries';
import { CustomerLink, TicketLink } from './SurveyRowLinks';

/** What customers wrote (or said) with their answers in the report's range, low scores only if asked; CSV too. */
export function SurveyComments({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [lowOnly, setLowOnly] = useState(false);
  const query = { from, to, lowOnly };
  const { data, error } = useSurveyComments(query);
  const comments = data?.comments.filter((survey) => survey.comment || survey.commentRecordingUrl) ?? [];

  return (
    <section aria-labelledby="survey-comments-heading" data-testid="survey-comments">
      <h2 id="survey-comments-heading">{t('surveys.reports.commentsHeading')}</h2>
      <div className="survey-report-actions">
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="survey-comments-low-only"
            checked={lowOnly}
            onChange={(e) => setLowOnly(e.target.checked)}
          />
          {t('surveys.reports.lowOnly')}
        </label>
        <a
          className="button button--small"
          href={surveyCsvUrls.comments(query)}
          download
          data-testid="survey-comments-csv"
        >
          {t('surveys.downloadCsv')}
        </a>
      </div>
      <LoadStatus data={data} error={error} />
      {data && comments.length === 0 && <p className="muted">{t('surveys.reports.noComments')}</p>}
      {comments.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('surveys.reports.answeredAt')}</th>
                <th scope="col">{t('surveys.score')}</th>
                <th scope="col">{t('surveys.comment')}</th>
                <th scope="col">{t('surveys.ticket')}</th>
                <th scope="col">{t('surveys.customer')}</th>
                <th scope="col">{t('surveys.agent')}</th>
                <th scope="col">{t('surveys.channel')}</th>
              </tr>
            </thead>
            <tbody>
              {comments.map((survey) => (
                <tr key={survey.id} data-testid="survey-comment-row">
                  <td>{survey.answeredAt && <Timestamp iso={survey.answeredAt} />}</td>
                  <td>
                    {survey.score !== null && (
                      <ScoreBadge scale={survey.scale} score={survey.score} low={survey.lowScore} />
                    )}
                  </td>
                  <td className="survey-comment-cell">
                    {survey.comment}
                    {survey.commentRecordingUrl && (
                      <audio
                        controls
                        preload="none"
                        src={survey.commentRecordingUrl}
                        aria-label={t('surveys.spokenComment')}
                      />
                    )}
                  </td>
                  <td>
                    <TicketLink ticketId={survey.ticketId} number={survey.ticketNumber} />
                  </td>
                  <td>
                    <CustomerLink customer={survey.customer} />
                  </td>
                  <td>{survey.agent?.name ?? '–'}</td>
                  <td>{t(`channel.${survey.channel}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
