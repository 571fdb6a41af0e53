import { useTranslation } from 'react-i18next';
import type { SurveyView } from '../../../server/http/surveyApiTypes';

/** Where a survey stands, with why it was not sent when it was not. */
export function SurveyStatusLabel({ survey }: { survey: Pick<SurveyView, 'status' | 'skipReason'> }) {
  const { t } = useTranslation();
  return (
    <span className="survey-status" data-testid="survey-status" data-status={survey.status}>
      {t(`surveys.status.${survey.status}`)}
      {survey.skipReason && ` (${t(`surveys.skipReason.${survey.skipReason}`)})`}
    </span>
  );
}
