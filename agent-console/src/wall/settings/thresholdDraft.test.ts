import { describe, expect, it } from 'vitest';
import type { ThresholdView } from '../../../../server/http/wallApiTypes';
import { applyDraft, draftFor } from './thresholdDraft';

const stored: ThresholdView[] = [
  { queueId: null, figure: 'longestWaitSeconds', warning: 60, critical: 120 },
  { queueId: null, figure: 'serviceLevel', warning: 0.8, critical: 0.6 },
  { queueId: 'vip', figure: 'longestWaitSeconds', warning: 10, critical: null },
];

describe('draftFor', () => {
  it('shows a queue’s own levels, ratios as per cents, and nothing it only inherits', () => {
    const defaults = draftFor(stored, null);
    expect(defaults.longestWaitSeconds).toEqual({ warning: '60', critical: '120' });
    expect(defaults.serviceLevel).toEqual({ warning: '80', critical: '60' });
    const vip = draftFor(stored, 'vip');
    expect(vip.longestWaitSeconds).toEqual({ warning: '10', critical: '' });
    expect(vip.serviceLevel).toEqual({ warning: '', critical: '' });
  });
});

describe('applyDraft', () => {
  it('replaces only this queue’s thresholds, per cents back to ratios, empty figures dropped', () => {
    const draft = draftFor(stored, 'vip');
    draft.longestWaitSeconds = { warning: '', critical: '' };
    draft.abandonRate = { warning: '5', critical: '10' };
    const result = applyDraft(stored, 'vip', draft);
    expect(result).toEqual({
      thresholds: [stored[0], stored[1], { queueId: 'vip', figure: 'abandonRate', warning: 0.05, critical: 0.1 }],
    });
  });

  it('names the figures whose levels are not numbers, negative, or a per cent over 100', () => {
    const draft = draftFor(stored, null);
    draft.waiting = { warning: 'ten', critical: '' };
    draft.asaSeconds = { warning: '-1', critical: '' };
    draft.occupancy = { warning: '', critical: '120' };
    expect(applyDraft(stored, null, draft)).toEqual({ invalid: ['waiting', 'asaSeconds', 'occupancy'] });
  });
});
