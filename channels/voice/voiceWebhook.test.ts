import { describe, expect, it } from 'vitest';
import { chooseOption, InvalidVoiceWebhookError, parseVoiceWebhook } from './voiceWebhook';

const options = [
  { key: '1', words: ['sales', 'buy'] },
  { key: '2', words: ['support', 'help'] },
];

describe('parseVoiceWebhook', () => {
  it('reads the call and keeps every parameter', () => {
    const hook = parseVoiceWebhook({
      CallSid: `CA${'a'.repeat(32)}`,
      From: '+14155550100',
      To: '+15005550006',
      CallStatus: 'ringing',
      Digits: '2',
      Foo: 'bar',
    });
    expect(hook).toMatchObject({ from: '+14155550100', callStatus: 'ringing', digits: '2' });
    expect(hook.all.Foo).toBe('bar');
  });

  it('refuses a webhook without a CallSid', () => {
    expect(() => parseVoiceWebhook({ From: '+14155550100' })).toThrow(InvalidVoiceWebhookError);
  });
});

describe('chooseOption', () => {
  it('picks by key, then by a spoken word', () => {
    expect(chooseOption(options, { digits: '2', speech: null })?.key).toBe('2');
    expect(chooseOption(options, { digits: null, speech: 'I need some help please' })?.key).toBe('2');
    expect(chooseOption(options, { digits: null, speech: 'Sales.' })?.key).toBe('1');
  });

  it('matches whole words only, and nothing for an unknown key', () => {
    expect(chooseOption(options, { digits: null, speech: 'helpful' })).toBeNull();
    expect(chooseOption(options, { digits: '9', speech: null })).toBeNull();
    expect(chooseOption(options, { digits: null, speech: null })).toBeNull();
  });
});
