/**
 * Every keyboard shortcut of the app, in one list: the `?` overlay shows it. A key's handler lives
 * where it acts (the inbox list, `thread-shortcuts.tsx`, the overlay itself); adding a key there
 * means adding its line here, and its words to the `shortcuts` catalogue. Keys act only while nobody
 * is typing in a field, and are the same in every language.
 */
export type ShortcutScope = 'everywhere' | 'inboxList' | 'thread';

export type ShortcutAction =
  | 'showShortcuts'
  | 'next'
  | 'previous'
  | 'open'
  | 'openToReply'
  | 'close'
  | 'select'
  | 'search'
  | 'reply'
  | 'note'
  | 'savedReply'
  | 'tag'
  | 'snooze'
  | 'leaveReply';

export interface Shortcut {
  /** The keys, any one of which does it. */
  keys: readonly string[];
  /** What it does: its key in the `shortcuts.does` catalogue. */
  does: ShortcutAction;
  scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], does: 'showShortcuts', scope: 'everywhere' },
  { keys: ['j'], does: 'next', scope: 'inboxList' },
  { keys: ['k'], does: 'previous', scope: 'inboxList' },
  { keys: ['Enter', 'o'], does: 'open', scope: 'inboxList' }, // not words for people
  { keys: ['r'], does: 'openToReply', scope: 'inboxList' },
  { keys: ['e'], does: 'close', scope: 'inboxList' },
  { keys: ['x'], does: 'select', scope: 'inboxList' },
  { keys: ['/'], does: 'search', scope: 'inboxList' },
  { keys: ['r'], does: 'reply', scope: 'thread' },
  { keys: ['n'], does: 'note', scope: 'thread' },
  { keys: ['#'], does: 'savedReply', scope: 'thread' },
  { keys: ['t'], does: 'tag', scope: 'thread' },
  { keys: ['s'], does: 'snooze', scope: 'thread' },
  { keys: ['e'], does: 'close', scope: 'thread' },
  { keys: ['Escape'], does: 'leaveReply', scope: 'thread' }, // not words for people
];

export const SHORTCUT_SCOPES: readonly ShortcutScope[] = ['everywhere', 'inboxList', 'thread'];

/** Keys are for the page only while nobody is typing in a field (a checkbox takes no text). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}
