import { describe, expect, it } from 'vitest';
import type { IvrSettings } from '../api/ivrEndpoints';
import {
  addMenu,
  addOption,
  fromDraft,
  nextFreeKey,
  removeMenu,
  removeOption,
  splitWords,
  toDraft,
  updateMenu,
  updateOption,
} from './ivrDraft';

const SALES = '11111111-1111-4111-8111-111111111111';
const SUPPORT = '22222222-2222-4222-8222-222222222222';

const ivr: IvrSettings = {
  businessHoursId: null,
  language: 'en-US',
  greeting: 'Thank you for calling.',
  closedMessage: 'We are closed.',
  voicemailPrompt: 'Leave a message.',
  voicemailQueueId: null,
  holdMessage: 'Please hold.',
  holdMusicUrl: null,
  callbackKey: '*',
  rootMenuId: 'main',
  menus: [
    {
      id: 'main',
      prompt: 'Press 1 for sales, 2 for support.',
      options: [
        { key: '1', words: ['sales'], label: 'Sales', action: { type: 'queue', queueId: SALES } },
        { key: '2', words: ['support', 'help'], label: 'Support', action: { type: 'submenu', menuId: 'support' } },
      ],
    },
    {
      id: 'support',
      prompt: 'Press 1 to talk, 2 for voicemail.',
      options: [
        { key: '1', words: [], label: 'Talk', action: { type: 'callback', queueId: SUPPORT } },
        { key: '2', words: [], label: 'Voicemail', action: { type: 'voicemail', queueId: null } },
      ],
    },
  ],
};

describe('toDraft and fromDraft', () => {
  it('give back the settings they started from', () => {
    expect(fromDraft(toDraft(ivr))).toEqual(ivr);
  });

  it('turn empty choices into nulls and split spoken words at commas', () => {
    const draft = toDraft({ ...ivr, holdMusicUrl: 'https://example.com/hold.mp3' });
    draft.holdMusicUrl = '  ';
    draft.menus[0].options[0].words = ' sales,  , buy ,';
    const settings = fromDraft(draft);
    expect(settings.holdMusicUrl).toBeNull();
    expect(settings.menus[0].options[0].words).toEqual(['sales', 'buy']);
    expect(splitWords('')).toEqual([]);
  });

  it('keep the queue while the action type changes, and send only what the type takes', () => {
    const draft = toDraft(ivr);
    const main = draft.menus[0];
    const asVoicemail = updateOption(draft, main.uid, main.options[0].uid, { type: 'voicemail' });
    expect(fromDraft(asVoicemail).menus[0].options[0].action).toEqual({ type: 'voicemail', queueId: SALES });
    const back = updateOption(asVoicemail, main.uid, main.options[0].uid, { type: 'queue' });
    expect(fromDraft(back).menus[0].options[0].action).toEqual({ type: 'queue', queueId: SALES });
  });
});

describe('menus', () => {
  it('renaming a menu keeps the options that lead to it and the main menu choice', () => {
    const draft = toDraft(ivr);
    const renamed = updateMenu(updateMenu(draft, draft.menus[1].uid, { id: 'help' }), draft.menus[0].uid, {
      id: 'start',
    });
    const settings = fromDraft(renamed);
    expect(settings.rootMenuId).toBe('start');
    expect(settings.menus[0].options[1].action).toEqual({ type: 'submenu', menuId: 'help' });
  });

  it('adds a menu with a fresh id and one option to the given queue', () => {
    const draft = addMenu(toDraft(ivr), SALES);
    expect(draft.menus[2]).toMatchObject({
      id: 'menu-3',
      prompt: '',
      options: [{ key: '1', type: 'queue', queueId: SALES }],
    });
    expect(addMenu(draft).menus[3].id).toBe('menu-4');
  });

  it('removing a menu leaves the options that led to it asking for another; the main menu cannot be removed', () => {
    const draft = toDraft(ivr);
    expect(removeMenu(draft, draft.rootMenuUid)).toBe(draft);
    const removed = removeMenu(draft, draft.menus[1].uid);
    expect(removed.menus.map((menu) => menu.id)).toEqual(['main']);
    expect(removed.menus[0].options[1].menuUid).toBe('');
    expect(fromDraft(removed).menus[0].options[1].action).toEqual({ type: 'submenu', menuId: '' });
  });
});

describe('options', () => {
  it('a new option takes the first free key', () => {
    const draft = toDraft(ivr);
    const main = draft.menus[0];
    const added = addOption(draft, main.uid, SUPPORT);
    expect(added.menus[0].options[2]).toMatchObject({
      key: '3',
      label: '',
      words: '',
      type: 'queue',
      queueId: SUPPORT,
    });
    expect(nextFreeKey({ ...main, options: [...'1234567890'].map((key) => ({ ...main.options[0], key })) })).toBe('*');
  });

  it('removes one option of one menu', () => {
    const draft = toDraft(ivr);
    const support = draft.menus[1];
    const removed = removeOption(draft, support.uid, support.options[0].uid);
    expect(fromDraft(removed).menus[1].options.map((option) => option.label)).toEqual(['Voicemail']);
    expect(fromDraft(removed).menus[0].options).toHaveLength(2);
  });
});
