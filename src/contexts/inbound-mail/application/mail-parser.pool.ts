import { extname, join } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { ThreadPool } from '../../../shared/threads/thread-pool';
import type { ParsedMail } from '../domain/inbound-mail.events';
import type { ParseLimits } from './parse-mail';

/** The thread's entry: the compiled file, or under ts-jest and ts-node its TypeScript source. */
const WORKER_FILE = join(__dirname, `mail-parser.worker${extname(__filename)}`);

/** Two threads: a slow mail holds up one, the next mail goes to the other. */
const THREADS = 2;
/** Heap per thread: a 25 MB message parses in a fraction of it; a mail that needs more fails alone. */
const HEAP_MB = 512;

export interface ParseJob {
  raw: Uint8Array;
  ownDomain: string;
  limits: ParseLimits;
}

export interface ParseAnswer {
  mail: ParsedMail;
  /** The bytes of every body and attachment the mail names, for the blob store. */
  parts: Uint8Array[];
}

/**
 * Parses inbound mail (mailparser, the HTML sanitizer, reply extraction) on threads of their own,
 * each mail within `MAIL_PARSE_TIMEOUT_MS`: a mail, however hostile, never holds the thread that
 * answers HTTP and SMTP. A parse that overruns or kills its thread fails (ThreadDeadlineExceeded,
 * ThreadDied), and the thread is replaced.
 */
@Injectable()
export class MailParserPool implements OnApplicationShutdown {
  private readonly pool: ThreadPool<ParseJob, ParseAnswer>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new ThreadPool(WORKER_FILE, {
      name: 'mail parser',
      threads: THREADS,
      deadlineMs: config.mailParseTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
  }

  async parse(raw: Buffer, ownDomain: string, limits: ParseLimits): Promise<{ mail: ParsedMail; parts: Buffer[] }> {
    const { mail, parts } = await this.pool.run({ raw, ownDomain, limits });
    return { mail, parts: parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength)) };
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.close();
  }
}
