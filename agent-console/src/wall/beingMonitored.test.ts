import { describe, expect, it } from 'vitest';
import { applyMonitored, forgetCall } from './beingMonitored';

describe('being monitored', () => {
  it('follows a supervisor starting, switching and stopping on a call', () => {
    let known = applyMonitored(new Map(), { callId: 'c1', supervisorName: 'Sue', mode: 'listen' });
    known = applyMonitored(known, { callId: 'c1', supervisorName: 'Sue', mode: 'whisper' });
    expect(known.get('c1')?.mode).toBe('whisper');
    known = applyMonitored(known, { callId: 'c1', supervisorName: 'Sue', mode: null });
    expect(known.size).toBe(0);
  });

  it('forgets a call that ended, and keeps the same map for calls it never knew', () => {
    const known = applyMonitored(new Map(), { callId: 'c1', supervisorName: 'Sue', mode: 'barge' });
    expect(forgetCall(known, 'c1').size).toBe(0);
    expect(forgetCall(known, 'other')).toBe(known);
  });
});
