import { useSyncExternalStore } from 'react';
import type { SurveyView } from '../../../server/http/surveyApiTypes';

/**
 * Low scores heard live in this session ('survey.low_score' carries the whole survey): shown at once, before the
 * re-read of the server's list (GET /api/reports/surveys/low-scores, which holds them with or without a comment).
 */
let heard: readonly SurveyView[] = [];
const listeners = new Set<() => void>();

export function rememberLowScore(survey: SurveyView): void {
  heard = [survey, ...heard.filter((known) => known.id !== survey.id)].slice(0, 200);
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useLiveLowScores = (): readonly SurveyView[] => useSyncExternalStore(subscribe, () => heard);

/** The server's low scores and those heard since, each once (the server's copy wins: it is newer), newest first. */
export function mergeLowScores(server: readonly SurveyView[], live: readonly SurveyView[]): SurveyView[] {
  const fromServer = new Set(server.map((survey) => survey.id));
  const time = (survey: SurveyView) => survey.answeredAt ?? survey.createdAt;
  return [...server, ...live.filter((survey) => !fromServer.has(survey.id))].sort((a, b) =>
    time(b).localeCompare(time(a)),
  );
}
