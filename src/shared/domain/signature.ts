import { InvalidInput } from './domain-error';
import { describeUnknownVariables, unknownVariablesIn, unknownVariablesRule } from './template-variables';

/** Long enough for a name, a role, a phone line and a legal footer; a signature is not a newsletter. */
export const SIGNATURE_MAX = 2000;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A signature (an agent's or a channel's) as it is stored: plain text over several lines, with the
 * variables of saved replies; line endings normalized, trailing spaces of the whole trimmed. An empty
 * result means "no signature". Unknown variables are refused by name, as saved replies refuse them.
 */
export function checkSignature(field: string, signature: string): string {
  const text = signature.replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^\n+/, '');
  if (text.length > SIGNATURE_MAX) throw new InvalidInput(field, `${field} must be at most ${SIGNATURE_MAX} characters`, 'SIGNATURE.TOO_LONG');
  if (CONTROL_CHARACTERS.test(text)) {
    throw new InvalidInput(field, `${field} must be plain text: no control characters besides line breaks and tabs`, 'SIGNATURE.CONTROL_CHARACTER');
  }
  const unknown = unknownVariablesIn(text);
  if (unknown.length > 0) throw new InvalidInput(field, `${field}: ${describeUnknownVariables(unknown)}`, 'SIGNATURE.UNKNOWN_VARIABLE', unknownVariablesRule(unknown));
  return text;
}
