import { useTranslation } from 'react-i18next';
import type { SurveyView } from '../../../server/http/surveyApiTypes';
import { Timestamp } from '../format/Timestamp';
import { ScoreBadge } from './ScoreBadge';
import { SurveyStatusLabel } from './SurveyStatusLabel';

/** One survey: how and when it went out, and once answered the score, the second answer and the comment. */
export function SurveyAnswer({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  return (
    <li className="survey-answer" data-testid="survey" data-survey-id={survey.id} data-status={survey.status}>
      <p className="survey-answer__meta">
        <strong>{t(`surveys.scaleShort.${survey.scale}`)}</strong>
        {' · '}
        {t(`channel.${survey.channel}`)}
        {' · '}
        {t(`surveys.origin.${survey.origin}`)}
        {' · '}
        <SurveyStatusLabel survey={survey} />
      </p>
      {survey.score !== null && (
        <p className="survey-answer__score">
          <ScoreBadge scale={survey.scale} score={survey.score} low={survey.lowScore} />
          {survey.answeredAt && <Timestamp iso={survey.answeredAt} className="muted small" />}
        </p>
      )}
      {survey.secondAnswer !== null && (
        <p className="small" data-testid="survey-second-answer">
          {t('surveys.secondAnswer')}: {survey.secondAnswer ? t('surveys.yes') : t('surveys.no')}
        </p>
      )}
      {survey.comment && (
        <blockquote className="survey-answer__comment" data-testid="survey-comment">
          {survey.comment}
        </blockquote>
      )}
      {survey.commentRecordingUrl && (
        <p className="small">
          <span>{t('surveys.spokenComment')}</span>{' '}
          <audio controls preload="none" src={survey.commentRecordingUrl} aria-label={t('surveys.spokenComment')} />
        </p>
      )}
      {survey.status === 'scheduled' && (
        <p className="muted small">
          {t('surveys.sendAt')}: <Timestamp iso={survey.sendAt} />
        </p>
      )}
      {survey.status === 'sent' && survey.expiresAt && (
        <p className="muted small">
          {t('surveys.expiresAt')}: <Timestamp iso={survey.expiresAt} />
        </p>
      )}
    </li>
  );
}
