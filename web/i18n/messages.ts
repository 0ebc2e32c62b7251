import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import type { Language } from '../../src/shared/domain/language';

/**
 * The message catalogues: `web/messages/<language>/<namespace>.json`, one namespace per file, so
 * a part of the app adds its own file and registers nothing. Read once per process.
 */
const loaded = new Map<Language, AbstractIntlMessages>();

function messagesDir(): string {
  const candidates = [process.env.INBOX_WEB_DIR, join(/* turbopackIgnore: true */ process.cwd(), 'web'), process.cwd()].filter((dir): dir is string => Boolean(dir));
  for (const dir of candidates) if (existsSync(join(/* turbopackIgnore: true */ dir, 'messages', 'en'))) return join(/* turbopackIgnore: true */ dir, 'messages');
  throw new Error(`The message catalogues were not found (looked for messages/en under ${candidates.join(', ')})`);
}

export function messagesOf(language: Language): AbstractIntlMessages {
  const cached = loaded.get(language);
  if (cached) return cached;
  const dir = join(/* turbopackIgnore: true */ messagesDir(), language);
  const messages: AbstractIntlMessages = {};
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.json')) messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(/* turbopackIgnore: true */ dir, file), 'utf8')) as AbstractIntlMessages;
  }
  loaded.set(language, messages);
  return messages;
}
