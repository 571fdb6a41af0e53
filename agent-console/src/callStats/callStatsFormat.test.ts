import { describe, expect, it } from 'vitest';
import type { CallStatsRow } from '../../../server/http/voiceApiTypes';
import { agentChoices, formatDuration, groupByPeriod, sumFigures } from './callStatsFormat';

const row = (period: string, agentName: string | null, figures: Partial<CallStatsRow> = {}): CallStatsRow => ({
  period,
  agentId: agentName ? `id-${agentName}` : null,
  agentName,
  inbound: 0,
  outbound: 0,
  answered: 0,
  abandoned: 0,
  talkSeconds: 0,
  averageTalkSeconds: null,
  ...figures,
});

describe('formatDuration', () => {
  it('writes seconds as h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(245)).toBe('0:04:05');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(45_296)).toBe('12:34:56');
    expect(formatDuration(360_000)).toBe('100:00:00');
    expect(formatDuration(59.6)).toBe('0:01:00');
  });

  it('shows a dash when there is nothing to average', () => {
    expect(formatDuration(null)).toBe('—');
  });
});

describe('sumFigures', () => {
  it('adds counts and talk time; the average is per answered call', () => {
    const total = sumFigures([
      row('2025-03-10', 'Ann', { inbound: 3, outbound: 1, answered: 2, talkSeconds: 300, averageTalkSeconds: 150 }),
      row('2025-03-10', 'Bo', { inbound: 1, answered: 1, talkSeconds: 60, averageTalkSeconds: 60 }),
      row('2025-03-10', null, { inbound: 2, abandoned: 2 }),
    ]);
    expect(total).toEqual({
      inbound: 6,
      outbound: 1,
      answered: 3,
      abandoned: 2,
      talkSeconds: 360,
      averageTalkSeconds: 120,
    });
  });

  it('has no average without answered calls', () => {
    expect(sumFigures([]).averageTalkSeconds).toBeNull();
  });
});

describe('groupByPeriod', () => {
  it('groups rows by period in time order, agents by name and calls without an agent last', () => {
    const groups = groupByPeriod([
      row('2025-03-11', 'Cy', { inbound: 1 }),
      row('2025-03-10', null, { abandoned: 1 }),
      row('2025-03-10', 'Bo', { inbound: 2 }),
      row('2025-03-10', 'Ann', { outbound: 1 }),
    ]);
    expect(groups.map((group) => group.period)).toEqual(['2025-03-10', '2025-03-11']);
    expect(groups[0].rows.map((r) => r.agentName)).toEqual(['Ann', 'Bo', null]);
    expect(groups[0].subtotal).toMatchObject({ inbound: 2, outbound: 1, abandoned: 1 });
    expect(groups[1].rows).toHaveLength(1);
  });
});

describe('agentChoices', () => {
  it('adds agents found in the figures to the directory’s, by name, once each', () => {
    const choices = agentChoices(
      [{ id: 'id-Bo', name: 'Bo' }],
      [row('2025-03-10', 'Ann'), row('2025-03-10', 'Bo'), row('2025-03-10', null)],
    );
    expect(choices).toEqual([
      { id: 'id-Ann', name: 'Ann' },
      { id: 'id-Bo', name: 'Bo' },
    ]);
  });
});
