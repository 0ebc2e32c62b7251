import { z } from 'zod';

/**
 * Who a conversation is with, as its events carry them. A file of its own so that
 * chat-conversation.ts builds its schemas with it without importing the decider, which imports
 * chat-conversation.ts: in that circle, with the decider loaded first, chat-conversation.ts read
 * it before it was defined.
 */
export const ConversationContact = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type ConversationContact = z.infer<typeof ConversationContact>;
