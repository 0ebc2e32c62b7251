import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { AccountAlreadyOpened } from './accounts.errors';
import { checkLocale, checkName, checkPlan, checkTimeZone, checkUndoSendSeconds, DEFAULT_UNDO_SEND_SECONDS, PLANS, type Plan } from './accounts.rules';

export const AccountOpenedData = z.object({
  accountId: z.string().min(1),
  name: z.string(),
  plan: z.enum(PLANS as readonly [Plan, ...Plan[]]),
  timeZone: z.string().min(1),
  locale: z.string().min(1),
  primaryAdmin: z.object({ userId: z.string().min(1), name: z.string(), email: z.string().min(1) }),
});
export type AccountOpened = Event<'AccountOpened', z.infer<typeof AccountOpenedData>>;
export const AccountSettingsChangedData = z.object({
  accountId: z.string().min(1),
  changes: z.object({
    name: z.string().optional(),
    timeZone: z.string().min(1).optional(),
    locale: z.string().min(1).optional(),
    /** How long the outbox holds a reply so its author can undo it; accounts that never set it have the default. */
    undoSendSeconds: z.int().min(0).max(60).optional(),
  }),
});
export type AccountSettingsChanged = Event<'AccountSettingsChanged', z.infer<typeof AccountSettingsChangedData>>;
export type AccountEvent = AccountOpened | AccountSettingsChanged;

export type AccountCommand =
  | {
      type: 'OpenAccount';
      accountId: string;
      name: string;
      plan: string;
      timeZone?: string;
      locale?: string;
      primaryAdmin: { userId: string; name: string; email: string };
    }
  | { type: 'ChangeAccountSettings'; accountId: string; name?: string; timeZone?: string; locale?: string; undoSendSeconds?: number };

export interface AccountState {
  opened: boolean;
  name: string;
  timeZone: string;
  locale: string;
  undoSendSeconds: number;
}

export const accountStream = (accountId: string) => `account-${accountId}`;

/** What opening an account would record, or the first broken rule: also used before any claim is made. */
export function accountOpening(command: Extract<AccountCommand, { type: 'OpenAccount' }>): AccountOpened {
  return {
    type: 'AccountOpened',
    data: {
      accountId: command.accountId,
      name: checkName('accountName', command.name),
      plan: checkPlan(command.plan),
      timeZone: checkTimeZone(command.timeZone ?? 'UTC'),
      locale: checkLocale(command.locale ?? 'en'),
      primaryAdmin: command.primaryAdmin,
    },
  };
}

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: () => ({ opened: false, name: '', timeZone: 'UTC', locale: 'en', undoSendSeconds: DEFAULT_UNDO_SEND_SECONDS }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'AccountOpened':
        return { ...state, opened: true, name: event.data.name, timeZone: event.data.timeZone, locale: event.data.locale };
      case 'AccountSettingsChanged':
        return { ...state, ...event.data.changes };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'OpenAccount':
        if (state.opened) throw new AccountAlreadyOpened();
        return [accountOpening(command)];
      case 'ChangeAccountSettings': {
        const wanted = {
          ...(command.name !== undefined ? { name: checkName('name', command.name) } : {}),
          ...(command.timeZone !== undefined ? { timeZone: checkTimeZone(command.timeZone) } : {}),
          ...(command.locale !== undefined ? { locale: checkLocale(command.locale) } : {}),
          ...(command.undoSendSeconds !== undefined ? { undoSendSeconds: checkUndoSendSeconds(command.undoSendSeconds) } : {}),
        };
        const changes = Object.fromEntries(
          Object.entries(wanted).filter(([key, value]) => state[key as keyof typeof wanted] !== value),
        ) as typeof wanted;
        if (Object.keys(changes).length === 0) return [];
        return [{ type: 'AccountSettingsChanged', data: { accountId: command.accountId, changes } }];
      }
    }
  },
};
