import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MessageFormat {
  format(values?: Record<string, unknown>): unknown;
}
type MessageFormatClass = new (message: string, locale: string) => MessageFormat;

let loaded: MessageFormatClass | undefined;

/**
 * The ICU formatter the web app's translator uses (intl-messageformat), for specs of code that words
 * its text through a catalogue. The package ships as an ES module only, which this test runner does
 * not load; its single-file build is evaluated here instead, minus its export line.
 */
export function formatMessage(message: string, locale: string, values: Record<string, unknown> = {}): string {
  if (!loaded) {
    const source = readFileSync(join(__dirname, '../../node_modules/intl-messageformat/intl-messageformat.iife.js'), 'utf8').replace(/^export \{[^}]*\};?$/m, '');
    loaded = new Function(`${source}\nreturn IntlMessageFormat;`)() as MessageFormatClass;
  }
  return String(new loaded(message, locale).format(values));
}
