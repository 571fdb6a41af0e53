import { describe, expect, it } from 'vitest';
import { concernsAddress } from './simulatorEvents';

describe('concernsAddress', () => {
  it('is true when the event lists the address among its endpoints, false when it lists others only', () => {
    expect(concernsAddress({ callSid: 'CA1', endpoints: ['+15550100', 'client:agent-me'] }, 'client:agent-me')).toBe(
      true,
    );
    expect(concernsAddress({ callSid: 'CA1', endpoints: ['+15550100'] }, 'client:agent-me')).toBe(false);
  });

  it('is true when the event does not say which endpoints it is about', () => {
    expect(concernsAddress({ callSid: 'CA1' } as never, 'client:agent-me')).toBe(true);
  });
});
