import type { SurveyView } from '../../../server/http/surveyApiTypes';
import { SurveyAnswer } from './SurveyAnswer';
import './surveys.css';

/** Surveys newest first (as the server sends them), or what to say when there are none. */
export function SurveyList({ surveys, empty }: { surveys: SurveyView[]; empty: string }) {
  if (surveys.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="survey-list" data-testid="survey-list">
      {surveys.map((survey) => (
        <SurveyAnswer key={survey.id} survey={survey} />
      ))}
    </ul>
  );
}
