import { describe, expect, it } from 'vitest';
import { viewsFor } from './viewsFor';

describe('viewsFor', () => {
  it('when the user is an agent, then the team view (refused to agents) is not offered', () => {
    expect(viewsFor('agent')).not.toContain('team');
    expect(viewsFor('agent')).toContain('all');
  });
  it('when the user supervises, then the team view is offered', () => {
    expect(viewsFor('supervisor')).toContain('team');
    expect(viewsFor('admin')).toContain('team');
  });
});
