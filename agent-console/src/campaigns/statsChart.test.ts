import { describe, expect, it } from 'vitest';
import { chartLayout, niceCeiling } from './statsChart';

const row = (period: string, sent: number, delivered: number, failed: number) => ({
  period,
  campaigns: 1,
  sent,
  delivered,
  failed,
  skipped: 0,
});
const size = {
  height: 120,
  padTop: 10,
  padBottom: 10,
  barWidth: 10,
  barGap: 0,
  groupGap: 10,
  padLeft: 20,
  padRight: 10,
  minWidth: 0,
  labelWidth: 40,
};

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 45, 180, 501].map(niceCeiling)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 200, 1000]);
  });
});

describe('chartLayout', () => {
  it('scales bars to the rounded-up largest value, standing on the baseline', () => {
    const layout = chartLayout([row('2025-03-10', 8, 5, 1)], size);
    expect(layout.scaleMax).toBe(10);
    expect(layout.baseline).toBe(110);
    const [sent, delivered, failed] = layout.groups[0].bars;
    expect(sent).toMatchObject({ kind: 'sent', value: 8, height: 80, y: 30 });
    expect(delivered).toMatchObject({ kind: 'delivered', value: 5, height: 50, y: 60 });
    expect(failed).toMatchObject({ kind: 'failed', value: 1, height: 10, y: 100 });
  });

  it('places groups side by side, bars within a group next to each other', () => {
    const layout = chartLayout([row('2025-03-10', 1, 1, 1), row('2025-03-11', 1, 1, 1)], size);
    expect(layout.groups.map((group) => group.bars.map((bar) => bar.x))).toEqual([
      [25, 35, 45],
      [65, 75, 85],
    ]);
    expect(layout.groups.map((group) => group.centerX)).toEqual([40, 80]);
    expect(layout.width).toBe(20 + 2 * 40 + 10);
  });

  it('draws flat bars and a 0–1 scale when nothing was sent', () => {
    const layout = chartLayout([row('2025-03-10', 0, 0, 0)], size);
    expect(layout.scaleMax).toBe(1);
    expect(layout.groups[0].bars.every((bar) => bar.height === 0 && bar.y === layout.baseline)).toBe(true);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 1]);
  });

  it('labels the scale with whole numbers only', () => {
    expect(chartLayout([row('p', 40, 0, 0)], size).ticks).toEqual([
      { value: 0, y: 110 },
      { value: 25, y: 60 },
      { value: 50, y: 10 },
    ]);
    expect(chartLayout([row('p', 5, 0, 0)], size).ticks.map((tick) => tick.value)).toEqual([0, 5]);
  });

  it('labels every group when there is room, every n-th when groups are narrow', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((period) => row(period, 1, 1, 1));
    expect(chartLayout(rows, size).groups.map((group) => group.labeled)).toEqual([true, true, true, true, true]);
    expect(chartLayout(rows, { ...size, labelWidth: 90 }).groups.map((group) => group.labeled)).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it('keeps a minimum width for an empty chart', () => {
    expect(chartLayout([], { ...size, minWidth: 300 })).toMatchObject({ width: 300, groups: [] });
  });
});
