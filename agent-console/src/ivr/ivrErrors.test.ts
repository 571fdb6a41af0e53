import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/ApiRequestError';
import { toDraft } from './ivrDraft';
import { errorsByPath, fieldOfPath, shownPaths, unshownMessages } from './ivrErrors';

describe('errorsByPath', () => {
  it('groups the server’s messages by path, a word’s and the action type’s under their field', () => {
    const error = new ApiRequestError(400, 'invalid_input', 'Invalid body', [
      { path: 'menus.0.options.1.key', message: 'key 1 is used twice in menu "main"' },
      { path: 'menus.0.options.1.words.0', message: 'Too big' },
      { path: 'menus.0.options.1.words.2', message: 'Too big' },
      { path: 'menus.1.options.0.action.type', message: 'Invalid input' },
      { path: 'greeting', message: 'is required' },
    ]);
    expect(errorsByPath(error)).toEqual({
      'menus.0.options.1.key': ['key 1 is used twice in menu "main"'],
      'menus.0.options.1.words': ['Too big'],
      'menus.1.options.0.action': ['Invalid input'],
      greeting: ['is required'],
    });
  });

  it('is empty for failures without fields', () => {
    expect(errorsByPath(new ApiRequestError(0, 'network_error', 'Failed to fetch'))).toEqual({});
    expect(errorsByPath(new Error('boom'))).toEqual({});
  });

  it('leaves other paths alone', () => {
    expect(fieldOfPath('menus.0.options.1.action.queueId')).toBe('menus.0.options.1.action.queueId');
    expect(fieldOfPath('menus.10.id')).toBe('menus.10.id');
  });
});

describe('unshownMessages', () => {
  const draft = toDraft({
    businessHoursId: null,
    language: 'en-US',
    greeting: 'Hi',
    closedMessage: 'Closed',
    voicemailPrompt: 'Message',
    voicemailQueueId: null,
    holdMessage: 'Hold',
    holdMusicUrl: null,
    callbackKey: '*',
    rootMenuId: 'main',
    menus: [
      {
        id: 'main',
        prompt: 'Press 1',
        options: [{ key: '1', words: [], label: 'One', action: { type: 'voicemail', queueId: null } }],
      },
    ],
  });

  it('lists the fields of every menu and option the draft has', () => {
    const paths = shownPaths(draft);
    expect(paths).toContain('callbackKey');
    expect(paths).toContain('menus.0.prompt');
    expect(paths).toContain('menus.0.options.0.action.menuId');
    expect(paths).not.toContain('menus.1.id');
    expect(paths).not.toContain('menus');
  });

  it('keeps for the top of the form what no field shows, with the path it names', () => {
    const errors = {
      'menus.0.options.0.key': ['must be one key'],
      menus: ['queue 42 does not exist'],
      body: ['Invalid'],
    };
    expect(unshownMessages(errors, shownPaths(draft))).toEqual(['menus: queue 42 does not exist', 'Invalid']);
  });
});
