import { describe, expect, it } from 'vitest';
import type { MonitorAgent, PresenceView } from '../../../server/http/apiTypes';
import { applyPresenceEvents, rememberPresenceEvent } from './presenceEvents';

const agent = (id: string, presence: MonitorAgent['presence'], at: string): MonitorAgent => ({
  id,
  name: id,
  email: `${id}@example.test`,
  presence,
  presenceChangedAt: at,
  skills: [],
  teamIds: [],
});
const event = (userId: string, presence: PresenceView['presence'], at: string): PresenceView => ({
  userId,
  presence,
  presenceChangedAt: at,
});

describe('rememberPresenceEvent', () => {
  it('keeps only the newest event per user, whatever the arrival order', () => {
    let events = rememberPresenceEvent(new Map(), event('a', 'busy', '2025-01-01T10:05:00Z'));
    events = rememberPresenceEvent(events, event('a', 'away', '2025-01-01T10:01:00Z'));
    events = rememberPresenceEvent(events, event('b', 'away', '2025-01-01T10:02:00Z'));

    expect(events.get('a')?.presence).toBe('busy');
    expect(events.get('b')?.presence).toBe('away');
  });

  it('returns the same map when the event is old news', () => {
    const events = rememberPresenceEvent(new Map(), event('a', 'busy', '2025-01-01T10:05:00Z'));
    expect(rememberPresenceEvent(events, event('a', 'busy', '2025-01-01T10:05:00Z'))).toBe(events);
  });
});

describe('applyPresenceEvents', () => {
  const agents = [agent('a', 'available', '2025-01-01T10:00:00Z'), agent('b', 'available', '2025-01-01T10:00:00Z')];

  it('updates only the agent the event is about', () => {
    const result = applyPresenceEvents(agents, new Map([['a', event('a', 'offline', '2025-01-01T10:10:00Z')]]));
    expect(result.map((a) => a.presence)).toEqual(['offline', 'available']);
    expect(result[0].presenceChangedAt).toBe('2025-01-01T10:10:00Z');
    expect(result[1]).toBe(agents[1]);
  });

  it('lets a fresher HTTP snapshot win over an older event', () => {
    const result = applyPresenceEvents(agents, new Map([['a', event('a', 'busy', '2025-01-01T09:00:00Z')]]));
    expect(result[0]).toBe(agents[0]);
  });

  it('ignores events for agents not on the monitor', () => {
    const result = applyPresenceEvents(agents, new Map([['z', event('z', 'busy', '2025-01-01T11:00:00Z')]]));
    expect(result).toEqual(agents);
  });
});
