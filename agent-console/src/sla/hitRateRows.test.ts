import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SlaReportResponse } from '../../../server/http/slaApiTypes';
import { en } from '../i18n/en';
import { hitRateLines } from './hitRateRows';

// The English resource looked up by key, as i18next would.
const t = ((key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en)) as TFunction;

const report: SlaReportResponse = {
  from: '2026-03-01',
  to: '2026-03-31',
  byTarget: [{ key: 'first_response', label: 'first_response', met: 2, breached: 1, hitRate: 2 / 3 }],
  byQueue: [
    { key: 'q1', label: 'Billing', met: 0, breached: 0, hitRate: null },
    { key: null, label: '', met: 1, breached: 0, hitRate: 1 },
  ],
  byAgent: [],
  byChannel: [{ key: 'email', label: 'email', met: 1, breached: 3, hitRate: 0.25 }],
  breaches: [],
};

describe('hitRateLines', () => {
  it('names targets and channels in the console’s language, queues by their name, and “none” in words', () => {
    expect(hitRateLines(report, 'byTarget', t).map((line) => line.label)).toEqual(['First response']);
    expect(hitRateLines(report, 'byChannel', t).map((line) => line.label)).toEqual(['Email']);
    expect(hitRateLines(report, 'byQueue', t).map((line) => line.label)).toEqual(['Billing', 'None']);
  });

  it('gives the hit rate in percent to a tenth, and none where nothing ended', () => {
    expect(hitRateLines(report, 'byTarget', t)[0]).toMatchObject({ met: 2, breached: 1, percent: 66.7 });
    expect(hitRateLines(report, 'byQueue', t).map((line) => line.percent)).toEqual([null, 100]);
  });
});
