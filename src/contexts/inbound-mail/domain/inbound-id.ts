import { createHash } from 'node:crypto';
import { deterministicId } from '../../../shared/domain/deterministic-id';

/**
 * The same mail delivered twice to one account is one message: the id comes from the Message-ID,
 * or from the raw bytes when there is none.
 */
export function inboundIdFor(accountId: string, messageId: string | null, raw: Buffer): string {
  const normalized = messageId?.trim().replace(/^<|>$/g, '').toLowerCase();
  return normalized
    ? deterministicId('inbound', accountId, 'message-id', normalized)
    : deterministicId('inbound', accountId, 'raw', createHash('sha256').update(raw).digest('hex'));
}
