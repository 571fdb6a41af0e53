import { describe, expect, it } from 'vitest';
import { withSignatures } from './replySignature';

describe('signatures under an email reply', () => {
  it('when both are set, then the agent’s comes before the mailbox’s, after the signature separator', () => {
    expect(withSignatures('Your refund is on its way.\n', 'Sam\nBilling', 'Acme Support\nacme.example')).toBe(
      'Your refund is on its way.\n\n-- \nSam\nBilling\n\nAcme Support\nacme.example',
    );
  });

  it('when only one is set, then only that one is added', () => {
    expect(withSignatures('Hi', '', 'Acme Support')).toBe('Hi\n\n-- \nAcme Support');
    expect(withSignatures('Hi', 'Sam', '  \n')).toBe('Hi\n\n-- \nSam');
  });

  it('when none is set, then the text is left exactly as written', () => {
    expect(withSignatures('Hi  \n', '', '')).toBe('Hi  \n');
  });
});
