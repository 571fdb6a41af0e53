import { describe, expect, it } from 'vitest';
import type { SurveyView } from '../../../server/http/surveyApiTypes';
import { mergeLowScores } from './liveLowScores';

const survey = (id: string, answeredAt: string, comment: string | null = null) =>
  ({ id, answeredAt, createdAt: '2026-12-01T00:00:00Z', comment }) as SurveyView;

describe('mergeLowScores', () => {
  it('when a bare low score was heard live, then it joins the server’s list in time order', () => {
    const merged = mergeLowScores(
      [survey('a', '2026-12-07T01:00:00Z', 'slow'), survey('c', '2026-12-05T01:00:00Z', 'rude')],
      [survey('b', '2026-12-06T01:00:00Z')],
    );
    expect(merged.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('when the server has the same survey (its comment arrived since), then the server’s copy is shown once', () => {
    const merged = mergeLowScores([survey('a', '2026-12-07T01:00:00Z', 'slow')], [survey('a', '2026-12-07T01:00:00Z')]);
    expect(merged).toEqual([survey('a', '2026-12-07T01:00:00Z', 'slow')]);
  });
});
