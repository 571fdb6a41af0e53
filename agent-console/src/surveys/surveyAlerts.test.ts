import { describe, expect, it } from 'vitest';
import type { SurveyView } from '../../../server/http/surveyApiTypes';
import { atRiskAlert, lowScoreAlert, MAX_ALERTS, withAlert, withoutAlert } from './surveyAlerts';

const survey = (id: string): SurveyView => ({
  id,
  ticketId: `t-${id}`,
  ticketNumber: 7,
  customer: { id: 'c1', name: '王芳' },
  queue: null,
  agent: null,
  channel: 'sms',
  origin: 'resolve',
  scale: 'csat',
  locale: 'zh-CN',
  status: 'answered',
  skipReason: null,
  sendAt: '2026-12-07T01:00:00Z',
  sentAt: '2026-12-07T01:00:00Z',
  expiresAt: null,
  answeredAt: '2026-12-07T01:05:00Z',
  score: 1,
  secondAnswer: null,
  comment: null,
  commentRecordingUrl: null,
  lowScore: true,
  returnVisitId: null,
  createdAt: '2026-12-07T00:59:00Z',
});

describe('survey alerts', () => {
  it('when alerts arrive, then the newest is on top', () => {
    const alerts = withAlert(
      withAlert([], lowScoreAlert({ survey: survey('a') })),
      lowScoreAlert({ survey: survey('b') }),
    );
    expect(alerts.map((alert) => alert.id)).toEqual(['low:b', 'low:a']);
  });

  it('when the same low score is heard twice, then it shows once', () => {
    const once = withAlert([], lowScoreAlert({ survey: survey('a') }));
    expect(withAlert(once, lowScoreAlert({ survey: survey('a') }))).toHaveLength(1);
  });

  it('when more arrive than fit, then the oldest makes room', () => {
    let alerts = withAlert(
      [],
      atRiskAlert({
        customer: { id: 'c9', name: null },
        health: { customerId: 'c9', score: 20, atRisk: true, reasons: [], computedAt: '2026-12-07T01:00:00Z' },
      }),
    );
    for (let i = 0; i < MAX_ALERTS; i++) alerts = withAlert(alerts, lowScoreAlert({ survey: survey(String(i)) }));
    expect(alerts).toHaveLength(MAX_ALERTS);
    expect(alerts.some((alert) => alert.id === 'risk:c9')).toBe(false);
  });

  it('when one is dismissed, then only it goes', () => {
    const alerts = withAlert(
      withAlert([], lowScoreAlert({ survey: survey('a') })),
      lowScoreAlert({ survey: survey('b') }),
    );
    expect(withoutAlert(alerts, 'low:a').map((alert) => alert.id)).toEqual(['low:b']);
  });
});
