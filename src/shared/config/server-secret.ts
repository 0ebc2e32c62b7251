import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY, tightenToOwner } from '../owner-only-file';
import type { AppConfig } from './app-config';

export const SERVER_SECRET = Symbol('SERVER_SECRET');

/**
 * INBOX_SECRET when set (every node of a cluster must share it); otherwise a random key kept in
 * DATA_DIR/secret.key, made on first start and readable by the owner only.
 */
export function loadServerSecret(config: AppConfig): string {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret.key');
  try {
    const secret = readFileSync(file, 'utf8').trim();
    tightenToOwner(file);
    return secret;
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, `${secret}\n`, { mode: OWNER_ONLY, flag: 'wx' });
      return secret;
    } catch {
      // Another process made it first.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
