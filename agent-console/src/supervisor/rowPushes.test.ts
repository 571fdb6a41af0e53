import { describe, expect, it } from 'vitest';
import { applyRowPushes, rememberRowPush } from './rowPushes';

const row = (id: string, state: string) => ({ id, name: id, state });

describe('applyRowPushes', () => {
  const rows = [row('ann', 'available'), row('cy', 'offline')];

  it('applies a push that arrived after the read started, and only to its row', () => {
    const pushes = rememberRowPush(new Map(), row('ann', 'on_call'), 2_000);
    expect(applyRowPushes(rows, pushes, 1_000).map((r) => r.state)).toEqual(['on_call', 'offline']);
  });

  it('lets a read that started after the push win (it already holds that change, or a newer one)', () => {
    const pushes = rememberRowPush(new Map(), row('ann', 'on_call'), 2_000);
    expect(applyRowPushes(rows, pushes, 3_000).map((r) => r.state)).toEqual(['available', 'offline']);
  });

  it('adds a pushed agent the read did not list, in name order', () => {
    const pushes = rememberRowPush(new Map(), row('bo', 'ringing'), 2_000);
    expect(applyRowPushes(rows, pushes, 1_000).map((r) => r.id)).toEqual(['ann', 'bo', 'cy']);
  });

  it('keeps only the latest push of an agent', () => {
    let pushes = rememberRowPush(new Map(), row('ann', 'ringing'), 2_000);
    pushes = rememberRowPush(pushes, row('ann', 'on_call'), 2_500);
    expect(applyRowPushes(rows, pushes, 1_000)[0].state).toBe('on_call');
  });
});
