import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';

/** What the product can tell a user by email: a mention in a note, a conversation given to them, a reply of theirs that failed for good. */
export const EMAIL_NOTIFICATION_KINDS = ['mention', 'assignment', 'replyFailed'] as const;
export type EmailNotificationKind = (typeof EMAIL_NOTIFICATION_KINDS)[number];

export const EmailNotificationPreferences = z.object({ mention: z.boolean(), assignment: z.boolean(), replyFailed: z.boolean() });
export type EmailNotificationPreferences = z.infer<typeof EmailNotificationPreferences>;

/** Every kind is on until the user turns it off: a new colleague hears of what is asked of them. */
export const DEFAULT_EMAIL_NOTIFICATIONS: EmailNotificationPreferences = { mention: true, assignment: true, replyFailed: true };

/** The user's whole choice after a change, so a reader needs only the last one. */
export const UserEmailNotificationsChangedData = z.object({ userId: z.string().min(1), notifications: EmailNotificationPreferences });
export type UserEmailNotificationsChanged = Event<'UserEmailNotificationsChanged', z.infer<typeof UserEmailNotificationsChangedData>>;

/** The preferences after `changes` (the kinds named; the others stay as they were), or null when nothing changes. */
export function changedPreferences(
  current: EmailNotificationPreferences,
  changes: Partial<EmailNotificationPreferences>,
): EmailNotificationPreferences | null {
  const next = { ...current };
  for (const kind of EMAIL_NOTIFICATION_KINDS) {
    const wanted = changes[kind];
    if (wanted !== undefined) next[kind] = wanted;
  }
  return EMAIL_NOTIFICATION_KINDS.some((kind) => next[kind] !== current[kind]) ? next : null;
}
