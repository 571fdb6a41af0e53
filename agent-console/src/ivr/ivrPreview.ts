import type { IvrSettings } from '../api/ivrEndpoints';

/** One thing on a caller's way through the line, in order. `say` is text from the settings, spoken as written. */
export type PreviewStep =
  | { kind: 'say'; text: string }
  | { kind: 'choose'; menuId: string; key: string; words: string[]; label: string }
  /** Waits in the queue: hears their position, the offer to press `callbackKey` for a callback, then hold music or the hold message. */
  | { kind: 'queue'; queueId: string; callbackKey: string; holdMusicUrl: string | null; holdMessage: string }
  /** Leaves a message after the tone; it becomes a ticket in this queue (null: the voice entry queue). */
  | { kind: 'voicemail'; queueId: string | null }
  /** Confirms the number to call back, then hangs up; the callback is routed from this queue. */
  | { kind: 'callback'; queueId: string }
  /** The option leads back to a menu already on this path: the caller hears that menu again. */
  | { kind: 'loop'; menuId: string }
  /** The option leads to a menu that does not exist (the server refuses to save this). */
  | { kind: 'missing'; menuId: string };

export interface PreviewBranch {
  /** The keys pressed from the main menu on, e.g. ["2", "1"]; empty for the closed line. */
  keys: string[];
  closed: boolean;
  steps: PreviewStep[];
}

/**
 * Every way through the phone line, one branch per final choice, as the server plays it (server/voice/ivrFlow.ts):
 * the greeting with the main menu's prompt, a submenu's prompt, then a queue, voicemail or a callback request; and,
 * when the line keeps business hours, the closed message and voicemail.
 */
export function previewIvr(ivr: IvrSettings): PreviewBranch[] {
  const menus = new Map(ivr.menus.map((menu) => [menu.id, menu]));
  const branches: PreviewBranch[] = [];
  const voicemail = (queueId: string | null): PreviewStep[] => [
    { kind: 'say', text: ivr.voicemailPrompt },
    { kind: 'voicemail', queueId: queueId ?? ivr.voicemailQueueId },
  ];

  const walk = (menuId: string, keys: string[], steps: PreviewStep[], visited: string[]) => {
    const menu = menus.get(menuId);
    if (!menu) {
      branches.push({ keys, closed: false, steps: [...steps, { kind: 'missing', menuId }] });
      return;
    }
    const heard: PreviewStep[] = [...steps, { kind: 'say', text: menu.prompt }];
    if (menu.options.length === 0) branches.push({ keys, closed: false, steps: heard });
    for (const option of menu.options) {
      const path = [...keys, option.key];
      const chosen: PreviewStep[] = [
        ...heard,
        { kind: 'choose', menuId: menu.id, key: option.key, words: option.words, label: option.label },
      ];
      const { action } = option;
      switch (action.type) {
        case 'submenu':
          if (visited.includes(action.menuId))
            branches.push({ keys: path, closed: false, steps: [...chosen, { kind: 'loop', menuId: action.menuId }] });
          else walk(action.menuId, path, chosen, [...visited, action.menuId]);
          break;
        case 'queue':
          branches.push({
            keys: path,
            closed: false,
            steps: [
              ...chosen,
              {
                kind: 'queue',
                queueId: action.queueId,
                callbackKey: ivr.callbackKey,
                holdMusicUrl: ivr.holdMusicUrl,
                holdMessage: ivr.holdMessage,
              },
            ],
          });
          break;
        case 'voicemail':
          branches.push({ keys: path, closed: false, steps: [...chosen, ...voicemail(action.queueId)] });
          break;
        case 'callback':
          branches.push({
            keys: path,
            closed: false,
            steps: [...chosen, { kind: 'callback', queueId: action.queueId }],
          });
          break;
      }
    }
  };

  walk(ivr.rootMenuId, [], [{ kind: 'say', text: ivr.greeting }], [ivr.rootMenuId]);
  if (ivr.businessHoursId)
    branches.push({ keys: [], closed: true, steps: [{ kind: 'say', text: ivr.closedMessage }, ...voicemail(null)] });
  return branches;
}
