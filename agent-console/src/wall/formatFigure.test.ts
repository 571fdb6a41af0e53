import { describe, expect, it } from 'vitest';
import { formatFigure } from './formatFigure';

describe('formatFigure', () => {
  it('writes counts, durations as a clock and ratios as whole per cents', () => {
    expect(formatFigure(1234, 'count', 'en')).toBe('1,234');
    expect(formatFigure(65.4, 'seconds', 'en')).toBe('1:05');
    expect(formatFigure(0.834, 'ratio', 'en')).toBe('83%');
    expect(formatFigure(1, 'ratio', 'zh-CN')).toBe('100%');
  });

  it('writes a figure without a value (nothing answered yet) as a dash', () => {
    expect(formatFigure(null, 'ratio', 'en')).toBe('—');
    expect(formatFigure(null, 'seconds', 'en')).toBe('—');
  });
});
