import { describe, expect, it } from 'vitest';
import type { AwayReasonView } from '../../../server/http/apiTypes';
import {
  awayReasonErrors,
  awayReasonsDraft,
  awayReasonsRequest,
  moveAwayReason,
  newAwayReason,
  sentKeys,
  setAwayReasonActive,
} from './awayReasonsDraft';

const reason = (code: string, en: string, zh: string, active = true): AwayReasonView => ({
  code,
  labels: { en, 'zh-CN': zh },
  active,
});
const saved = [reason('break', 'Break', '休息'), reason('lunch', 'Lunch', '午餐'), reason('gym', 'Gym', '健身', false)];
const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

describe('away reasons draft', () => {
  it('when saved unchanged, then the offered reasons go back in order and the retired one stays left out', () => {
    expect(awayReasonsRequest(awayReasonsDraft(saved))).toEqual({
      reasons: [
        { code: 'break', labels: { en: 'Break', 'zh-CN': '休息' } },
        { code: 'lunch', labels: { en: 'Lunch', 'zh-CN': '午餐' } },
      ],
    });
  });

  it('when a reason is moved past either end, then nothing moves; otherwise it swaps with its neighbour', () => {
    const rows = awayReasonsDraft(saved);
    expect(codes(moveAwayReason(rows, 'break', -1))).toEqual(['break', 'lunch', 'gym']);
    expect(codes(moveAwayReason(rows, 'gym', 1))).toEqual(['break', 'lunch', 'gym']);
    expect(codes(moveAwayReason(rows, 'lunch', -1))).toEqual(['lunch', 'break', 'gym']);
  });

  it('when a saved reason is retired and a retired one restored, then the request follows; a new one retired is dropped', () => {
    let rows = awayReasonsDraft(saved);
    rows = setAwayReasonActive(rows, 'break', false);
    rows = setAwayReasonActive(rows, 'gym', true);
    rows = [...rows, { ...newAwayReason('new-1'), code: 'x' }];
    expect(codes(awayReasonsRequest(rows).reasons)).toEqual(['lunch', 'gym', 'x']);
    expect(codes(setAwayReasonActive(rows, 'new-1', false))).toEqual(['break', 'lunch', 'gym']);
  });

  it('when the server names reasons.<i>, then the complaint lands on the row sent at that place', () => {
    const rows = [...awayReasonsDraft(saved), { ...newAwayReason('new-1'), code: 'Bad!' }];
    // Taken when sent: moving rows afterwards must not move the complaints.
    const keys = sentKeys(rows);
    expect(keys).toEqual(['break', 'lunch', 'new-1']);
    const errors = awayReasonErrors(
      { 'reasons.2.code': ['lowercase only'], 'reasons.0.labels.en': ['is required'], reasons: ['each code once'] },
      keys,
    );
    expect(errors.rows).toEqual({ 'new-1': { code: ['lowercase only'] }, break: { 'labels.en': ['is required'] } });
    expect(errors.list).toEqual({ reasons: ['each code once'] });
  });
});
