import { messageOf } from '../error-message';
import { isOutOfSpace } from '../storage/storage-full';

/**
 * SQLite result codes (better-sqlite3's `code`, also its primary code before the first underscore
 * suffix) that say the database or the machine is failing, not the event being applied.
 */
const ENVIRONMENT_CODES = /^(SQLITE_(BUSY|LOCKED|IOERR|READONLY|CANTOPEN|NOMEM|INTERRUPT|PROTOCOL|CORRUPT|NOTADB)|EIO|EMFILE|ENFILE|ECONNREFUSED|ECONNRESET|ETIMEDOUT)/;

/**
 * The same failures when only the message crossed a thread (the event store's writer, the
 * projection thread), and EventStoreDB's client errors for a server it cannot reach.
 */
const ENVIRONMENT_MESSAGES =
  /database or disk is full|disk I\/O error|database (table )?is locked|readonly database|unable to open database|database disk image is malformed|out of memory|no space left on device|ECONNREFUSED|ECONNRESET|UNAVAILABLE|DEADLINE_EXCEEDED|not leader/i;

/**
 * Whether a failure may be the event's fault. Only those count towards parking: a full disk or an
 * unreachable store fails every event alike, and parking them all would empty the read models of
 * everything that arrives meanwhile. Those are retried until the environment recovers.
 */
export function mayBlameTheEvent(error: unknown): boolean {
  if (isOutOfSpace(error)) return false;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ENVIRONMENT_CODES.test(code)) return false;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'UnavailableError' || name === 'DeadlineExceededError' || name === 'NotLeaderError') return false;
  return !ENVIRONMENT_MESSAGES.test(messageOf(error));
}
