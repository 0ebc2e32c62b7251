import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/**
 * Mail the product sends one of its own people (an invitation, a password reset link, a
 * notification), queued in a stream of its own and delivered by the same outbox as replies: a
 * relay outage delays it, a restart never loses or repeats it. The stream is named after the
 * sender's key (one mail per key), so whatever asks twice for the same mail, a replayed event or a
 * retried request, queues it once.
 */
const OneLine = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: header injection
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no line breaks or control characters');

export const UserMailQueuedData = z.object({
  mailId: z.string().min(1),
  accountId: z.string().min(1),
  /** What makes it once-only, as the sender named it, such as `invitation-<id>-2`. */
  key: z.string().min(1).max(200),
  to: z.object({ name: OneLine(200), address: OneLine(254).regex(/^[^\s@]+@[^\s@]+$/, 'an email address') }),
  subject: OneLine(400).min(1),
  /** Absent when sealed. */
  text: z.string().min(1).max(50_000).optional(),
  html: z.string().max(200_000).optional(),
  /**
   * Text and HTML of a mail that carries a secret (a one-time link), sealed with the server secret
   * (application/user-mail-seal.ts): the log never holds a working link.
   */
  sealed: z.string().min(1).max(400_000).optional(),
  queuedAt: Timestamp,
}).refine((mail) => (mail.text === undefined) !== (mail.sealed === undefined) && !(mail.sealed && mail.html), {
  message: 'either text (and html) or sealed',
});
export type UserMailQueued = Event<'UserMailQueued', z.infer<typeof UserMailQueuedData>>;
export type UserMailEvent = UserMailQueued;

/** What a context asks to send: `confidential` when the text carries a secret, such as a one-time link. */
export interface UserMail {
  accountId: string;
  key: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  confidential?: boolean;
}

/** The mail as recorded: its body in the clear, or sealed. */
export type RecordedUserMail = Omit<UserMailQueued['data'], 'mailId' | 'queuedAt'>;

export type UserMailCommand = { type: 'QueueUserMail'; mailId: string; mail: RecordedUserMail; now: Date };

export const userMailStream = (mailId: string) => `usermail-${mailId}`;

export const userMailDecider: Decider<{ queued: boolean }, UserMailCommand, UserMailEvent> = {
  initialState: () => ({ queued: false }),
  evolve: (state, event) => (event.type === 'UserMailQueued' ? { queued: true } : state),
  decide: (command, state) => {
    // Asked again for the same key: it is queued already, and goes once.
    if (state.queued) return [];
    return [{ type: 'UserMailQueued', data: { mailId: command.mailId, ...command.mail, queuedAt: command.now.toISOString() } }];
  },
};
