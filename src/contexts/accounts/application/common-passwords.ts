import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let list: ReadonlySet<string> | null = null;

/**
 * The passwords people pick most (12 characters or more; shorter ones fail the length rule anyway),
 * folded as the password policy folds them. Made by scripts/make-common-passwords.js; read once.
 */
export function isCommonPassword(folded: string): boolean {
  list ??= new Set(readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8').split('\n').filter(Boolean));
  return list.has(folded);
}
