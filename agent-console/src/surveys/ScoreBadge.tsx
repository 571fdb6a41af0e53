import { useTranslation } from 'react-i18next';
import type { SurveyScale } from '../../../server/http/surveyApiTypes';
import { answerTone, SCALE_RANGE } from './surveyScale';

interface Props {
  scale: SurveyScale;
  score: number;
  low: boolean;
}

/** One answer, "2 of 5", coloured by how it reads and saying "Low score" in words (not by colour alone). */
export function ScoreBadge({ scale, score, low }: Props) {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge badge--${answerTone(scale, score, low)}`}
      data-testid="survey-score"
      data-score={score}
      data-low={String(low)}
    >
      {t('surveys.scoreOf', { score, max: SCALE_RANGE[scale].max })}
      {low && ` · ${t('surveys.low')}`}
    </span>
  );
}
