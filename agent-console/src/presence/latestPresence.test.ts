import { describe, expect, it } from 'vitest';
import { isAtLeastAsRecent, withLatestPresence } from './latestPresence';

const agent = { id: 'a1', name: 'Ada', presence: 'available' as const, presenceChangedAt: '2025-01-01T10:00:00.000Z' };

describe('withLatestPresence', () => {
  it('applies a newer change and keeps the other fields', () => {
    const result = withLatestPresence(agent, { presence: 'busy', presenceChangedAt: '2025-01-01T10:05:00.000Z' });
    expect(result).toEqual({ ...agent, presence: 'busy', presenceChangedAt: '2025-01-01T10:05:00.000Z' });
  });

  it('ignores an older change that arrives late', () => {
    const result = withLatestPresence(agent, { presence: 'offline', presenceChangedAt: '2025-01-01T09:59:59.000Z' });
    expect(result).toBe(agent);
  });

  it('compares instants, not strings', () => {
    // Same instant as 10:00Z written with an offset; later in string order but not in time.
    expect(isAtLeastAsRecent({ presenceChangedAt: '2025-01-01T11:00:00+01:00' }, agent)).toBe(true);
    expect(isAtLeastAsRecent({ presenceChangedAt: '2025-01-01T10:30:00+01:00' }, agent)).toBe(false);
  });

  it('returns the same object when nothing changes, so React can skip the render', () => {
    expect(withLatestPresence(agent, { presence: agent.presence, presenceChangedAt: agent.presenceChangedAt })).toBe(
      agent,
    );
  });
});
