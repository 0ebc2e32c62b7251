import { InvalidInput } from '../../../shared/domain/domain-error';

export const CONVERSATION_STARTED_AT = '{{conversation_started_at}}';
export const AGENT_NAME = '{{agent_name}}';

export const DEFAULT_SUBJECT = 'Follow-up from our conversation';
export const defaultFromName = (accountName: string) => `${AGENT_NAME} from ${accountName}`;

const SUBJECT_MAX = 200;
const FROM_NAME_MAX = 100;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ANY_TOKEN = /\{\{\s*([^}]*?)\s*\}\}/g;

/**
 * Templates are plain text with at most one known token. A line break or control character could
 * smuggle a header into the mail, so it is refused, never stripped.
 */
function checkTemplate(field: string, template: string, token: string, maxLength: number): string {
  if (CONTROL_CHARACTERS.test(template)) {
    throw new InvalidInput(field, `${field} must be one line of plain text: no line breaks or control characters`, 'CHANNEL.TEMPLATE_CONTROL_CHARACTER');
  }
  const trimmed = template.trim();
  if (trimmed.length === 0) throw new InvalidInput(field, `${field} must not be empty`, 'CHANNEL.TEMPLATE_EMPTY');
  if (trimmed.length > maxLength) throw new InvalidInput(field, `${field} must be at most ${maxLength} characters`, 'CHANNEL.TEMPLATE_TOO_LONG');
  const tokens = [...trimmed.matchAll(ANY_TOKEN)].map((match) => match[0]);
  const unknown = tokens.find((found) => found !== token);
  if (unknown) throw new InvalidInput(field, `${field} may only contain the ${token} token, not ${unknown}`, 'CHANNEL.TEMPLATE_UNKNOWN_TOKEN');
  if (tokens.length > 1) throw new InvalidInput(field, `${field} may contain ${token} only once`, 'CHANNEL.TEMPLATE_REPEATED_TOKEN');
  if (trimmed.replace(token, '').trim().length === 0 && token === CONVERSATION_STARTED_AT) {
    throw new InvalidInput(field, `${field} needs some text besides the timestamp`, 'CHANNEL.TEMPLATE_EMPTY');
  }
  return trimmed;
}

export const checkDefaultSubject = (subject: string) => checkTemplate('defaultSubject', subject, CONVERSATION_STARTED_AT, SUBJECT_MAX);
export const checkFromName = (fromName: string) => checkTemplate('fromName', fromName, AGENT_NAME, FROM_NAME_MAX);

export interface AccountLocale {
  timeZone: string;
  locale: string;
}

/** The subject as the contact sees it: the conversation's start in the account's time zone and locale. */
export function renderSubject(template: string, conversationStartedAt: Date, account: AccountLocale): string {
  const when = new Intl.DateTimeFormat(account.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: account.timeZone }).format(
    conversationStartedAt,
  );
  return template.replace(CONVERSATION_STARTED_AT, when);
}

/** The display name of the From line: the sending agent's full name in place of the tag. */
export function renderFromName(template: string, agentName: string): string {
  return template.replace(AGENT_NAME, agentName).replace(/\s+/g, ' ').trim();
}
