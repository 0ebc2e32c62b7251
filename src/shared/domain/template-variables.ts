/**
 * The variables a saved reply or a signature may hold, and the one grammar for them: `{{ name }}`, whitespace
 * inside the braces tolerated. Saving refuses a name not listed here; rendering replaces each
 * placeholder with its value, and with nothing when the value is missing, never leaving the raw
 * placeholder in a reply a contact would read. Shared by Conversations (saved replies), Accounts
 * (agents' signatures) and ChannelConfiguration (the channel's signature and the renderer).
 */
export const SAVED_REPLY_VARIABLES = ['contact.name', 'contact.email', 'agent.name', 'agent.email', 'conversation.subject'] as const;
export type SavedReplyVariable = (typeof SAVED_REPLY_VARIABLES)[number];
export type SavedReplyValues = Partial<Record<SavedReplyVariable, string | null | undefined>>;

// No brace inside a placeholder: each `{{` scans at most to the next brace, so the work stays linear in the text.
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
/** An unknown name is quoted in messages; past this length it is cut, as nobody reads further. */
const SHOWN_NAME = 60;

const isKnown = (name: string): name is SavedReplyVariable => (SAVED_REPLY_VARIABLES as readonly string[]).includes(name);

/** The variable names the text uses, trimmed, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1].trim());
  return [...names];
}

/** The names the text uses that are not variables, each once. */
export function unknownVariablesIn(text: string): string[] {
  return placeholdersIn(text).filter((name) => !isKnown(name));
}

const shownNames = (names: string[]) => names.map((name) => `{{${name.length > SHOWN_NAME ? `${name.slice(0, SHOWN_NAME)}…` : name}}}`);

/** How a refusal names the unknown variables: `unknown variable {{contact.phone}}`. */
export function describeUnknownVariables(names: string[]): string {
  return `${names.length === 1 ? 'unknown variable' : 'unknown variables'} ${shownNames(names).join(', ')}; use ${SAVED_REPLY_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`;
}

/** The same for clients to word: which variables are unknown (shortened), and which there are. */
export function unknownVariablesRule(names: string[]): { rule: string; count: number; variables: string; known: string } {
  return { rule: 'unknown_variables', count: names.length, variables: shownNames(names).join(', '), known: SAVED_REPLY_VARIABLES.map((v) => `{{${v}}}`).join(', ') };
}

/** The text with each placeholder replaced by its value; a missing value (or an unknown name) becomes empty. */
export function renderVariables(text: string, values: SavedReplyValues): string {
  return text.replace(PLACEHOLDER, (_, raw: string) => {
    const name = raw.trim();
    return isKnown(name) ? (values[name] ?? '') : '';
  });
}
