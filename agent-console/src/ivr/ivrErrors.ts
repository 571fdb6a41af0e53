import { ApiRequestError } from '../api/ApiRequestError';
import type { IvrDraft } from './ivrDraft';

/** The server's 400 messages by the path they name ("menus.0.options.1.key"). */
export type PathErrors = Partial<Record<string, string[]>>;

const TOP_FIELDS = [
  'businessHoursId',
  'language',
  'greeting',
  'closedMessage',
  'voicemailPrompt',
  'voicemailQueueId',
  'holdMessage',
  'holdMusicUrl',
  'callbackKey',
  'rootMenuId',
] as const;

/**
 * Where the form shows a path's messages: one spoken word's problem under the words field ("….words.2" → "….words"),
 * the action's type under the action select ("….action.type" → "….action").
 */
export function fieldOfPath(path: string): string {
  return path.replace(/(\.words)\.\d+$/, '$1').replace(/(\.action)\.type$/, '$1');
}

export function errorsByPath(error: unknown): PathErrors {
  if (!(error instanceof ApiRequestError)) return {};
  const byPath: PathErrors = {};
  for (const { path, message } of error.fields) {
    const messages = (byPath[fieldOfPath(path)] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return byPath;
}

/** Every path the form has a field for, in the draft's order (the order the server numbers menus and options). */
export function shownPaths(draft: IvrDraft): string[] {
  return [
    ...TOP_FIELDS,
    ...draft.menus.flatMap((menu, i) => [
      `menus.${i}.id`,
      `menus.${i}.prompt`,
      `menus.${i}.options`,
      ...menu.options.flatMap((_, j) =>
        ['key', 'words', 'label', 'action', 'action.queueId', 'action.menuId'].map(
          (field) => `menus.${i}.options.${j}.${field}`,
        ),
      ),
    ]),
  ];
}

/** The messages no field shows (e.g. a queue that no longer exists, path "menus"): they go above the form, with their path. */
export function unshownMessages(errors: PathErrors, shown: readonly string[]): string[] {
  const visible = new Set(shown);
  return Object.entries(errors)
    .filter(([path]) => !visible.has(path))
    .flatMap(([path, messages = []]) =>
      messages.map((message) => (path && path !== 'body' ? `${path}: ${message}` : message)),
    );
}
