import { describe, expect, it } from 'vitest';
import { agentChoices, agentOption, queueOption, transferTargetOf } from './callTransferTarget';

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

describe('agentChoices', () => {
  const agents = [
    { id: 'zoe', name: 'Zoe', presence: 'offline' as const },
    { id: 'me', name: 'Me', presence: 'available' as const },
    { id: 'amy', name: 'Amy', presence: 'away' as const },
    { id: 'bob', name: 'Bob', presence: 'available' as const },
    { id: 'cat', name: 'Cat', presence: 'busy' as const },
    { id: 'dan', name: 'Dan', presence: 'available' as const },
  ];

  it('leaves me out and lists who can pick up first, keeping the directory’s order within a presence', () => {
    expect(agentChoices(agents, 'me').map((choice) => choice.id)).toEqual(['bob', 'dan', 'cat', 'amy', 'zoe']);
  });

  it('disables offline agents (nothing would ring) and notes away ones, which stay choosable', () => {
    const byId = Object.fromEntries(agentChoices(agents, 'me').map((choice) => [choice.id, choice]));
    expect(byId.zoe).toMatchObject({ disabled: true, label: 'agentOffline' });
    expect(byId.amy).toMatchObject({ disabled: false, label: 'agentAway' });
    expect(byId.bob).toMatchObject({ disabled: false, label: 'agentOption' });
    expect(byId.cat).toMatchObject({ disabled: false, label: 'agentOption' });
  });
});
