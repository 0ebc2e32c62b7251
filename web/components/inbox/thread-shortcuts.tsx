'use client';

import { useEffect } from 'react';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Keyboard use of a thread: r starts a reply, n an internal note, e closes the conversation, s opens
 * the snooze menu, t the tag picker, # the saved reply picker, Escape leaves the reply box.
 * Opened as …#reply (r in the inbox list), it starts in the reply box.
 */
export function ThreadShortcuts() {
  useEffect(() => {
    if (window.location.hash !== '#reply') return;
    document.querySelector<HTMLTextAreaElement>('[data-reply-box]')?.focus();
    // Once: a reload of the thread later should not jump into the reply box again.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && typing(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
      if (event.key === 'r') {
        // From the note tab, back to the reply first.
        document.querySelector<HTMLButtonElement>('[data-reply-tab]')?.click();
        const box = document.querySelector<HTMLTextAreaElement>('[data-reply-box]');
        if (box) {
          event.preventDefault();
          box.focus();
        }
      } else if (event.key === 'n') {
        const noteTab = document.querySelector<HTMLButtonElement>('[data-note-tab]');
        if (noteTab) {
          event.preventDefault();
          noteTab.click();
          document.querySelector<HTMLTextAreaElement>('[data-note-box]')?.focus();
        }
      } else if (event.key === 'e') {
        const close = document.querySelector<HTMLButtonElement>('button[name="action"][value="close"]');
        if (close && !close.disabled) {
          event.preventDefault();
          close.click();
        }
      } else if (event.key === '#') {
        const savedReplies = document.querySelector<HTMLButtonElement>('[data-saved-replies-button]');
        if (savedReplies) {
          event.preventDefault();
          savedReplies.click();
        }
      } else if (event.key === 's') {
        const snooze = document.querySelector<HTMLButtonElement>('button[data-snooze-toggle]');
        if (snooze && !snooze.disabled && snooze.getAttribute('aria-expanded') !== 'true') {
          event.preventDefault();
          snooze.click();
        }
      } else if (event.key === 't') {
        const picker = document.querySelector<HTMLButtonElement>('button[data-tag-picker-button]');
        if (picker && picker.getAttribute('aria-expanded') !== 'true') {
          event.preventDefault();
          picker.click();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
