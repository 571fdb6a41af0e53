import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { LowScoreEvent } from '../../../server/http/surveyApiTypes';
import { queryKeys } from '../data/queryKeys';
import { invalidationsFor } from '../realtime/invalidationRules';

const keysOf = (list: { queryKey: QueryKey }[]) => list.map((entry) => entry.queryKey);

/** Whether invalidating `prefix` re-reads the query under `key` (TanStack matches keys by prefix). */
const covers = (prefix: QueryKey, key: QueryKey) => prefix.every((part, index) => key[index] === part);

describe('survey events invalidate the survey screens', () => {
  it('when a low score arrives, then the low-score list, comments and reports re-read', () => {
    const event = { survey: { id: 's1', ticketId: 't1', customer: { id: 'c1', name: null } } } as LowScoreEvent;
    const keys = keysOf(invalidationsFor('survey.low_score', event, new QueryClient(), 'me'));
    const lowScores = queryKeys.surveyComments({ from: '2026-11-08', to: '2026-12-07', lowOnly: true });
    const report = queryKeys.surveyReport({ from: '2026-11-08', to: '2026-12-07', groupBy: 'day', scale: 'csat' });
    expect(keys.some((key) => covers(key, lowScores))).toBe(true);
    expect(keys.some((key) => covers(key, report))).toBe(true);
  });

  it('when a customer turns at risk, then the at-risk list and that customer re-read', () => {
    const keys = keysOf(
      invalidationsFor(
        'customer.at_risk',
        {
          customer: { id: 'c1', name: '王芳' },
          health: { customerId: 'c1', score: 30, atRisk: true, reasons: [], computedAt: '2026-12-07T00:00:00Z' },
        },
        new QueryClient(),
        'me',
      ),
    );
    expect(keys).toContainEqual(queryKeys.atRiskCustomers);
    expect(keys).toContainEqual(queryKeys.customer('c1'));
  });

  it('when a return visit changes, then every return-visit list and its ticket re-read', () => {
    const keys = keysOf(
      invalidationsFor('return_visit.changed', { returnVisitId: 'r1', ticketId: 't1' }, new QueryClient(), 'me'),
    );
    expect(keys.some((key) => covers(key, queryKeys.returnVisitList('open')))).toBe(true);
    expect(keys).toContainEqual(queryKeys.ticket('t1'));
  });
});
