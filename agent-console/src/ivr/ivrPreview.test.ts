import { describe, expect, it } from 'vitest';
import type { IvrSettings } from '../api/ivrEndpoints';
import { previewIvr } from './ivrPreview';

const SALES = '11111111-1111-4111-8111-111111111111';
const BILLING = '22222222-2222-4222-8222-222222222222';
const HOURS = '33333333-3333-4333-8333-333333333333';

const base: IvrSettings = {
  businessHoursId: null,
  language: 'en-US',
  greeting: 'Welcome.',
  closedMessage: 'We are closed.',
  voicemailPrompt: 'Leave a message.',
  voicemailQueueId: BILLING,
  holdMessage: 'Please hold.',
  holdMusicUrl: null,
  callbackKey: '*',
  rootMenuId: 'main',
  menus: [
    {
      id: 'main',
      prompt: 'Sales 1, billing 2, message 3.',
      options: [
        { key: '1', words: ['sales'], label: 'Sales', action: { type: 'queue', queueId: SALES } },
        { key: '2', words: [], label: 'Billing', action: { type: 'submenu', menuId: 'billing' } },
        { key: '3', words: [], label: 'Message', action: { type: 'voicemail', queueId: null } },
      ],
    },
    {
      id: 'billing',
      prompt: 'Agent 1, callback 2, back 9.',
      options: [
        { key: '1', words: [], label: 'Agent', action: { type: 'queue', queueId: BILLING } },
        { key: '2', words: [], label: 'Callback', action: { type: 'callback', queueId: BILLING } },
        { key: '9', words: [], label: 'Back', action: { type: 'submenu', menuId: 'main' } },
      ],
    },
  ],
};

describe('previewIvr', () => {
  it('gives one branch per final choice, in menu order', () => {
    expect(previewIvr(base).map((branch) => branch.keys.join(' '))).toEqual(['1', '2 1', '2 2', '2 9', '3']);
  });

  it('plays the greeting and the main prompt, then the queue with hold audio and the callback key', () => {
    const [sales] = previewIvr(base);
    expect(sales.steps).toEqual([
      { kind: 'say', text: 'Welcome.' },
      { kind: 'say', text: 'Sales 1, billing 2, message 3.' },
      { kind: 'choose', menuId: 'main', key: '1', words: ['sales'], label: 'Sales' },
      { kind: 'queue', queueId: SALES, callbackKey: '*', holdMusicUrl: null, holdMessage: 'Please hold.' },
    ]);
  });

  it('goes through a submenu’s prompt to a callback', () => {
    const callback = previewIvr(base).find((branch) => branch.keys.join(' ') === '2 2')!;
    expect(callback.steps.map((step) => step.kind)).toEqual(['say', 'say', 'choose', 'say', 'choose', 'callback']);
    expect(callback.steps[3]).toEqual({ kind: 'say', text: 'Agent 1, callback 2, back 9.' });
    expect(callback.steps[5]).toEqual({ kind: 'callback', queueId: BILLING });
  });

  it('stops at a menu already on the path instead of going round forever', () => {
    const back = previewIvr(base).find((branch) => branch.keys.join(' ') === '2 9')!;
    expect(back.steps.at(-1)).toEqual({ kind: 'loop', menuId: 'main' });
  });

  it('sends voicemail without a queue to the line’s voicemail queue, after the prompt', () => {
    const message = previewIvr(base).at(-1)!;
    expect(message.steps.slice(-2)).toEqual([
      { kind: 'say', text: 'Leave a message.' },
      { kind: 'voicemail', queueId: BILLING },
    ]);
  });

  it('adds the closed line when business hours are set: closed message, then voicemail', () => {
    expect(previewIvr(base).some((branch) => branch.closed)).toBe(false);
    const closed = previewIvr({ ...base, businessHoursId: HOURS }).at(-1)!;
    expect(closed).toEqual({
      keys: [],
      closed: true,
      steps: [
        { kind: 'say', text: 'We are closed.' },
        { kind: 'say', text: 'Leave a message.' },
        { kind: 'voicemail', queueId: BILLING },
      ],
    });
  });

  it('marks a submenu or main menu that does not exist', () => {
    const broken: IvrSettings = { ...base, menus: [base.menus[0]] };
    expect(previewIvr(broken)[1].steps.at(-1)).toEqual({ kind: 'missing', menuId: 'billing' });
    expect(previewIvr({ ...base, rootMenuId: 'nope' })).toEqual([
      {
        keys: [],
        closed: false,
        steps: [
          { kind: 'say', text: 'Welcome.' },
          { kind: 'missing', menuId: 'nope' },
        ],
      },
    ]);
  });

  it('says hold music is played when it is set', () => {
    const [sales] = previewIvr({ ...base, holdMusicUrl: 'https://example.com/hold.mp3' });
    expect(sales.steps.at(-1)).toMatchObject({ kind: 'queue', holdMusicUrl: 'https://example.com/hold.mp3' });
  });
});
