import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * A small translator over a catalogue namespace for specs that run outside Next: arguments,
 * plural (with `#`) and select, as ICU defines them, with the language's plural rules. The web
 * app's own translator is next-intl's; browser specs see that one.
 */
export interface SpecTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

function format(elements: MessageFormatElement[], values: Record<string, string | number>, language: string, count?: number): string {
  const rules = new Intl.PluralRules(language);
  return elements
    .map((element) => {
      switch (element.type) {
        case TYPE.literal:
          return element.value;
        case TYPE.pound:
          return count === undefined ? '#' : new Intl.NumberFormat(language).format(count);
        case TYPE.argument:
          return values[element.value] === undefined ? `{${element.value}}` : String(values[element.value]);
        case TYPE.number:
          return new Intl.NumberFormat(language).format(Number(values[element.value]));
        case TYPE.plural: {
          const n = Number(values[element.value]);
          const option = element.options[`=${n}`] ?? element.options[rules.select(n - element.offset)] ?? element.options.other;
          return format(option.value, values, language, n - element.offset);
        }
        case TYPE.select: {
          const option = element.options[String(values[element.value])] ?? element.options.other;
          return format(option.value, values, language, count);
        }
        default:
          throw new Error(`The spec translator does not format ICU element type ${element.type}`);
      }
    })
    .join('');
}

export function specTranslator(namespace: Record<string, unknown>, language: string): SpecTranslator {
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), namespace);
  const t = (key: string, values: Record<string, string | number> = {}) => {
    const message = lookup(key);
    if (typeof message !== 'string') throw new Error(`No message ${key}`);
    return format(parse(message), values, language);
  };
  return Object.assign(t, { has: (key: string) => typeof lookup(key) === 'string' });
}
