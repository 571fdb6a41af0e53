import type { IvrAction, IvrLanguage, IvrSettings } from '../api/ivrEndpoints';

export type ActionType = IvrAction['type'];
export const ACTION_TYPES: readonly ActionType[] = ['queue', 'submenu', 'voicemail', 'callback'];

/**
 * One menu option as the form edits it. Menus are referred to by a local `uid`, so renaming a menu's id keeps every
 * option that leads to it; the queue is kept while the action type changes, so switching back loses nothing.
 */
export interface DraftOption {
  uid: string;
  key: string;
  /** Spoken words, comma-separated as typed. */
  words: string;
  label: string;
  type: ActionType;
  /** '' = none (for voicemail: the line's voicemail queue). */
  queueId: string;
  /** The submenu's uid, '' = none chosen. */
  menuUid: string;
}

export interface DraftMenu {
  uid: string;
  id: string;
  prompt: string;
  options: DraftOption[];
}

/** The phone line as the form edits it: every value a string, '' where the server takes null. */
export interface IvrDraft {
  businessHoursId: string;
  language: IvrLanguage;
  greeting: string;
  closedMessage: string;
  voicemailPrompt: string;
  voicemailQueueId: string;
  holdMessage: string;
  holdMusicUrl: string;
  callbackKey: string;
  rootMenuUid: string;
  menus: DraftMenu[];
}

export type DraftMessageField =
  'greeting' | 'closedMessage' | 'voicemailPrompt' | 'holdMessage' | 'holdMusicUrl' | 'callbackKey';

let lastUid = 0;
const newUid = () => `u${++lastUid}`;

export const splitWords = (text: string) =>
  text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');

export function toDraft(ivr: IvrSettings): IvrDraft {
  const uidOf = new Map(ivr.menus.map((menu) => [menu.id, newUid()]));
  return {
    businessHoursId: ivr.businessHoursId ?? '',
    language: ivr.language,
    greeting: ivr.greeting,
    closedMessage: ivr.closedMessage,
    voicemailPrompt: ivr.voicemailPrompt,
    voicemailQueueId: ivr.voicemailQueueId ?? '',
    holdMessage: ivr.holdMessage,
    holdMusicUrl: ivr.holdMusicUrl ?? '',
    callbackKey: ivr.callbackKey,
    rootMenuUid: uidOf.get(ivr.rootMenuId) ?? '',
    menus: ivr.menus.map((menu) => ({
      uid: uidOf.get(menu.id)!,
      id: menu.id,
      prompt: menu.prompt,
      options: menu.options.map((option) => ({
        uid: newUid(),
        key: option.key,
        words: option.words.join(', '),
        label: option.label,
        type: option.action.type,
        queueId: 'queueId' in option.action ? (option.action.queueId ?? '') : '',
        menuUid: option.action.type === 'submenu' ? (uidOf.get(option.action.menuId) ?? '') : '',
      })),
    })),
  };
}

function toAction(option: DraftOption, menuIdOf: (uid: string) => string): IvrAction {
  switch (option.type) {
    case 'queue':
      return { type: 'queue', queueId: option.queueId };
    case 'submenu':
      return { type: 'submenu', menuId: menuIdOf(option.menuUid) };
    case 'voicemail':
      return { type: 'voicemail', queueId: option.queueId || null };
    case 'callback':
      return { type: 'callback', queueId: option.queueId };
  }
}

/** What PUT /api/admin/ivr receives. Menus and options keep their order, so the server's error paths point back into the draft. */
export function fromDraft(draft: IvrDraft): IvrSettings {
  const idOf = new Map(draft.menus.map((menu) => [menu.uid, menu.id.trim()]));
  const menuIdOf = (uid: string) => idOf.get(uid) ?? '';
  return {
    businessHoursId: draft.businessHoursId || null,
    language: draft.language,
    greeting: draft.greeting,
    closedMessage: draft.closedMessage,
    voicemailPrompt: draft.voicemailPrompt,
    voicemailQueueId: draft.voicemailQueueId || null,
    holdMessage: draft.holdMessage,
    holdMusicUrl: draft.holdMusicUrl.trim() || null,
    callbackKey: draft.callbackKey,
    rootMenuId: menuIdOf(draft.rootMenuUid),
    menus: draft.menus.map((menu) => ({
      id: menu.id.trim(),
      prompt: menu.prompt,
      options: menu.options.map((option) => ({
        key: option.key,
        words: splitWords(option.words),
        label: option.label,
        action: toAction(option, menuIdOf),
      })),
    })),
  };
}

/** The first key 1-9, 0, *, # no option of the menu uses yet. */
export function nextFreeKey(menu: DraftMenu): string {
  const used = new Set(menu.options.map((option) => option.key));
  return [...'1234567890*#'].find((key) => !used.has(key)) ?? '';
}

/** A menu id no menu has yet: menu-2, menu-3, … */
export function nextMenuId(draft: IvrDraft): string {
  const used = new Set(draft.menus.map((menu) => menu.id));
  for (let n = draft.menus.length + 1; ; n++) if (!used.has(`menu-${n}`)) return `menu-${n}`;
}

export function newOption(menu: DraftMenu, queueId = ''): DraftOption {
  return { uid: newUid(), key: nextFreeKey(menu), words: '', label: '', type: 'queue', queueId, menuUid: '' };
}

export function addMenu(draft: IvrDraft, queueId = ''): IvrDraft {
  const menu: DraftMenu = { uid: newUid(), id: nextMenuId(draft), prompt: '', options: [] };
  menu.options.push(newOption(menu, queueId));
  return { ...draft, menus: [...draft.menus, menu] };
}

/** Removes a menu; options that led to it are left without a submenu (the form then asks for one). The root menu stays. */
export function removeMenu(draft: IvrDraft, uid: string): IvrDraft {
  if (uid === draft.rootMenuUid) return draft;
  return {
    ...draft,
    menus: draft.menus
      .filter((menu) => menu.uid !== uid)
      .map((menu) => ({
        ...menu,
        options: menu.options.map((option) => (option.menuUid === uid ? { ...option, menuUid: '' } : option)),
      })),
  };
}

export function updateMenu(
  draft: IvrDraft,
  uid: string,
  change: Partial<Omit<DraftMenu, 'uid' | 'options'>>,
): IvrDraft {
  return { ...draft, menus: draft.menus.map((menu) => (menu.uid === uid ? { ...menu, ...change } : menu)) };
}

export function addOption(draft: IvrDraft, menuUid: string, queueId = ''): IvrDraft {
  return {
    ...draft,
    menus: draft.menus.map((menu) =>
      menu.uid === menuUid ? { ...menu, options: [...menu.options, newOption(menu, queueId)] } : menu,
    ),
  };
}

export function removeOption(draft: IvrDraft, menuUid: string, optionUid: string): IvrDraft {
  return {
    ...draft,
    menus: draft.menus.map((menu) =>
      menu.uid === menuUid ? { ...menu, options: menu.options.filter((option) => option.uid !== optionUid) } : menu,
    ),
  };
}

export function updateOption(
  draft: IvrDraft,
  menuUid: string,
  optionUid: string,
  change: Partial<Omit<DraftOption, 'uid'>>,
): IvrDraft {
  return {
    ...draft,
    menus: draft.menus.map((menu) =>
      menu.uid === menuUid
        ? {
            ...menu,
            options: menu.options.map((option) => (option.uid === optionUid ? { ...option, ...change } : option)),
          }
        : menu,
    ),
  };
}
