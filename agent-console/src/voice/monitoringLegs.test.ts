import { describe, expect, it } from 'vitest';
import type { MonitorSessionView } from '../../../server/http/wallApiTypes';
import { applyMonitorSession, isMyMonitoringLeg } from './monitoringLegs';

const session = (change: Partial<MonitorSessionView>): MonitorSessionView => ({
  id: 's1',
  callId: 'c1',
  agentId: 'a1',
  supervisorId: 'me',
  mode: 'listen',
  callSid: 'CA-sup',
  status: 'active',
  startedAt: '2026-01-01T10:00:00Z',
  endedAt: null,
  ...change,
});

describe('monitoring legs', () => {
  it('when my monitoring starts, then its leg answers by itself; other calls do not', () => {
    const legs = applyMonitorSession(new Set(), session({}));
    expect(isMyMonitoringLeg(legs, 'CA-sup')).toBe(true);
    expect(isMyMonitoringLeg(legs, 'CA-customer')).toBe(false);
    expect(isMyMonitoringLeg(legs, null)).toBe(false);
  });

  it('when the mode changes, then nothing changes; when it ends, then the leg is forgotten', () => {
    const legs = applyMonitorSession(new Set(), session({}));
    expect(applyMonitorSession(legs, session({ mode: 'barge' }))).toBe(legs);
    const ended = applyMonitorSession(legs, session({ status: 'ended', endedAt: '2026-01-01T10:05:00Z' }));
    expect(isMyMonitoringLeg(ended, 'CA-sup')).toBe(false);
  });

  it('when a session has no call yet, then nothing is remembered', () => {
    const legs = new Set<string>();
    expect(applyMonitorSession(legs, session({ callSid: null }))).toBe(legs);
  });
});
