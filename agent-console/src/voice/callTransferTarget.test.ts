import { describe, expect, it } from 'vitest';
import { agentOption, queueOption, transferTargetOf } from './callTransferTarget';

describe('transferTargetOf', () => {
  it('reads the queue or agent an option names', () => {
    expect(transferTargetOf(queueOption('q1'))).toEqual({ queueId: 'q1' });
    expect(transferTargetOf(agentOption('a1'))).toEqual({ agentId: 'a1' });
  });

  it('gives nothing for the placeholder or anything else', () => {
    expect(transferTargetOf('')).toBeNull();
    expect(transferTargetOf('queue:')).toBeNull();
    expect(transferTargetOf('team:t1')).toBeNull();
  });
});
