/**
 * Every keyboard shortcut of the app, in one list: the `?` overlay shows it. A key's handler lives
 * where it acts (the inbox list, `thread-shortcuts.tsx`, the overlay itself); adding a key there
 * means adding its line here. Keys act only while nobody is typing in a field.
 */
export type ShortcutScope = 'Everywhere' | 'Inbox list' | 'Thread';

export interface Shortcut {
  /** The keys, any one of which does it. */
  keys: readonly string[];
  does: string;
  scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], does: 'Show these shortcuts', scope: 'Everywhere' },
  { keys: ['j'], does: 'Next conversation', scope: 'Inbox list' },
  { keys: ['k'], does: 'Previous conversation', scope: 'Inbox list' },
  { keys: ['Enter', 'o'], does: 'Open the conversation', scope: 'Inbox list' },
  { keys: ['r'], does: 'Open it ready to reply', scope: 'Inbox list' },
  { keys: ['e'], does: 'Close the conversation', scope: 'Inbox list' },
  { keys: ['x'], does: 'Select or unselect it for a bulk action (shift-click selects a range)', scope: 'Inbox list' },
  { keys: ['/'], does: 'Search conversations', scope: 'Inbox list' },
  { keys: ['r'], does: 'Reply', scope: 'Thread' },
  { keys: ['n'], does: 'Write an internal note', scope: 'Thread' },
  { keys: ['#'], does: 'Insert a saved reply', scope: 'Thread' },
  { keys: ['t'], does: 'Tag the conversation', scope: 'Thread' },
  { keys: ['s'], does: 'Snooze the conversation', scope: 'Thread' },
  { keys: ['e'], does: 'Close the conversation', scope: 'Thread' },
  { keys: ['Escape'], does: 'Leave the reply box', scope: 'Thread' },
];

export const SHORTCUT_SCOPES: readonly ShortcutScope[] = ['Everywhere', 'Inbox list', 'Thread'];

/** Keys are for the page only while nobody is typing in a field (a checkbox takes no text). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}
